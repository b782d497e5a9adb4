"""Key tasks with the keyboard alone, in a real browser: plan steps (type, Enter, next step with
the answer saved), a checklist tick, a roster status change and sorting a table."""

import re

import pytest

from campaigns.models import Campaign, ChecklistTick
from influencers.models import Influencer
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import CampaignKPIFactory

from .conftest import sign_in
from .keyboard import focused, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner_page(page):
    page.owner = UserFactory()
    sign_in(page, page.owner)
    return page


@pytest.fixture
def draft(owner_page):
    """A draft whose plan has been walked once (every step can be opened)."""
    campaign = CampaignFactory(owner=owner_page.owner, plan_step=8, goal_number=None)
    partnership = PartnershipFactory(campaign=campaign, influencer__name="Bristol Crumb")
    ProfileFactory(influencer=partnership.influencer)
    return campaign


def open_step(page, campaign, step):
    page.goto(f"/campaigns/{campaign.pk}/plan/{step}/")
    page.keyboard.press("Tab")  # from the top of the page, as after arriving


def test_step_2_type_the_number_and_press_enter(owner_page, draft):
    page = owner_page
    open_step(page, draft, 2)
    tab_to(page, page.get_by_label("How many?"))
    page.keyboard.type("60")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/plan/3/$"))
    draft.refresh_from_db()
    assert draft.goal_number == 60


def test_step_3_tick_a_number_type_its_target_and_press_enter(owner_page, draft):
    page = owner_page
    open_step(page, draft, 3)
    tab_to(page, page.get_by_role("checkbox", name="New customers"))
    if not focused(page, "el => el.checked"):
        page.keyboard.press("Space")
    tab_to(page, page.get_by_label("New customers: Target by the deadline"))
    page.keyboard.type("45")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/plan/4/$"))
    assert draft.kpis.get(kind="customers").target == 45


def test_step_6_type_the_budget_and_press_enter(owner_page, draft):
    page = owner_page
    open_step(page, draft, 6)
    budget = page.get_by_label("Cash budget")
    tab_to(page, budget)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("320")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/plan/7/$"))
    assert Campaign.objects.get(pk=draft.pk).cash_budget == 320


def test_back_comes_before_save_in_tab_order(owner_page, draft):
    page = owner_page
    open_step(page, draft, 4)
    tab_to(page, page.get_by_role("button", name="Back"))
    page.keyboard.press("Tab")
    assert focused(page, "el => el.textContent.trim()") == "Save and continue"


def test_a_failed_step_moves_focus_to_the_error_summary(owner_page, draft):
    page = owner_page
    open_step(page, draft, 2)
    number = page.get_by_label("How many?")
    tab_to(page, number)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/plan/2/")
    assert page.title().startswith("Error:")
    assert focused(page, "el => el.matches('[data-error-summary]')")
    summary_link = page.locator("[data-error-summary] a").first
    assert "How many?" in summary_link.inner_text()
    tab_to(page, summary_link, limit=3)
    page.keyboard.press("Enter")
    assert focused(page, "el => el.id") == number.get_attribute("id")


def test_a_checklist_tick_keeps_focus_and_announces_the_count(owner_page):
    page = owner_page
    campaign = CampaignFactory(owner=page.owner)
    CampaignKPIFactory(campaign=campaign)
    page.goto(f"/campaigns/{campaign.pk}/checklist/")
    page.keyboard.press("Tab")
    toggle = page.locator("#s1-reach-out").get_by_role("button")
    tab_to(page, toggle)

    with page.expect_response(re.compile(r"/tick/$")):
        page.keyboard.press("Space")
    page.locator("#s1-reach-out [aria-pressed=true]").wait_for()

    assert focused(page, "el => el.id") == "tick-s1-reach-out"
    assert ChecklistTick.objects.filter(campaign=campaign, item_key="s1-reach-out").exists()
    live = page.locator("#live-region")
    expected = page.locator("#checklist-progress-label").inner_text()
    page.wait_for_function(
        "text => document.getElementById('live-region').textContent.includes(text)", arg=expected
    )
    assert re.match(r"\d+ of \d+ done", live.inner_text())


def test_arrow_keys_on_a_roster_status_save_once(owner_page):
    page = owner_page
    influencer = InfluencerFactory(owner=page.owner, name="Maya", status="not_contacted")
    since = influencer.status_changed_at
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto("/influencers/")
    page.keyboard.press("Tab")
    tab_to(page, page.get_by_label("Status of Maya"))

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    picked = focused(page, "el => el.value")
    assert posts == []  # passing a status does not save it
    with page.expect_response(re.compile(r"/status/$")):
        page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.getElementById('live-region').textContent.includes('Saved')"
    )

    assert len(posts) == 1
    assert focused(page, "el => el.id") == f"status-{influencer.pk}"
    influencer.refresh_from_db()
    assert influencer.status == picked != "not_contacted"
    assert influencer.status_changed_at > since


def test_sorting_by_keyboard_announces_the_direction_and_keeps_focus(owner_page):
    page = owner_page
    for name, followers in (("Ada", 9_000), ("Ben", 30_000)):
        ProfileFactory(
            influencer=InfluencerFactory(owner=page.owner, name=name), followers=followers
        )
    page.goto("/influencers/")
    page.keyboard.press("Tab")
    header = page.locator("th", has=page.get_by_role("link", name=re.compile("^Followers")))
    assert header.get_attribute("aria-sort") is None
    tab_to(page, header.get_by_role("link"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=followers#sort-table$"))

    assert header.get_attribute("aria-sort") == "ascending"
    page.wait_for_function("() => document.activeElement.closest('th[aria-sort]')")
    assert focused(page, "el => el.textContent") == "Followers ↑, sorted low to high"
    assert page.evaluate("window.scrollY") > 0 or page.evaluate(
        "document.documentElement.scrollHeight <= innerHeight"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=-followers#sort-table$"))
    assert header.get_attribute("aria-sort") == "descending"
    page.wait_for_function("() => document.activeElement.closest('th[aria-sort]')")
    assert focused(page, "el => el.textContent") == "Followers ↓, sorted high to low"
    assert Influencer.objects.count() == 2


def test_jargon_is_explained_by_keyboard(owner_page):
    page = owner_page
    page.goto("/influencers/")
    page.keyboard.press("Tab")
    summary = page.get_by_text("What is “Engagement rate”?")
    tab_to(page, summary)
    meaning = page.get_by_text("The engagement rate is the share of the people who see")
    assert not meaning.is_visible()
    page.keyboard.press("Enter")
    assert meaning.is_visible()


def test_the_skip_link_shows_above_the_menu_bar_and_skips_it(owner_page):
    page = owner_page
    page.goto("/campaigns/")
    page.keyboard.press("Tab")
    assert focused(page, "el => el.textContent") == "Skip to main content"
    on_top = page.evaluate(
        """() => { const link = document.activeElement, box = link.getBoundingClientRect();
        return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
          === link; }"""
    )
    assert on_top, "the skip link is painted under something"
    page.keyboard.press("Enter")
    assert focused(page, "el => el.id") == "main"
