"""Each plan step: what it refuses (in plain words) and what it writes to the database."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from campaigns.models import Campaign, CampaignStatus, Partnership
from kpis.models import CampaignKPI, TrackedLink
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import CampaignKPIFactory, ClickFactory, TrackedLinkFactory

from .plan_helpers import goal_data, kpi_data, post_step, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner):
    return Campaign.objects.create(owner=owner, name="Spring")


def errors_of(response):
    assert response.status_code == 200, "expected the step to be shown again with errors"
    return response.content.decode()


def test_new_campaign_creates_an_owned_draft_and_opens_step_one(owner_client, owner):
    assert owner_client.get("/campaigns/new/").status_code == 200
    response = owner_client.post("/campaigns/new/", {"name": "Autumn loaves"})
    campaign = Campaign.objects.get(owner=owner)
    assert campaign.name == "Autumn loaves" and campaign.status == CampaignStatus.DRAFT
    assert response.url == step_url(campaign, 1)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Spring\x00loaves", "Null characters are not allowed."),
        ("x" * 121, "Ensure this value has at most 120 characters (it has 121)."),
    ],
)
def test_a_new_plan_name_the_database_cannot_keep_is_refused_plainly(
    owner_client, owner, name, message
):
    response = owner_client.post("/campaigns/new/", {"name": name})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Campaign.objects.filter(owner=owner).exists()


def test_every_step_shows_its_progress_and_why_it_matters(owner_client, draft):
    for step in range(1, 8):
        page = owner_client.get(step_url(draft, step)).content.decode()
        assert f"Step {step} of 7" in page
        assert "Why this matters" in page


# Step 1 ---------------------------------------------------------------------------------------


def test_step_one_needs_at_least_one_influencer(owner_client, draft):
    page = errors_of(post_step(owner_client, draft, 1, {"name": "Spring"}))
    assert "Tick at least one influencer" in page
    assert not draft.partnerships.exists()


def test_step_one_shortlists_and_unlists_influencers(owner_client, owner, draft):
    kept, dropped = InfluencerFactory(owner=owner), InfluencerFactory(owner=owner)
    ProfileFactory(influencer=kept, followers=150_000)
    post_step(owner_client, draft, 1, {"name": "Spring", "influencers": [kept.pk, dropped.pk]})
    assert draft.partnerships.count() == 2
    page = owner_client.get(step_url(draft, 1)).content.decode()
    assert "More than 100,000 followers" in page  # the plain warning for a big account
    response = post_step(owner_client, draft, 1, {"name": "Renamed", "influencers": [kept.pk]})
    assert response.status_code == 302
    assert list(draft.partnerships.values_list("influencer", flat=True)) == [kept.pk]
    draft.refresh_from_db()
    assert draft.name == "Renamed" and draft.plan_step == 2


def test_step_one_refuses_another_owners_influencer(owner_client, other_owner, draft):
    stranger = InfluencerFactory(owner=other_owner)
    page = errors_of(post_step(owner_client, draft, 1, {"name": "x", "influencers": [stranger.pk]}))
    assert "Select a valid choice" in page
    assert not Partnership.objects.exists()


@pytest.mark.parametrize("chosen", ["99999999999999999999", "abc", "-1", "1e309"])
def test_step_one_refuses_a_value_that_cannot_be_an_influencer(owner_client, owner, draft, chosen):
    kept = InfluencerFactory(owner=owner)
    page = errors_of(
        post_step(owner_client, draft, 1, {"name": "x", "influencers": [kept.pk, chosen]})
    )
    assert "Select a valid choice" in page
    assert not Partnership.objects.exists()


def test_a_step_name_the_plan_does_not_have_is_the_addresss_step(owner_client, owner, draft):
    """The wizard's hidden field names the step; one the plan has not is overridden by the
    step in the address, and a page that is no step answers 404, never a 500."""
    kept = InfluencerFactory(owner=owner)
    data = {"name": "Spring", "influencers": [kept.pk]}
    payload = {f"1-{name}": value for name, value in data.items()}

    response = owner_client.post(
        step_url(draft, 1), {**payload, f"plan_{draft.pk}-current_step": "abc"}
    )
    assert response.status_code == 302
    assert draft.partnerships.count() == 1

    response = owner_client.post(
        step_url(draft, "abc"), {**payload, f"plan_{draft.pk}-current_step": "abc"}
    )
    assert response.status_code == 404


# Step 2 ---------------------------------------------------------------------------------------


def test_step_two_saves_the_goal_and_its_sentence(owner_client, draft):
    data = goal_data()
    assert post_step(owner_client, draft, 2, data).status_code == 302
    draft.refresh_from_db()
    assert draft.goal_number == Decimal("50")
    assert draft.goal_sentence.startswith("Gain 50 new customers by ")
    assert draft.end_date.isoformat() == data["end_date"]


def test_step_two_refuses_a_deadline_before_the_start(owner_client, draft):
    today = timezone.localdate()
    data = goal_data(
        start_date=(today + timedelta(days=10)).isoformat(),
        end_date=(today + timedelta(days=5)).isoformat(),
    )
    page = errors_of(post_step(owner_client, draft, 2, data))
    assert "The deadline is before the start date" in page
    draft.refresh_from_db()
    assert draft.end_date is None


def test_step_two_refuses_dates_in_the_past_for_a_new_plan(owner_client, draft):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = errors_of(post_step(owner_client, draft, 2, goal_data(start_date=yesterday)))
    assert "That date has already passed" in page
    page = errors_of(post_step(owner_client, draft, 2, goal_data(end_date=yesterday)))
    assert "That deadline has already passed" in page


def test_step_two_needs_a_number_above_zero(owner_client, draft):
    page = errors_of(post_step(owner_client, draft, 2, goal_data(goal_number="0")))
    assert "at least 1" in page
    page = errors_of(post_step(owner_client, draft, 2, goal_data(goal_number="")))
    assert "Enter a number" in page


# Step 3 ---------------------------------------------------------------------------------------


def test_step_three_needs_a_kpi(owner_client, draft):
    page = errors_of(post_step(owner_client, draft, 3, {}))
    assert "Choose at least one number to watch" in page


def test_step_three_target_must_be_above_the_baseline(owner_client, draft):
    data = kpi_data(customers_baseline="40", customers_target="40")
    page = errors_of(post_step(owner_client, draft, 3, data))
    assert "must be above where it stands today" in page
    assert not CampaignKPI.objects.exists()


def test_step_three_a_third_kpi_needs_the_explicit_override(owner_client, draft):
    three = kpi_data(
        clicks_chosen="on",
        clicks_target="500",
        visits_chosen="on",
        visits_baseline="100",
        visits_target="400",
    )
    page = errors_of(post_step(owner_client, draft, 3, three))
    assert "You chose 3 numbers" in page
    assert post_step(owner_client, draft, 3, {**three, "track_more": "on"}).status_code == 302
    assert set(draft.kpis.values_list("kind", flat=True)) == {"customers", "clicks", "visits"}


def test_step_three_creates_updates_and_removes_kpis(owner_client, owner, draft):
    post_step(owner_client, draft, 3, kpi_data(clicks_chosen="on", clicks_target="300"))
    customers = draft.kpis.get(kind="customers")
    assert customers.owner == owner and customers.target == Decimal("50")
    assert draft.kpis.get(kind="clicks").source == "links"  # the kind's best source
    post_step(owner_client, draft, 3, kpi_data(customers_target="80"))
    assert list(draft.kpis.values_list("kind", "target")) == [("customers", Decimal("80"))]


# Step 4 ---------------------------------------------------------------------------------------


def test_step_four_saves_answers_and_the_goal_review(owner_client, draft):
    data = {"need_main_goal": "More weekday customers", "specific": "on", "dated": "on"}
    assert post_step(owner_client, draft, 4, data).status_code == 302
    draft.refresh_from_db()
    assert draft.need_main_goal == "More weekday customers"
    assert draft.goal_review["specific"] and not draft.goal_review["achievable"]


def test_step_four_hints_when_the_goal_has_no_number(owner_client, draft):
    page = owner_client.get(step_url(draft, 4)).content.decode()
    assert "Your goal has no number yet" in page


# Step 5 ---------------------------------------------------------------------------------------


def tracking_data(campaign, **overrides):
    data = {"checkin_frequency": "7", "adjustment_threshold": "50", "destination": ""}
    data.update({f"source_{kpi.kind}": kpi.source for kpi in campaign.kpis.all()})
    data.update(overrides)
    return data


def test_step_five_only_takes_web_addresses(owner_client, draft):
    CampaignKPIFactory(campaign=draft, kind="clicks", source="links")
    PartnershipFactory(campaign=draft)
    for bad in ("javascript:alert(1)", "ftp://files.example/x"):
        page = errors_of(post_step(owner_client, draft, 5, tracking_data(draft, destination=bad)))
        assert "https://" in page
    page = errors_of(post_step(owner_client, draft, 5, tracking_data(draft)))
    assert "enter the page they should open" in page
    assert not TrackedLink.objects.exists()


def test_step_five_sets_sources_and_makes_a_tracked_link_per_influencer(owner_client, draft):
    CampaignKPIFactory(campaign=draft, kind="clicks", source="manual")
    first, second = PartnershipFactory(campaign=draft), PartnershipFactory(campaign=draft)
    data = tracking_data(
        draft,
        source_clicks="links",
        destination="https://shop.example/spring",
        adjustment_action="Ask for a video",
    )
    assert post_step(owner_client, draft, 5, data).status_code == 302
    assert draft.kpis.get().source == "links"
    links = TrackedLink.objects.filter(partnership__in=[first, second])
    assert links.count() == 2 and {link.destination for link in links} == {data["destination"]}
    draft.refresh_from_db()
    assert draft.adjustment_action == "Ask for a video" and draft.tracking_tools == ["links"]


def test_step_five_refuses_a_source_that_does_not_suit_the_kpi(owner_client, draft):
    CampaignKPIFactory(campaign=draft, kind="enquiries", source="manual")
    page = errors_of(
        post_step(owner_client, draft, 5, tracking_data(draft, source_enquiries="links"))
    )
    assert "Select a valid choice" in page


# Step 6 ---------------------------------------------------------------------------------------


def budget_data(partnerships, cash_budget="500", **overrides):
    data = {"cash_budget": cash_budget, "other_costs": "0", "gross_margin": "100"}
    for partnership in partnerships:
        prefix = f"p{partnership.pk}"
        data.update(
            {
                f"{prefix}_deal_type": "gifted",
                f"{prefix}_fee": "0",
                f"{prefix}_product_value": "20",
                f"{prefix}_shipping": "0",
                f"{prefix}_commission_rate": "0",
                f"{prefix}_promo_code": f"CODE{partnership.pk}",
                f"{prefix}_outreach_message": "Hi!",
            }
        )
    data.update(overrides)
    return data


def test_step_six_refuses_a_budget_that_cannot_cover_the_fees(owner_client, draft):
    partnership = PartnershipFactory(campaign=draft, fee=0, promo_code="")
    data = budget_data([partnership], cash_budget="100", **{f"p{partnership.pk}_deal_type": "fee"})
    data[f"p{partnership.pk}_fee"] = "150"
    page = errors_of(post_step(owner_client, draft, 6, data))
    assert "come to £150.00, more than this budget" in page
    draft.refresh_from_db()
    assert draft.cash_budget == Decimal("0")  # nothing of the refused step was saved


def test_step_six_paid_deal_needs_a_fee(owner_client, draft):
    partnership = PartnershipFactory(campaign=draft, fee=0, promo_code="")
    data = budget_data([partnership], **{f"p{partnership.pk}_deal_type": "fee"})
    assert "A paid deal needs a fee" in errors_of(post_step(owner_client, draft, 6, data))


def test_step_six_promo_codes_are_unique_per_owner(owner_client, owner, draft):
    elsewhere = PartnershipFactory(campaign=CampaignFactory(owner=owner), promo_code="SPRING10")
    first, second = (PartnershipFactory(campaign=draft, promo_code="") for _ in range(2))
    data = budget_data([first, second])
    data[f"p{first.pk}_promo_code"] = "spring10"
    page = errors_of(post_step(owner_client, draft, 6, data))
    assert f"SPRING10 is already used by {elsewhere.influencer.name}" in page
    data[f"p{first.pk}_promo_code"] = data[f"p{second.pk}_promo_code"] = "SAME"
    page = errors_of(post_step(owner_client, draft, 6, data))
    assert "Give each influencer their own" in page


def test_step_six_saves_deals_and_offers_a_message(owner_client, draft):
    partnership = PartnershipFactory(campaign=draft, promo_code="", outreach_message="")
    page = owner_client.get(step_url(draft, 6)).content.decode()
    assert f"Hi {partnership.influencer.name}," in page  # a ready-to-send message
    data = budget_data([partnership], cash_budget="250")
    data[f"p{partnership.pk}_outreach_message"] = ""
    assert post_step(owner_client, draft, 6, data).status_code == 302
    partnership.refresh_from_db()
    assert partnership.promo_code == f"CODE{partnership.pk}"
    assert partnership.outreach_message.startswith(f"Hi {partnership.influencer.name},")
    draft.refresh_from_db()
    assert draft.cash_budget == Decimal("250")


def test_another_owners_promo_code_is_no_clash(owner_client, other_owner, draft):
    PartnershipFactory(campaign=CampaignFactory(owner=other_owner), promo_code="BREAD")
    partnership = PartnershipFactory(campaign=draft, promo_code="")
    data = budget_data([partnership], **{f"p{partnership.pk}_promo_code": "BREAD"})
    assert post_step(owner_client, draft, 6, data).status_code == 302


# Step 7 ---------------------------------------------------------------------------------------


def test_launch_is_refused_while_required_answers_are_missing(owner_client, draft):
    response = post_step(owner_client, draft, 7, {}, follow=True)
    page = response.content.decode()
    assert "Before you can launch" in page
    assert "Shortlist at least one influencer" in page
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.DRAFT and draft.launched_at is None


def test_launch_makes_the_campaign_active(owner_client, owner):
    campaign = CampaignFactory(owner=owner, start_date=timezone.localdate())
    PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign)
    response = post_step(owner_client, campaign, 7, {})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE and campaign.launched_at is not None
    assert response.url == f"/campaigns/{campaign.pk}/"


def test_done_is_never_launched_by_a_link(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign)
    response = owner_client.get(step_url(campaign, "done"))
    assert response.url == step_url(campaign, 7)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT


# Back -----------------------------------------------------------------------------------------


def test_back_keeps_unsaved_input_of_the_current_step(owner_client, draft):
    half_typed = goal_data(goal_number="", goal_unit="loyal regulars")
    response = post_step(owner_client, draft, 2, half_typed, goto=1)
    assert response.url == step_url(draft, 1)
    page = owner_client.get(step_url(draft, 2)).content.decode()
    assert 'value="loyal regulars"' in page


def test_back_keeps_what_was_typed_without_nul_characters(owner_client, draft):
    """Kept as typed, a NUL would not fit PostgreSQL's JSON: it is dropped, the rest kept."""
    half_typed = goal_data(goal_number="", goal_unit="loyal\x00 regulars")
    response = post_step(owner_client, draft, 2, half_typed, goto=1)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert "\x00" not in str(draft.plan_data)
    assert 'value="loyal regulars"' in owner_client.get(step_url(draft, 2)).content.decode()


def test_back_saves_a_valid_step(owner_client, draft):
    post_step(owner_client, draft, 2, goal_data(goal_number="75"), goto=1)
    draft.refresh_from_db()
    assert draft.goal_number == Decimal("75")


def test_step_one_keeps_influencers_who_already_have_results(owner_client, owner, draft):
    partnership = PartnershipFactory(campaign=draft)
    ClickFactory(link=TrackedLinkFactory(partnership=partnership))
    other = InfluencerFactory(owner=owner)
    page = errors_of(post_step(owner_client, draft, 1, {"name": "x", "influencers": [other.pk]}))
    assert "already has results" in page
    assert draft.partnerships.get() == partnership


def test_unsaved_deals_are_dropped_when_the_shortlist_changes(owner_client, owner, draft):
    first = PartnershipFactory(campaign=draft, promo_code="")
    post_step(owner_client, draft, 6, budget_data([first], cash_budget="-1"), goto=5)
    newcomer = InfluencerFactory(owner=owner)
    post_step(
        owner_client, draft, 1, {"name": "x", "influencers": [first.influencer.pk, newcomer.pk]}
    )
    page = owner_client.get(step_url(draft, 6)).content.decode()
    assert "This field is required" not in page and newcomer.name in page


def test_leaving_the_review_step_does_not_count_it_as_done(owner_client, draft):
    post_step(owner_client, draft, 7, {}, goto=3)
    draft.refresh_from_db()
    assert draft.plan_step == 1 and draft.status == CampaignStatus.DRAFT
