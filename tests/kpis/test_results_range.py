"""Results as a range: counted for sure, likely (plus survey answers and till taps), at most
(plus the rise over the weeks before the start), and which end to trust."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from kpis import metrics
from kpis.results_range import baseline_rise, campaign_range, keep_or_stop_lines, voice_counts
from kpis.services import campaign_roi, partnership_results
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    MeasurementFactory,
    RedemptionFactory,
    SurveyAnswerFactory,
    SurveyFactory,
    TillTapFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_value_of_sales_at_the_average_order():
    assert metrics.value_of_sales(sales=3, revenue=Decimal("50.00"), orders=4) == Decimal("37.50")
    # The average (33.333...) is not rounded before it is multiplied: not 3 x 33.33 = 99.99.
    assert metrics.value_of_sales(sales=3, revenue=Decimal("100.00"), orders=3) == Decimal("100.00")
    assert metrics.value_of_sales(sales=0, revenue=None, orders=0) == Decimal("0")
    assert metrics.value_of_sales(sales=2, revenue=None, orders=0) is None
    assert metrics.value_of_sales(sales=2, revenue=Decimal("10.00"), orders=0) is None


def test_rise_over_baseline_is_the_extra_over_the_pace_before():
    # 70 sales in the 14 days before (5 a day); 80 in the first 10 days: 30 more than usual.
    assert metrics.rise_over_baseline(
        before_total=Decimal(70), before_days=14, during_total=Decimal(80), during_days=10
    ) == Decimal("30.00")
    assert metrics.rise_over_baseline(
        before_total=Decimal(70), before_days=14, during_total=Decimal(20), during_days=10
    ) == Decimal("0.00")
    assert (
        metrics.rise_over_baseline(
            before_total=Decimal(70), before_days=0, during_total=Decimal(80), during_days=10
        )
        is None
    )
    assert (
        metrics.rise_over_baseline(
            before_total=None, before_days=14, during_total=Decimal(80), during_days=10
        )
        is None
    )


def test_sales_still_needed_and_at_pace():
    assert metrics.sales_still_needed(break_even=20, sales_so_far=6) == 14
    assert metrics.sales_still_needed(break_even=20, sales_so_far=25) == 0
    assert metrics.sales_still_needed(break_even=None, sales_so_far=6) is None
    # 6 sales in 12 days, 18 days left: 9 more at this pace.
    assert metrics.sales_at_pace(sales_so_far=6, days_used=12, days_left=18) == 9
    assert (
        metrics.sales_at_pace(sales_so_far=5, days_used=12, days_left=18) == 7
    )  # 7.5 rounds down: no part of a sale promised
    assert metrics.sales_at_pace(sales_so_far=6, days_used=0, days_left=18) is None


@pytest.fixture
def campaign():
    campaign = CampaignFactory(
        status="active",
        start_date=TODAY - datetime.timedelta(days=9),
        end_date=TODAY + datetime.timedelta(days=20),
        gross_margin=Decimal("50"),
    )
    partnership = PartnershipFactory(
        campaign=campaign, fee=Decimal("100"), product_value=0, shipping=0
    )
    # Counted for sure: 4 code uses of 25.00 each.
    RedemptionFactory.create_batch(4, partnership=partnership, revenue=Decimal("25.00"))
    return campaign


def the_range(campaign):
    roi = campaign_roi(campaign=campaign)
    rise = baseline_rise(campaign=campaign, roi=roi, today=TODAY)
    return campaign_range(
        campaign=campaign, roi=roi, counts=voice_counts(campaign=campaign), rise=rise, today=TODAY
    )


def test_counted_for_sure_is_the_single_figure(campaign):
    result = the_range(campaign)

    roi = campaign_roi(campaign=campaign)
    assert (result.sure.sales, result.sure.revenue) == (4, roi.revenue)
    assert result.sure.roas == roi.roas == Decimal("1.00")
    assert result.sure.profit_roi == roi.profit_roi == Decimal("-50.00")
    assert result.trust == "agree"


def test_likely_adds_survey_answers_and_till_taps_at_the_average_order(campaign):
    partnership = campaign.partnerships.get()
    survey = SurveyFactory(campaign=campaign)
    SurveyAnswerFactory.create_batch(2, survey=survey, partnership=partnership)
    TillTapFactory.create_batch(3, campaign=campaign, partnership=partnership)
    TillTapFactory(campaign=campaign, partnership=None)  # "other": the campaign, no name

    result = the_range(campaign)

    assert (result.survey_sales, result.tap_sales) == (2, 4)
    assert result.likely.sales == 10
    assert result.likely.revenue == Decimal("250.00")
    assert result.likely.roas == Decimal("2.50")
    assert result.likely.profit_roi == Decimal("25.00")
    assert result.at_most.sales == 10  # nothing recorded before the start
    assert result.trust == "likely"


def test_the_likely_end_values_its_extra_sales_at_the_unrounded_average(campaign):
    # Two more code uses make six orders worth 100.00 + 0.01 (16.6683... each); six answers
    # at that average are worth exactly as much again, not 6 x 16.67.
    partnership = campaign.partnerships.get()
    RedemptionFactory(partnership=partnership, revenue=Decimal("0.00"))
    RedemptionFactory(partnership=partnership, revenue=Decimal("0.01"))
    survey = SurveyFactory(campaign=campaign)
    SurveyAnswerFactory.create_batch(6, survey=survey, partnership=partnership)

    result = the_range(campaign)
    (line,) = keep_or_stop_lines(
        campaign=campaign,
        results=partnership_results(campaign=campaign),
        roi=campaign_roi(campaign=campaign),
        counts=voice_counts(campaign=campaign),
        rise=baseline_rise(campaign=campaign, roi=campaign_roi(campaign=campaign), today=TODAY),
        today=TODAY,
    )

    assert result.sure.revenue == Decimal("100.01")
    assert result.likely.revenue == Decimal("200.02")  # the rounded average gave 200.03
    assert line.likely.revenue == Decimal("200.02")


def test_answers_that_used_a_code_or_came_over_the_cap_are_left_out(campaign):
    partnership = campaign.partnerships.get()
    survey = SurveyFactory(campaign=campaign)
    SurveyAnswerFactory(survey=survey, partnership=partnership, used_code=True)
    SurveyAnswerFactory.create_batch(3, survey=survey, partnership=partnership, suspect=True)
    SurveyAnswerFactory(survey=survey, heard_from="friend")

    result = the_range(campaign)

    assert result.likely.sales == result.sure.sales == 4
    assert result.suspect_answers == 3


def test_at_most_adds_the_rise_over_the_weeks_before_the_start(campaign):
    orders = CampaignKPIFactory(campaign=campaign, kind="orders")
    start = campaign.start_date
    # 14 days before the start at 2 orders a day; 10 campaign days at 5 a day: 30 more.
    for offset in range(1, 15):
        MeasurementFactory(kpi=orders, date=start - datetime.timedelta(days=offset), value=2)
    for offset in range(10):
        MeasurementFactory(kpi=orders, date=start + datetime.timedelta(days=offset), value=5)

    result = the_range(campaign)

    assert result.has_baseline
    assert result.baseline_sales == 30
    assert result.at_most.sales == result.likely.sales + 30
    assert result.at_most.revenue > result.likely.revenue


def test_no_value_known_says_so_instead_of_a_number():
    campaign = CampaignFactory(status="active")
    partnership = PartnershipFactory(campaign=campaign)
    TillTapFactory(campaign=campaign, partnership=partnership)

    result = the_range(campaign)

    assert result.likely.sales == 1
    assert result.likely.revenue is None and result.likely.roas is None
    assert result.trust == "unknown"


def test_the_counted_end_is_trusted_when_it_already_pays_back(campaign):
    partnership = campaign.partnerships.get()
    RedemptionFactory.create_batch(8, partnership=partnership, revenue=Decimal("25.00"))
    TillTapFactory(campaign=campaign, partnership=partnership)

    result = the_range(campaign)

    assert result.sure.pays_back
    assert result.trust == "sure"
    assert "even counting only sales that are certain" in str(result.trust_sentence)


def test_a_campaign_that_cost_nothing_says_so_instead_of_judging():
    campaign = CampaignFactory(status="active")
    partnership = PartnershipFactory(campaign=campaign, fee=0, product_value=0, shipping=0)
    RedemptionFactory(partnership=partnership)

    result = the_range(campaign)

    assert result.sure.roas is None
    assert result.trust == "no_cost"


def test_the_at_most_note_says_how_it_is_counted_or_why_there_is_none(campaign):
    assert "nothing to compare" in str(the_range(campaign).at_most_note)
    orders = CampaignKPIFactory(campaign=campaign, kind="orders")
    MeasurementFactory(kpi=orders, date=campaign.start_date - datetime.timedelta(days=1), value=2)
    assert "adds the whole rise" in str(the_range(campaign).at_most_note)
    campaign.start_date = TODAY + datetime.timedelta(days=3)
    assert "has not started" in str(the_range(campaign).at_most_note)
