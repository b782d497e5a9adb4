"""A campaign's length is counted one way, both ends included: the dashboard's day count,
the expected progress, the plan's hints and the two-year limit agree."""

import datetime
from decimal import Decimal

import pytest

from accounts.bounds import MAX_CAMPAIGN_DAYS, campaign_days, campaign_too_long
from campaigns.plan.facts import PlanFacts
from campaigns.services import goal_sentence_hints
from kpis import metrics
from kpis.services import day_of_campaign
from tests.factories.campaigns import CampaignFactory

MARCH_1 = datetime.date(2027, 3, 1)
MARCH_31 = datetime.date(2027, 3, 31)


def test_both_ends_count():
    assert campaign_days(start=MARCH_1, end=MARCH_31) == 31
    assert campaign_days(start=MARCH_1, end=MARCH_1) == 1


def test_the_dashboard_and_the_expected_progress_use_that_length():
    campaign = CampaignFactory.build(start_date=MARCH_1, end_date=MARCH_31)
    assert day_of_campaign(campaign=campaign, today=MARCH_1) == (1, 31)
    assert day_of_campaign(campaign=campaign, today=MARCH_31) == (31, 31)
    # Day 1 of 31 expects 1/31 of the way.
    assert metrics.expected_progress_percent(start=MARCH_1, end=MARCH_31, today=MARCH_1) == Decimal(
        "3.23"
    )


@pytest.mark.django_db
def test_the_short_campaign_hint_says_the_same_number_of_days():
    campaign = CampaignFactory(start_date=MARCH_1, end_date=MARCH_1 + datetime.timedelta(days=12))
    assert "13 days is short: posts often keep bringing people in for weeks." in (
        goal_sentence_hints(campaign=campaign)
    )


def test_the_two_year_limit_counts_the_same_days():
    last_allowed = MARCH_1 + datetime.timedelta(days=MAX_CAMPAIGN_DAYS - 1)
    assert campaign_days(start=MARCH_1, end=last_allowed) == MAX_CAMPAIGN_DAYS
    assert campaign_too_long(start=MARCH_1, end=last_allowed) is None
    assert campaign_too_long(start=MARCH_1, end=last_allowed + datetime.timedelta(days=1))


@pytest.mark.parametrize(("days", "possible"), [(14, False), (15, True)])
def test_an_early_check_needs_a_check_in_before_half_way(days, possible):
    facts = PlanFacts(
        start_date=MARCH_1,
        end_date=MARCH_1 + datetime.timedelta(days=days - 1),
        checkin_frequency=7,
    )
    assert facts.early_check_possible is possible
