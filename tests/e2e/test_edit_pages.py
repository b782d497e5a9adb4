"""Every edit page in a real browser: change one field, save, and see the change.

The data is a working owner's (an influencer with two profiles, a launched campaign with
partnerships, links to different pages, KPIs, a check-in with readings): the pages as they
are with real rows, hidden ids and all.
"""

from decimal import Decimal

import pytest
from django.apps import apps

from campaigns.models import Campaign, Partnership
from influencers.models import Influencer, Profile
from tests.factories.accounts import UserFactory
from tests.test_round_trip import rich_world

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(page):
    owner = UserFactory()
    built = rich_world(owner)
    sign_in(page, owner)
    return built


def save(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button).first.click()


def test_influencer_edit_keeps_both_profiles(page, world):
    rosie = world[Influencer]
    page.goto(f"/influencers/{rosie.pk}/edit/")
    page.locator('[name="niche"]').fill("sourdough")
    save(page, "Save influencer")
    assert page.url.endswith(f"/influencers/{rosie.pk}/")
    assert "sourdough" in page.content()
    rosie.refresh_from_db()
    assert rosie.niche == "sourdough"
    assert Profile.objects.filter(influencer=rosie).count() == 2


@pytest.mark.parametrize(
    ("step", "field", "value", "check"),
    [
        (1, "1-name", "Autumn loaves", lambda c: c.name == "Autumn loaves"),
        (2, "2-goal_number", "75", lambda c: c.goal_number == 75),
        (3, "3-customers_target", "80", lambda c: c.kpis.get(kind="customers").target == 80),
        (4, "4-need_main_goal", "Busier weekdays", lambda c: c.need_main_goal == "Busier weekdays"),
        (
            5,
            "5-adjustment_action",
            "Ask for a reel",
            lambda c: c.adjustment_action == "Ask for a reel",
        ),
        (6, "6-cash_budget", "650", lambda c: c.cash_budget == 650),
    ],
)
def test_each_plan_step_saves_one_change(page, world, step, field, value, check):
    campaign = world[Campaign]
    page.goto(f"/campaigns/{campaign.pk}/plan/{step}/")
    page.locator(f'[name="{field}"]').fill(value)
    save(page, "Save and continue")
    assert f"/plan/{step}/" not in page.url, "the step was shown again: it did not save"
    campaign.refresh_from_db()
    assert check(campaign)
    page.goto(f"/campaigns/{campaign.pk}/plan/{step}/")
    shown = page.locator(f'[name="{field}"]').input_value()
    assert shown == value or (value.isdigit() and Decimal(shown) == Decimal(value))


def test_step_five_keeps_each_link_where_it_points(page, world):
    campaign = world[Campaign]
    before = dict(
        apps.get_model("kpis", "TrackedLink")
        .objects.filter(partnership__campaign=campaign)
        .values_list("pk", "destination")
    )
    page.goto(f"/campaigns/{campaign.pk}/plan/5/")
    save(page, "Save and continue")
    after = dict(
        apps.get_model("kpis", "TrackedLink")
        .objects.filter(partnership__campaign=campaign)
        .values_list("pk", "destination")
    )
    assert after == before and len(set(after.values())) == 2
    assert Partnership.objects.filter(campaign=campaign).count() == 2


def test_link_edit(page, world):
    campaign, link = world[Campaign], world[apps.get_model("kpis", "TrackedLink")]
    page.goto(f"/campaigns/{campaign.pk}/links/{link.pk}/edit/")
    page.locator('[name="destination"]').fill("https://shop.example/autumn")
    save(page, "Save")
    assert "https://shop.example/autumn" in page.content()


def test_check_in_edit(page, world):
    campaign, checkin = world[Campaign], world[apps.get_model("kpis", "CheckIn")]
    page.goto(f"/campaigns/{campaign.pk}/checkins/{checkin.pk}/edit/")
    page.locator('[name="note"]').fill("Asked for a second story")
    save(page, "Save")
    assert "Asked for a second story" in page.content()


def test_reading_edit(page, world):
    campaign, reading = world[Campaign], world[apps.get_model("kpis", "Measurement")]
    page.goto(f"/campaigns/{campaign.pk}/measurements/{reading.pk}/edit/")
    page.locator('[name="value"]').fill("9")
    save(page, "Save")
    reading.refresh_from_db()
    assert reading.value == 9
    assert page.get_by_text("Reading updated.").is_visible()
