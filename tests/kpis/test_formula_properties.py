"""The campaign formulas hold for any numbers, not just the ones we thought of (hypothesis)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from campaigns.models import Campaign
from kpis import metrics, services
from kpis.catalogue import KPIKind
from kpis.metrics import PaceStatus
from kpis.models import CampaignKPI
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    MeasurementFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)

START = datetime.date(2026, 3, 1)

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
counts = st.integers(min_value=0, max_value=10**6)
lengths = st.integers(min_value=0, max_value=730)  # a campaign is at most two years long


@st.composite
def running_totals(draw):
    """(end, today, baseline, [(day, running total)]): readings added day by day."""
    length = draw(lengths)
    end = START + datetime.timedelta(length)
    today = START + datetime.timedelta(draw(st.integers(min_value=-10, max_value=length + 30)))
    baseline = draw(amounts)
    offsets = sorted(set(draw(st.lists(st.integers(-7, length + 30), max_size=12))))
    running, points = baseline, []
    for offset in offsets:
        day = START + datetime.timedelta(offset)
        if day > today:
            break
        running += draw(amounts)
        points.append((day, running))
    return end, today, baseline, points


@given(running_totals(), st.booleans())
def test_a_cumulative_projection_is_never_below_what_is_recorded(case, whole):
    end, today, baseline, points = case
    projected = metrics.projected_end_value(
        points, start=START, end=end, today=today, baseline=baseline, whole=whole
    )
    if projected is not None:
        recorded = metrics.whole_number(points[-1][1]) if whole else points[-1][1]
        assert projected >= recorded


@given(running_totals())
def test_a_level_never_projects_below_zero(case):
    end, today, baseline, points = case
    projected = metrics.projected_end_value(
        points, start=START, end=end, today=today, baseline=baseline, cumulative=False
    )
    assert projected is None or projected >= 0


@given(amounts, amounts)
def test_progress_is_0_at_the_baseline_and_100_at_the_target(baseline, target):
    if baseline == target:
        assert metrics.progress_percent(current=baseline, baseline=baseline, target=target) is None
    else:
        assert metrics.progress_percent(current=baseline, baseline=baseline, target=target) == 0
        assert metrics.progress_percent(current=target, baseline=baseline, target=target) == 100


@given(amounts, amounts, st.decimals(min_value=0, max_value=100, places=2))
def test_the_sign_of_roi_matches_the_sign_of_profit(revenue, cost, margin):
    if cost == 0:
        assert metrics.cash_roi_percent(revenue=revenue, cost=cost) is None
        return
    cash = metrics.cash_roi_percent(revenue=revenue, cost=cost)
    profit_roi = metrics.profit_roi_percent(revenue=revenue, cost=cost, gross_margin_percent=margin)
    profit = metrics.gross_profit(revenue=revenue, gross_margin_percent=margin) - cost
    # A return is rounded to 0.01%: a tiny profit on a huge cost may show as 0.00%, but a
    # return never has the opposite sign of the profit.
    for ratio, gain in ((cash, revenue - cost), (profit_roi, profit)):
        assert ratio == 0 or (ratio > 0) == (gain > 0)
        if gain == 0:
            assert ratio == 0


@given(counts, counts)
def test_conversion_is_never_over_100_percent(sales, clicks):
    conversion = metrics.conversion(sales=sales, clicks=clicks)
    assert conversion.rate is None or 0 <= conversion.rate <= 100
    assert conversion.more_sales_than_clicks == (sales > clicks)


@st.composite
def kpi_with_readings(draw):
    length = draw(st.integers(min_value=1, max_value=730))
    campaign = Campaign(
        status="active", start_date=START, end_date=START + datetime.timedelta(length)
    )
    kind = draw(st.sampled_from([KPIKind.NEW_CUSTOMERS, KPIKind.REVENUE, KPIKind.NEW_FOLLOWERS]))
    baseline = draw(st.decimals(min_value=0, max_value=10**6, places=0))
    target = baseline + draw(st.decimals(min_value=1, max_value=10**6, places=0))
    kpi = CampaignKPI(campaign=campaign, kind=kind, baseline=baseline, target=target)
    today = START + datetime.timedelta(draw(st.integers(min_value=0, max_value=length + 10)))
    offsets = sorted(set(draw(st.lists(st.integers(-7, length), max_size=10))))
    readings = st.decimals(min_value=0, max_value=10**5, places=0)
    days = [START + datetime.timedelta(offset) for offset in offsets]
    daily = {day: draw(readings) for day in days if day <= today}
    if not kpi.cumulative:
        daily = {day: baseline + value for day, value in daily.items()}
    return kpi, services.running_series(kpi=kpi, daily_values=daily), today


@given(kpi_with_readings())
def test_the_pace_badge_never_contradicts_the_forecast(case):
    kpi, series, today = case
    status = services.kpi_status(kpi=kpi, series=series, today=today)
    if status.projected is None:
        return
    if status.projected >= kpi.target:
        assert status.pace != PaceStatus.BEHIND
    else:
        assert status.pace != PaceStatus.AHEAD
    if kpi.cumulative:
        assert status.projected >= status.current


@pytest.mark.django_db
class TestTotalsAddUp(TestCase):
    """Whatever the readings, clicks and code uses, the influencers' rows plus the readings
    for the whole campaign add up to the campaign's totals."""

    @settings(max_examples=15, deadline=None)
    @given(
        people=st.lists(
            st.tuples(
                st.integers(0, 4),  # clicks
                st.lists(st.tuples(amounts, st.booleans()), max_size=3),  # code uses
                st.lists(st.integers(0, 50), max_size=2),  # typed-in new customers
            ),
            min_size=1,
            max_size=3,
        ),
        unattributed=st.lists(st.integers(0, 50), max_size=2),
    )
    def test_influencer_rows_add_up_to_the_campaign(self, people, unattributed):
        owner = UserFactory()
        campaign = CampaignFactory(
            owner=owner, status="active", start_date=START, end_date=START + datetime.timedelta(30)
        )
        customers = CampaignKPIFactory(campaign=campaign, kind="customers")
        for clicks, uses, typed in people:
            partnership = PartnershipFactory(campaign=campaign)
            link = TrackedLinkFactory(partnership=partnership)
            for _ in range(clicks):
                ClickFactory(link=link)
            for revenue, first_time in uses:
                RedemptionFactory(partnership=partnership, revenue=revenue, new_customer=first_time)
            for value in typed:
                MeasurementFactory(
                    kpi=customers, value=Decimal(value), influencer=partnership.influencer
                )
        for value in unattributed:
            MeasurementFactory(kpi=customers, value=Decimal(value))

        results = services.partnership_results(campaign=campaign)
        roi = services.campaign_roi(campaign=campaign, results=results)
        card = services.campaign_kpi_statuses(campaign=campaign)[0]

        assert sum(r.clicks for r in results) == roi.clicks
        assert sum(r.orders for r in results) == roi.orders
        assert sum(r.revenue for r in results) == roi.revenue
        assert sum(r.new_customers for r in results) + sum(unattributed) == roi.new_customers
        assert card.current == roi.new_customers
