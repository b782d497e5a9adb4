"""Real-browser tests: Playwright's Python package driving Debian's Chromium.

No browser is downloaded: we use Debian's Chromium, its headless shell
/usr/bin/chromium-headless-shell when it is installed (``make test`` installs it as root; the
build Playwright itself runs headless, half the time of the full browser), else
/usr/bin/chromium, or $CHROMIUM_PATH. Without one, these tests skip with a loud reason, unless
REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make
# beside it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or (
    HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/microreach-screenshots"))


def _unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but no browser: {reason}", pytrace=False)
    pytest.skip(f"BROWSER TESTS SKIPPED: {reason}")


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium chromium-headless-shell)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"playwright is not installed ({error})")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Exception as error:  # noqa: BLE001 - any launch failure means no browser
            _unavailable(f"Chromium did not start: {error}")
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (own cookies) that fails the test on any console error,
    such as a Content-Security-Policy violation."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.live_server_url = live_server.url
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()
    assert not errors, f"browser console errors: {errors}"


@pytest.fixture
def phone_page(browser, live_server):
    """A 375 px wide phone screen with touch, for the journeys owners make on their phone."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.live_server_url = live_server.url
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"browser console errors: {errors}"


def log_in(page, user, password=None):
    """Log in through the login form, as the owner would, and land on their campaigns."""
    from tests.factories.accounts import PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password or PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/campaigns/$"))


def sign_in(page, user):
    """Signed in as ``user`` without going through the login form: the browser gets the
    session cookie of a session Django's test client opened for them (``force_login``), and
    stays where it is (the test goes to the page it is about). Two page loads and a form
    post fewer than ``log_in``, which the tests where logging in is part of the story still
    use. ``page.live_server_url`` is set by the page fixtures."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": page.live_server_url,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )
    # As log_in waits to land on the campaigns: the cookie is taken (no way round to login).
    landing = page.request.get("/campaigns/", max_redirects=0)
    assert landing.status == 200, f"not signed in: /campaigns/ answered {landing.status}"


def ask_to_sign_up(page, email):
    """Ask for an account on the sign-up page; the link the e-mail brings (the site's mail
    is kept in ``django.core.mail.outbox`` while testing)."""
    from django.core import mail

    sent = len(mail.outbox)
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send me the link").click()
    page.wait_for_url(re.compile(r"/accounts/signup/sent/$"))
    (message,) = mail.outbox[sent:]
    return re.search(r"https?://\S+/accounts/signup/finish/\S+", message.body).group()


def screenshot(page, name):
    """Save a screenshot for a person to look at (SCREENSHOT_DIR, default /tmp)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
