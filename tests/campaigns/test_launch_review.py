"""The ten launch-review questions, answered from the plan, each linking to its step."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from campaigns.plan.facts import KPIFact, PartnershipFact, PlanFacts
from campaigns.plan.review import launch_review, missing_for_launch
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, TrackedLinkFactory


def complete_plan(**overrides):
    facts = PlanFacts(
        goal_type="customers",
        goal_number=Decimal("50"),
        goal_unit="new customers",
        goal_sentence="Gain 50 new customers by 31 March 2027 through a micro-influencer campaign.",
        start_date=date(2027, 1, 1),
        end_date=date(2027, 3, 31),
        needs={"need_ideal_customers": "Local families", "need_influencer_help": "Trust"},
        plan_step=8,
        checkin_frequency=7,
        adjustment_action="Ask for a video instead",
        cash_budget=Decimal("300"),
        other_costs=Decimal("20"),
        budget_tools=["links"],
        kpis=[KPIFact("customers", "codes", Decimal(0), Decimal(50))],
        partnerships=[PartnershipFact(fee=Decimal(100), promo_code="A", has_link=True)],
    )
    for name, value in overrides.items():
        setattr(facts, name, value)
    return facts


def answers(facts):
    return {answer.key: answer for answer in launch_review(plan=facts)}


def test_a_complete_plan_meets_all_ten():
    result = launch_review(plan=complete_plan())
    assert len(result) == 10
    assert [a.key for a in result if not a.met] == []


@pytest.mark.parametrize(
    ("overrides", "key", "step"),
    [
        ({"end_date": None}, "review-goal-specific", 2),
        ({"needs": {}}, "review-goal-growth", 4),
        ({"kpis": []}, "review-kpis-relevant", 3),
        (
            {"kpis": [KPIFact("followers", "manual", Decimal(0), Decimal(9))]},
            "review-kpis-relevant",
            3,
        ),
        (
            {"kpis": [KPIFact("enquiries", "links", Decimal(0), Decimal(9))]},
            "review-kpis-trackable",
            5,
        ),
        (
            {"partnerships": [PartnershipFact(fee=Decimal(1), promo_code="")]},
            "review-tracking-tools",
            5,
        ),
        ({"plan_step": 5}, "review-tracking-regular", 5),
        ({"cash_budget": Decimal("50")}, "review-budget-strategy", 6),
        ({"budget_tools": []}, "review-budget-tools", 6),
        ({"adjustment_action": "  "}, "review-adjust-plan", 5),
        ({"end_date": date(2027, 1, 10)}, "review-adjust-ready", 5),
    ],
)
def test_each_gap_is_unmet_with_a_reason_and_its_step(overrides, key, step):
    answer = answers(complete_plan(**overrides))[key]
    assert not answer.met
    assert answer.reason and answer.step == step


def test_more_than_two_kpis_need_the_override():
    three = [
        KPIFact(kind, "manual", Decimal(0), Decimal(5))
        for kind in ("customers", "orders", "enquiries")
    ]
    assert not answers(complete_plan(kpis=three))["review-kpis-relevant"].met
    assert answers(complete_plan(kpis=three, track_more_kpis=True))["review-kpis-relevant"].met


@pytest.mark.django_db
def test_reads_a_real_campaign(owner):
    campaign = CampaignFactory(owner=owner, plan_step=8, adjustment_action="Change the offer")
    partnership = PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign, kind="clicks", source="links")
    assert not answers(campaign)["review-tracking-tools"].met
    TrackedLinkFactory(partnership=partnership)
    assert answers(campaign)["review-tracking-tools"].met
    assert answers(campaign)["review-adjust-plan"].met


@pytest.mark.django_db
def test_step_seven_links_each_unmet_question_to_its_step(owner_client, owner):
    campaign = CampaignFactory(owner=owner, budget_tools=[])
    page = owner_client.get(f"/campaigns/{campaign.pk}/plan/7/").content.decode()
    assert "Are you using free or cheap tools to measure results?" in page
    assert f'href="/campaigns/{campaign.pk}/plan/6/">Fix it in step 6' in page


def launch_blockers(**overrides):
    soon = timezone.localdate() + timedelta(days=60)
    facts = complete_plan(start_date=soon - timedelta(days=59), end_date=soon, **overrides)
    return [(str(missing.message), missing.step) for missing in missing_for_launch(plan=facts)]


def test_a_complete_plan_can_launch():
    assert launch_blockers() == []


def test_what_blocks_the_launch_comes_from_the_same_rules_each_with_its_step():
    blockers = launch_blockers(
        goal_unit="",
        kpis=[],
        partnerships=[],
        other_costs=Decimal("500"),
    )
    assert blockers == [
        ("Choose a main goal with a number and what you count.", 2),
        ("Choose at least one number to watch.", 3),
        ("Shortlist at least one influencer.", 1),
        ("The cash budget does not cover the fees and costs.", 6),
    ]


def test_a_passed_deadline_blocks_the_launch():
    yesterday = timezone.localdate() - timedelta(days=1)
    facts = complete_plan(start_date=yesterday - timedelta(days=30), end_date=yesterday)
    assert [missing.step for missing in missing_for_launch(plan=facts)] == [2]


def test_gaps_the_review_flags_but_launch_allows_do_not_block():
    assert launch_blockers(budget_tools=[], adjustment_action="") == []
