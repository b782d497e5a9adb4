"""No page an owner reaches is wider than a 320 or 375 px phone: wide tables scroll inside
their own box (or become cards), never the whole page."""

import pytest

from tests.factories.accounts import UserFactory

from .conftest import sign_in
from .owner_pages import owner_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out of the screen, to name in the failure (the widest few). Measured against
# the screen's width: on a phone the browser widens its layout viewport (innerWidth) to a
# page that is too wide.
OVERFLOW = """(width) => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .slice(-3).map(e => `${e.tagName.toLowerCase()}.${e.className}`)"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.live_server_url = live_server.url
    yield page
    context.close()


VISITOR_PAGES = [
    "/",
    "/accounts/signup/",
    "/accounts/signup/sent/",
    "/accounts/login/",
    "/accounts/password/reset/",
]


WIDTHS = (320, 375)
# One animation frame: the page's resize handlers (app.js marks tables that overflow their
# box) have run by then, as its load handlers had after a load.
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"


def too_wide(page, paths):
    """Each page loaded once at 320 px, then measured at each width: the phone turned to
    375 px lays the page out again (its style sheets and resize handlers), no reload needed."""
    wide = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 640})
        response = page.goto(path)
        assert response.ok, f"{path}: {response.status}"
        for width in WIDTHS:
            if width != WIDTHS[0]:
                page.set_viewport_size({"width": width, "height": 640})
                page.evaluate(NEXT_FRAME)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                sticking_out = page.evaluate(OVERFLOW, width)
                wide.append(f"{path} at {width}px: {scroll_width}px {sticking_out}")
    return wide


def test_no_page_scrolls_sideways_at_320_or_375_px(phone):
    owner = UserFactory()
    pages = owner_world(owner)
    wide = too_wide(phone, VISITOR_PAGES)
    sign_in(phone, owner)
    wide += too_wide(phone, pages)
    assert not wide, "\n".join(wide)


def test_the_width_check_measures_each_width_after_the_turn(phone):
    """Planted boxes: one 340 px wide sticks out at 320 px only; one that grows with the
    screen (0 px up to 350 px, then far wider) sticks out at 375 px only. Each is found at
    its own width, so the page is measured as laid out again after the turn."""
    phone.add_init_script(
        """document.addEventListener('DOMContentLoaded', () => {
          for (const [name, width] of [['fixed-box', '340px'],
                                       ['growing-box', 'max(0px, (100vw - 350px) * 100)']]) {
            const box = document.createElement('div');
            box.className = name;
            box.style.width = width;
            box.style.height = '1px';
            document.body.append(box);
          } })"""
    )
    at_320, at_375 = too_wide(phone, ["/"])
    assert at_320.startswith("/ at 320px: 340px") and "fixed-box" in at_320, at_320
    assert at_375.startswith("/ at 375px: 2500px") and "growing-box" in at_375, at_375
