"""axe-core in a real browser: no accessibility violation of any impact on any page state."""

import re

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

from .axe import assert_accessible, axe_violations, describe
from .conftest import ask_to_sign_up, screenshot, sign_in
from .owner_pages import owner_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DUPLICATE_IDS = """() => { const seen = {};
  document.querySelectorAll('[id]').forEach(e => { seen[e.id] = (seen[e.id] || 0) + 1; });
  return Object.keys(seen).filter(id => seen[id] > 1); }"""


@pytest.fixture
def owner_page(page):
    owner = UserFactory()
    sign_in(page, owner)
    page.owner = owner
    return page


@pytest.fixture
def campaign(owner_page):
    """A running campaign with an influencer, a KPI and a first reading."""
    campaign = CampaignFactory(owner=owner_page.owner, status="active", launched_at=timezone.now())
    partnership = PartnershipFactory(campaign=campaign)
    kpi = CampaignKPIFactory(campaign=campaign)
    MeasurementFactory(kpi=kpi, influencer=partnership.influencer)
    return campaign


@pytest.mark.parametrize(
    "name, path",
    [
        ("landing", "/"),
        ("sign-up", "/accounts/signup/"),
        ("sign-up-sent", "/accounts/signup/sent/"),
        ("login", "/accounts/login/"),
        ("password-reset", "/accounts/password/reset/"),
        ("not-found", "/no-such-page/"),
    ],
)
def test_visitor_pages_are_accessible(page, name, path):
    response = page.goto(path)
    if response.status == 404:  # the browser logs the 404 itself; that one is expected here
        page.console_errors.clear()
    screenshot(page, f"a11y-{name}")
    assert_accessible(page)


def test_sign_up_errors_are_accessible(page):
    page.goto(ask_to_sign_up(page, "sam@example.com"))
    screenshot(page, "a11y-sign-up-finish")
    assert_accessible(page)
    page.get_by_label("Business name").fill("Sam's Bikes")
    page.locator("#id_password1").fill("pedal-power-2026")
    page.locator("#id_password2").fill("pedal-power-2027")
    page.get_by_role("button", name="Create my account").click()
    page.locator(".invalid-feedback").first.wait_for()
    screenshot(page, "a11y-sign-up-errors")
    assert_accessible(page)


def test_axe_would_catch_a_violation(page):
    """Proves the check can fail: an image without a text alternative is 'critical'."""
    page.goto("/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/favicon.svg';"
        " document.querySelector('main').append(img); }"
    )
    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]


def test_every_owner_page_is_accessible(owner_page):
    """Each page an owner reaches, a new draft's steps 5-7 (empty panels) included. Ids are
    unique too: forms sharing a page (check-in and promo code) use prefixes."""
    found = []
    for path in owner_world(owner_page.owner):
        owner_page.goto(path)
        violations = axe_violations(owner_page)
        if violations:
            found.append(f"{path}:\n{describe(violations)}")
        twice = owner_page.evaluate(DUPLICATE_IDS)
        if twice:
            found.append(f"{path}: ids used twice: {twice}")
    assert not found, "\n".join(found)


def test_failed_submits_are_accessible(owner_page, campaign):
    """Error states: a wizard step and a check-in sent with a wrong answer."""
    page = owner_page
    page.goto(f"/campaigns/{campaign.pk}/plan/2/")
    page.get_by_label("How many?").fill("")
    page.get_by_role("button", name="Save and continue").click()
    page.locator("[data-error-summary]").wait_for()
    screenshot(page, "a11y-wizard-error")
    assert_accessible(page)

    page.goto(f"/campaigns/{campaign.pk}/measurements/")
    page.get_by_label("Whose code was used?").select_option(index=1)
    page.locator("#id_promo-revenue").fill("-5")
    page.get_by_role("button", name="Add", exact=True).click()
    page.locator("[data-error-summary]").wait_for()
    screenshot(page, "a11y-checkin-error")
    assert_accessible(page)


def test_open_menus_and_a_ticked_checklist_are_accessible(owner_page, campaign):
    page = owner_page
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"/campaigns/{campaign.pk}/checklist/")
    page.get_by_role("button", name="Show menu").click()
    page.get_by_role("button", name=page.owner.business.name).click()
    page.locator(".dropdown-menu.show").wait_for()
    assert_accessible(page)

    page.keyboard.press("Escape")
    with page.expect_response(re.compile(r"/tick/$")):
        page.locator("#s1-reach-out").get_by_role("button").click()
    page.locator("#s1-reach-out [aria-pressed=true]").wait_for()
    assert_accessible(page)
