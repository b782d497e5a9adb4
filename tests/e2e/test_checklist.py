"""The on-screen checklist in a real browser: a tick saves at once (htmx swaps the item and
the progress), survives a reload, and items the plan proves are already ticked."""

import re

import pytest

from campaigns.models import ChecklistTick
from campaigns.plan.guide import ITEMS
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory

from .conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def progress_done(page):
    text = page.locator("#checklist-progress-label").inner_text()
    return int(re.match(r"(\d+) of", text).group(1))


@pytest.fixture
def campaign():
    owner = UserFactory()
    campaign = CampaignFactory(owner=owner)
    PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign)
    return campaign


def test_ticking_saves_instantly_and_stays_after_a_reload(page, campaign):
    sign_in(page, campaign.owner)
    page.goto(f"/campaigns/{campaign.pk}/checklist/")
    assert page.locator("#s2-write-goal").get_by_text("Done in your plan").is_visible()
    before = progress_done(page)

    item = page.locator("#s1-reach-out")
    item.get_by_role("button").click()
    page.locator("#s1-reach-out [aria-pressed=true]").wait_for()
    assert progress_done(page) == before + 1
    assert page.url.endswith("/checklist/")  # no page load: htmx swapped the item
    assert page.locator("#count-s1").inner_text() == "(2/4)"  # 1 proved by the plan + this
    tick = ChecklistTick.objects.get(campaign=campaign, item_key="s1-reach-out")
    assert tick.ticked_by == campaign.owner
    screenshot(page, "checklist")

    page.reload()
    assert page.locator("#s1-reach-out [aria-pressed=true]").is_visible()
    assert page.locator("#s1-reach-out").get_by_text(re.compile("Ticked .* by you")).is_visible()
    page.locator("#s1-reach-out").get_by_role("button").click()
    page.locator("#s1-reach-out [aria-pressed=false]").wait_for()
    assert progress_done(page) == before
    assert f"of {len(ITEMS)} done" in page.locator("#checklist-progress-label").inner_text()


def test_checklist_on_a_phone(phone_page, campaign):
    sign_in(phone_page, campaign.owner)
    phone_page.goto(f"/campaigns/{campaign.pk}/checklist/")
    phone_page.locator("#s1-engagement").get_by_role("button").click()
    phone_page.locator("#s1-engagement [aria-pressed=true]").wait_for()
    screenshot(phone_page, "checklist-phone")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
