"""The checklist's item definitions, what the plan proves, and progress in bulk."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import ChecklistTick
from campaigns.plan.checklist import auto_ticks, checklist_progress, checklist_sections
from campaigns.plan.guide import ITEMS, SECTIONS
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, TrackedLinkFactory


def test_every_step_has_items_and_the_review_has_ten_questions_in_five_areas():
    assert [section.key for section in SECTIONS] == [f"s{n}" for n in range(1, 8)] + ["review"]
    assert all(section.items for section in SECTIONS)
    review = SECTIONS[-1].items
    assert len(review) == 10
    assert {item.area for item in review} == {"goal", "kpis", "tracking", "budget", "adjustments"}
    assert len(ITEMS) == sum(len(section.items) for section in SECTIONS)  # keys are unique


def test_blank_checklist_has_nothing_ticked():
    sections = checklist_sections()
    assert sections and not any(item.done for section in sections for item in section.items)


@pytest.mark.django_db
def test_an_empty_draft_proves_nothing():
    campaign = CampaignFactory(goal_sentence="", goal_number=None, end_date=None, plan_step=1)
    assert auto_ticks(plan=campaign) == set()


@pytest.mark.django_db
def test_goal_kpis_deadline_and_tracking_are_proved_by_the_plan():
    campaign = CampaignFactory(plan_step=6)
    partnership = PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign, kind="clicks", source="links")
    proved = auto_ticks(plan=campaign)
    assert {"s2-write-goal", "s2-deadline", "s3-choose-kpis", "s1-identify"} <= proved
    assert "s3-tracking" not in proved  # the KPI counts links, and no link exists yet
    TrackedLinkFactory(partnership=partnership)
    assert "s3-tracking" in auto_ticks(plan=campaign)


@pytest.mark.django_db
def test_owner_ticks_are_shown_with_who_and_when(owner):
    campaign = CampaignFactory(owner=owner)
    ChecklistTick.objects.create(
        owner=owner, campaign=campaign, item_key="s1-reach-out", ticked_by=owner
    )
    items = {item.key: item for s in checklist_sections(campaign=campaign) for item in s.items}
    assert items["s1-reach-out"].ticked and items["s1-reach-out"].ticked_by == owner
    assert items["s1-reach-out"].ticked_at is not None
    assert not items["s1-engagement"].done


@pytest.mark.django_db
def test_progress_for_many_campaigns_takes_a_fixed_number_of_queries(owner):
    campaigns = []
    for number in range(6):
        campaign = CampaignFactory(owner=owner, name=f"Campaign {number}")
        PartnershipFactory(campaign=campaign)
        CampaignKPIFactory(campaign=campaign)
        campaigns.append(campaign)
    ChecklistTick.objects.create(owner=owner, campaign=campaigns[0], item_key="s1-reach-out")
    with CaptureQueriesContext(connection) as few:
        result = checklist_progress(campaigns=campaigns[:2])
    with CaptureQueriesContext(connection) as many:
        checklist_progress(campaigns=campaigns)
    assert len(few) == len(many) <= 3
    done, total = result[campaigns[0].pk]
    assert total == len(ITEMS)
    assert done == result[campaigns[1].pk][0] + 1


@pytest.mark.django_db
def test_budget_question_fails_when_fees_exceed_the_budget():
    campaign = CampaignFactory(cash_budget=Decimal("50"), plan_step=7)
    PartnershipFactory(campaign=campaign, fee=Decimal("100"))
    assert "review-budget-strategy" not in auto_ticks(plan=campaign)
    campaign.cash_budget = Decimal("500")
    campaign.save()
    assert "review-budget-strategy" in auto_ticks(plan=campaign)
