"""No page an owner reaches is wider than a 320 or 375 px phone: wide tables scroll inside
their own box (or become cards), never the whole page."""

import pytest

from tests.factories.accounts import UserFactory

from .conftest import sign_in
from .owner_pages import owner_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out of the screen, to name in the failure (the widest few).
OVERFLOW = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
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


def too_wide(page, paths):
    wide = []
    for width in (320, 375):
        page.set_viewport_size({"width": width, "height": 640})
        for path in paths:
            response = page.goto(path)
            assert response.ok, f"{path}: {response.status}"
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                wide.append(f"{path} at {width}px: {scroll_width}px {page.evaluate(OVERFLOW)}")
    return wide


def test_no_page_scrolls_sideways_at_320_or_375_px(phone):
    owner = UserFactory()
    pages = owner_world(owner)
    wide = too_wide(phone, VISITOR_PAGES)
    sign_in(phone, owner)
    wide += too_wide(phone, pages)
    assert not wide, "\n".join(wide)
