"""axe-core in a real browser: no serious or critical accessibility violation on key pages."""

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

from .axe import assert_accessible, axe_violations
from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner_page(page):
    owner = UserFactory()
    log_in(page, owner)
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
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Business name").fill("Sam's Bikes")
    page.locator("#id_password1").fill("pedal-power-2026")
    page.locator("#id_password2").fill("pedal-power-2027")
    page.get_by_role("button", name="Create my account").click()
    page.locator(".invalid-feedback").first.wait_for()
    screenshot(page, "a11y-sign-up-errors")
    assert_accessible(page)


@pytest.mark.parametrize(
    "name, path",
    [
        ("portfolio", "/campaigns/"),
        ("influencers", "/influencers/"),
        ("business", "/accounts/business/"),
        ("delete-account", "/accounts/delete/"),
    ],
)
def test_owner_pages_are_accessible(owner_page, name, path):
    owner_page.goto(path)
    screenshot(owner_page, f"a11y-{name}")
    assert_accessible(owner_page)


def test_new_campaign_page_is_accessible(owner_page):
    owner_page.goto("/campaigns/new/")
    screenshot(owner_page, "a11y-new-campaign")
    assert_accessible(owner_page)


@pytest.mark.parametrize("step", range(1, 8))
def test_wizard_steps_are_accessible(owner_page, campaign, step):
    owner_page.goto(f"/campaigns/{campaign.pk}/plan/{step}/")
    screenshot(owner_page, f"a11y-wizard-step-{step}")
    assert_accessible(owner_page)


@pytest.mark.parametrize(
    "name, suffix",
    [("dashboard", ""), ("checklist", "checklist/"), ("delete-campaign", "delete/")],
)
def test_campaign_pages_are_accessible(owner_page, campaign, name, suffix):
    owner_page.goto(f"/campaigns/{campaign.pk}/{suffix}")
    screenshot(owner_page, f"a11y-{name}")
    assert_accessible(owner_page)


def test_draft_campaign_page_is_accessible(owner_page):
    draft = CampaignFactory(owner=owner_page.owner, status="draft")
    owner_page.goto(f"/campaigns/{draft.pk}/")
    screenshot(owner_page, "a11y-draft-campaign")
    assert_accessible(owner_page)


def test_axe_would_catch_a_violation(page):
    """Proves the check can fail: an image without a text alternative is 'critical'."""
    page.goto("/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/favicon.svg';"
        " document.querySelector('main').append(img); }"
    )
    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]
