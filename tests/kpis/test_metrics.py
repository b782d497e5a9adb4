"""The campaign formulas, at their edges: nothing measured, nothing spent, nothing to reach,
before the start and after the end."""

import datetime
from decimal import Decimal

import pytest

from kpis import metrics
from kpis.metrics import PaceStatus

D = Decimal
START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 3, 31)  # 30 days after the start


class TestProgress:
    def test_halfway_from_baseline_to_target(self):
        assert metrics.progress_percent(current=D(150), baseline=D(100), target=D(200)) == D(
            "50.00"
        )

    def test_nothing_measured_has_no_progress(self):
        assert metrics.progress_percent(current=None, baseline=D(0), target=D(50)) is None

    def test_target_equal_to_baseline_has_no_sensible_progress(self):
        assert metrics.progress_percent(current=D(120), baseline=D(100), target=D(100)) is None

    def test_falling_below_the_baseline_is_negative(self):
        assert metrics.progress_percent(current=D(90), baseline=D(100), target=D(200)) == D(
            "-10.00"
        )

    def test_beating_the_target_goes_past_100(self):
        assert metrics.progress_percent(current=D(75), baseline=D(0), target=D(50)) == D("150.00")

    def test_rounds_to_two_places(self):
        assert metrics.progress_percent(current=D(1), baseline=D(0), target=D(3)) == D("33.33")


class TestExpectedProgress:
    def test_before_the_start_nothing_is_expected(self):
        assert (
            metrics.expected_progress_percent(
                start=START, end=END, today=START - datetime.timedelta(1)
            )
            == 0
        )

    def test_the_first_day_counts_as_one_day_used(self):
        # Day 1 of 31: numbers that come in on the first day are judged against that day.
        assert metrics.expected_progress_percent(start=START, end=END, today=START) == D("3.23")

    def test_halfway_through_the_days(self):
        # Day 16 of 31.
        assert metrics.expected_progress_percent(
            start=START, end=END, today=START + datetime.timedelta(15)
        ) == D("51.61")

    def test_the_last_day_expects_the_target(self):
        assert metrics.expected_progress_percent(start=START, end=END, today=END) == 100

    def test_after_the_deadline_everything_is_expected(self):
        assert (
            metrics.expected_progress_percent(
                start=START, end=END, today=END + datetime.timedelta(10)
            )
            == 100
        )

    def test_unknown_dates(self):
        assert metrics.expected_progress_percent(start=None, end=END, today=START) is None
        assert metrics.expected_progress_percent(start=START, end=None, today=START) is None

    def test_a_one_day_campaign(self):
        assert metrics.expected_progress_percent(start=START, end=START, today=START) == 100
        assert (
            metrics.expected_progress_percent(
                start=START, end=START, today=START + datetime.timedelta(1)
            )
            == 100
        )


class TestPace:
    @pytest.mark.parametrize(
        ("progress", "expected", "status"),
        [
            (D(60), D(50), PaceStatus.AHEAD),
            (D("55.01"), D(50), PaceStatus.AHEAD),
            (D(55), D(50), PaceStatus.ON_TRACK),  # exactly 110% of pace is still on track
            (D(50), D(50), PaceStatus.ON_TRACK),
            (D(45), D(50), PaceStatus.ON_TRACK),  # exactly 90% of pace
            (D("44.99"), D(50), PaceStatus.BEHIND),
            (D(-5), D(50), PaceStatus.BEHIND),
            (D(100), D(100), PaceStatus.ON_TRACK),  # campaign over, target met
            (D(70), D(100), PaceStatus.BEHIND),  # campaign over, target missed
        ],
    )
    def test_status_in_words(self, progress, expected, status):
        assert metrics.pace_status(progress=progress, expected=expected) == status

    def test_campaign_not_started(self):
        assert metrics.pace_status(progress=D(10), expected=D(0)) == PaceStatus.NOT_STARTED
        assert metrics.pace_status(progress=None, expected=None) == PaceStatus.NOT_STARTED

    def test_no_numbers_yet(self):
        assert metrics.pace_status(progress=None, expected=D(40)) == PaceStatus.NO_DATA

    def test_percent_of_pace(self):
        assert metrics.percent_of_pace(progress=D(30), expected=D(60)) == D("50.00")
        assert metrics.percent_of_pace(progress=None, expected=D(60)) is None
        assert metrics.percent_of_pace(progress=D(30), expected=D(0)) is None

    def test_statuses_have_plain_labels(self):
        assert PaceStatus(PaceStatus.BEHIND).label == "Behind plan"


def days(number):
    return START + datetime.timedelta(number)


def project(points, today, baseline=0, **kwargs):
    return metrics.projected_end_value(
        points, start=START, end=END, today=today, baseline=baseline, **kwargs
    )


class TestProjection:
    def test_a_running_total_carries_its_daily_rate_to_the_deadline(self):
        # 20 in the first 20 days (day 0 to day 19): one a day, 31 by the last day.
        assert project([(days(5), D(10)), (days(19), D(20))], today=days(19)) == D("31.00")

    def test_from_a_baseline(self):
        # 150 more in 16 days, 15 days to go.
        assert project([(days(15), D(1150))], today=days(15), baseline=D(1000)) == D("1290.63")

    def test_counts_are_whole_numbers(self):
        assert project([(days(15), D(1150))], today=days(15), baseline=D(1000), whole=True) == 1291

    def test_never_below_what_is_recorded(self):
        # 7 code uses already, on day 8 of 31: the projection is at least 7 (not 6.03).
        assert project([(days(7), D(7))], today=days(7)) >= 7
        # A falling running total (a correction typed in) still never projects below it.
        assert project([(days(3), D(9)), (days(9), D(4))], today=days(9)) >= D(4)

    def test_the_baseline_week_is_the_starting_point_not_the_trend(self):
        # 500 visits counted in the week before the start, then 100 in the first 10 days:
        # the trend is 10 a day from 500, not the jump from 0 to 500.
        points = [(days(-3), D(500)), (days(9), D(600))]
        assert project(points, today=days(9)) == D("810.00")

    def test_a_level_follows_its_own_trend_and_never_goes_below_zero(self):
        # Followers read at 1,000 on the start day, 1,100 ten days later: 10 a day.
        points = [(START, D(1000)), (days(10), D(1100))]
        assert project(points, today=days(12), cumulative=False) == D("1300.00")
        falling = [(START, D(1000)), (days(10), D(100))]
        assert project(falling, today=days(12), cumulative=False) == D(0)

    def test_no_projection_before_a_week_of_the_campaign(self):
        assert project([(days(2), D(40))], today=days(5)) is None
        assert metrics.days_until_projection(start=START, today=days(5)) == 1
        assert metrics.days_until_projection(start=START, today=days(6)) == 0
        assert metrics.days_until_projection(start=START, today=days(-3)) == 7

    def test_nothing_measured_since_the_start_has_no_projection(self):
        assert project([], today=days(10)) is None
        assert project([(days(-2), D(5))], today=days(10)) is None

    def test_unknown_dates_have_no_projection(self):
        assert (
            metrics.projected_end_value(
                [(days(9), D(5))], start=None, end=END, today=days(10), baseline=D(0)
            )
            is None
        )

    def test_campaign_over_projects_what_was_recorded(self):
        assert project([(days(30), D(60))], today=days(40)) == D("60.00")


class TestPaceFromTheProjection:
    def test_a_projection_past_the_target_is_never_behind(self):
        # Slow start (10% of the way on day 11 of 31) but the forecast lands past the target.
        assert (
            metrics.pace_status(progress=D(10), expected=D("35.48"), projected_progress=D(120))
            == PaceStatus.AHEAD
        )
        assert (
            metrics.pace_status(progress=D(10), expected=D("35.48"), projected_progress=D(100))
            == PaceStatus.ON_TRACK
        )

    def test_a_projection_short_of_the_target_is_never_ahead(self):
        assert (
            metrics.pace_status(progress=D(90), expected=D(50), projected_progress=D(80))
            == PaceStatus.BEHIND
        )

    def test_without_a_projection_the_progress_against_time_decides(self):
        assert metrics.pace_status(progress=D(60), expected=D(50)) == PaceStatus.AHEAD


class TestConversion:
    def test_a_rate_while_clicks_outnumber_sales(self):
        assert metrics.conversion(sales=3, clicks=200).rate == D("1.50")
        assert not metrics.conversion(sales=3, clicks=200).more_sales_than_clicks

    def test_more_code_sales_than_clicks_have_no_rate(self):
        conversion = metrics.conversion(sales=7, clicks=4)
        assert conversion.more_sales_than_clicks
        assert conversion.rate is None

    def test_no_clicks_no_rate(self):
        assert metrics.conversion(sales=0, clicks=0).rate is None


class TestResultsDue:
    def test_only_once_launched_and_started(self):
        assert metrics.results_due(launched=True, start=START, today=START)
        assert not metrics.results_due(launched=True, start=START, today=days(-1))
        assert not metrics.results_due(launched=False, start=START, today=days(5))
        assert metrics.results_due(launched=True, start=None, today=days(5))


class TestWholeNumbers:
    def test_counts_round_half_up(self):
        assert metrics.whole_number(D("47.97")) == 48
        assert metrics.whole_number(D("1067.38")) == 1067
        assert metrics.whole_number(D("2.5")) == 3
        assert metrics.whole_number(None) is None


class TestCosts:
    def test_cost_breakdown_counts_every_cost(self):
        costs = metrics.CostBreakdown(
            fees=D(100), products=D("35.50"), shipping=D("4.50"), commission=D(10), other=D(20)
        )
        assert costs.total == D("170.00")

    def test_an_empty_breakdown_costs_nothing(self):
        assert metrics.CostBreakdown().total == D("0.00")

    def test_commission(self):
        assert metrics.commission_due(revenue=D("250.00"), rate_percent=D(10)) == D("25.00")
        assert metrics.commission_due(revenue=D("0"), rate_percent=D(10)) == D("0.00")

    @pytest.mark.parametrize(
        ("cost", "count", "answer"),
        [(D(100), 40, D("2.50")), (D(100), 3, D("33.33")), (D(0), 10, D("0.00"))],
    )
    def test_cost_per_click_customer_or_interaction(self, cost, count, answer):
        assert metrics.cost_per(cost=cost, count=count) == answer

    def test_cost_per_nothing_has_no_answer(self):
        assert metrics.cost_per(cost=D(100), count=0) is None
        assert metrics.cost_per(cost=D(100), count=None) is None


class TestReturns:
    def test_conversion_rate(self):
        assert metrics.conversion_rate(conversions=6, clicks=200) == D("3.00")
        assert metrics.conversion_rate(conversions=0, clicks=200) == D("0.00")
        assert metrics.conversion_rate(conversions=5, clicks=0) is None

    def test_roas(self):
        assert metrics.roas(revenue=D(350), cost=D(100)) == D("3.50")
        assert metrics.roas(revenue=D(0), cost=D(100)) == D("0.00")

    def test_zero_cost_has_no_return_ratios(self):
        assert metrics.roas(revenue=D(350), cost=D(0)) is None
        assert metrics.cash_roi_percent(revenue=D(350), cost=D(0)) is None
        assert (
            metrics.profit_roi_percent(revenue=D(350), cost=D(0), gross_margin_percent=D(60))
            is None
        )

    def test_cash_roi(self):
        assert metrics.cash_roi_percent(revenue=D(300), cost=D(200)) == D("50.00")
        assert metrics.cash_roi_percent(revenue=D(0), cost=D(200)) == D("-100.00")

    def test_profit_roi_counts_only_the_margin_of_each_sale(self):
        # 1,000 of sales at a 40% margin leave 400; 400 - 250 = 150 on 250 spent.
        assert metrics.profit_roi_percent(
            revenue=D(1000), cost=D(250), gross_margin_percent=D(40)
        ) == D("60.00")

    def test_profit_roi_with_a_full_margin_is_the_cash_roi(self):
        assert metrics.profit_roi_percent(
            revenue=D(300), cost=D(200), gross_margin_percent=D(100)
        ) == metrics.cash_roi_percent(revenue=D(300), cost=D(200))

    def test_gross_profit(self):
        assert metrics.gross_profit(revenue=D("99.99"), gross_margin_percent=D(50)) == D("50.00")


class TestBreakEven:
    def test_sales_needed_to_pay_back_rounds_up(self):
        # Each 25.00 sale at 40% margin keeps 10.00: 205 of cost needs 21 sales.
        assert (
            metrics.break_even_sales(
                cost=D(205), average_order_value=D(25), gross_margin_percent=D(40)
            )
            == 21
        )

    def test_exactly_paid_back(self):
        assert (
            metrics.break_even_sales(
                cost=D(200), average_order_value=D(25), gross_margin_percent=D(40)
            )
            == 20
        )

    def test_nothing_spent_needs_no_sales(self):
        assert (
            metrics.break_even_sales(
                cost=D(0), average_order_value=D(25), gross_margin_percent=D(40)
            )
            == 0
        )

    @pytest.mark.parametrize(
        ("average_order", "margin"), [(None, D(40)), (D(0), D(40)), (D(25), D(0)), (D(-5), D(40))]
    )
    def test_unknowable_without_sales_or_margin(self, average_order, margin):
        assert (
            metrics.break_even_sales(
                cost=D(200), average_order_value=average_order, gross_margin_percent=margin
            )
            is None
        )


def test_engagement_rate_is_the_shared_formula():
    assert metrics.engagement_rate(likes=400, comments=40, shares=10, audience=10_000) == D("4.50")
    assert metrics.engagement_rate(likes=None, comments=None, shares=None, audience=10_000) is None
    assert metrics.engagement_rate(likes=400, comments=40, shares=10, audience=0) is None


def test_two_places_makes_database_sums_exact():
    assert str(metrics.two_places(338.77000000000004)) == "338.77"
    assert str(metrics.two_places(None)) == "0.00"
    assert metrics.two_places(D("1.005")) == D("1.01")
