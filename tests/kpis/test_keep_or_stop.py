"""The keep-or-stop line per influencer: sales still needed to pay back their cost by the
deadline, against what their pace so far projects."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from kpis.results_range import baseline_rise, keep_or_stop_lines, voice_counts
from kpis.services import campaign_roi, partnership_results
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    MeasurementFactory,
    RedemptionFactory,
    TillTapFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def lines(campaign, today=TODAY):
    results = partnership_results(campaign=campaign)
    roi = campaign_roi(campaign=campaign, results=results)
    rise = baseline_rise(campaign=campaign, roi=roi, today=today)
    return {
        line.partnership.influencer.name: line
        for line in keep_or_stop_lines(
            campaign=campaign,
            results=results,
            roi=roi,
            counts=voice_counts(campaign=campaign),
            rise=rise,
            today=today,
        )
    }


@pytest.fixture
def campaign():
    # Day 12 of 30: 18 days left after today.
    return CampaignFactory(
        status="active",
        start_date=TODAY - datetime.timedelta(days=11),
        end_date=TODAY + datetime.timedelta(days=18),
        gross_margin=Decimal("50"),
    )


def partner(campaign, name, fee, sales, taps=0):
    partnership = PartnershipFactory(
        campaign=campaign, influencer__name=name, fee=Decimal(fee), product_value=0, shipping=0
    )
    RedemptionFactory.create_batch(sales, partnership=partnership, revenue=Decimal("20.00"))
    TillTapFactory.create_batch(taps, campaign=campaign, partnership=partnership)
    return partnership


def test_needs_more_sales_and_the_pace_says_how_many_will_come(campaign):
    # 200.00 at 10.00 profit a sale (20.00 at 50%): 20 sales pay her back. 4 codes and
    # 2 till taps so far: 14 more needed; 6 in 12 days, 18 days left: 9 more at this pace.
    partner(campaign, "Maya", "200", sales=4, taps=2)

    line = lines(campaign)["Maya"]

    assert (line.break_even, line.needed, line.at_pace) == (20, 14, 9)
    assert line.verdict == "stop"
    assert line.deadline == campaign.end_date


def test_on_course_to_pay_back_says_keep(campaign):
    partner(campaign, "Bread Lover", "100", sales=6)

    line = lines(campaign)["Bread Lover"]

    assert (line.needed, line.at_pace) == (4, 9)
    assert line.verdict == "keep"


def test_paid_back_and_unknown(campaign):
    partner(campaign, "Paid", "50", sales=6)
    partner(campaign, "Nothing yet", "80", sales=0)

    found = lines(campaign)

    assert found["Paid"].verdict == "paid_back"
    assert found["Nothing yet"].verdict == "stop"  # the campaign's average order is known
    assert found["Nothing yet"].needed == 8


def test_without_any_sale_the_break_even_is_unknown(campaign):
    partner(campaign, "Sam", "80", sales=0, taps=3)

    assert lines(campaign)["Sam"].verdict == "unknown"


def test_after_the_deadline_the_line_says_how_short_it_fell(campaign):
    partner(campaign, "Maya", "200", sales=4)

    line = lines(campaign, today=campaign.end_date + datetime.timedelta(days=3))["Maya"]

    assert line.verdict == "short"
    assert line.needed == 16


def test_each_influencer_at_most_adds_the_whole_rise_over_the_baseline(campaign):
    # The week before the start at 2 orders a day, 12 campaign days at 4 a day: 24 more
    # sales than usual, valued at the campaign's average order.
    orders = CampaignKPIFactory(campaign=campaign, kind="orders")
    for offset in range(1, 8):
        MeasurementFactory(
            kpi=orders, date=campaign.start_date - datetime.timedelta(days=offset), value=2
        )
    for offset in range(12):
        MeasurementFactory(
            kpi=orders, date=campaign.start_date + datetime.timedelta(days=offset), value=4
        )
    partner(campaign, "Maya", "200", sales=4, taps=2)
    partner(campaign, "Sam", "100", sales=1)

    found = lines(campaign)

    # Nothing tells whose posts brought the rise: each one's ceiling counts all of it.
    assert (found["Maya"].at_most.sales, found["Sam"].at_most.sales) == (6 + 24, 1 + 24)
    rise = {name: line.at_most.revenue - line.likely.revenue for name, line in found.items()}
    assert rise["Maya"] == rise["Sam"] > 0
    assert found["Sam"].at_most.cost == Decimal("100")


def test_without_readings_before_the_start_no_influencer_has_an_at_most(campaign):
    partner(campaign, "Maya", "200", sales=4)

    assert lines(campaign)["Maya"].at_most is None


def test_which_end_to_trust_per_influencer(campaign):
    partner(campaign, "Paid", "50", sales=6, taps=1)  # 60.00 profit on 50.00: the counted end
    partner(campaign, "Codes only", "50", sales=6)  # nothing told at the till: ends agree
    partner(campaign, "Told", "50", sales=4, taps=2)  # 40.00 counted, 60.00 likely
    partner(campaign, "Nothing", "80", sales=0)  # no sale at all: nothing to agree on

    found = lines(campaign)

    assert "their certain sales alone" in str(found["Paid"].trust_sentence)
    assert "Every sale of theirs was counted" in str(found["Codes only"].trust_sentence)
    assert "keep asking at the till" in str(found["Told"].trust_sentence)
    assert "Even their highest end has not paid back" in str(found["Nothing"].trust_sentence)
