"""KPI charts: the target, the pace line and the values all fit, and text is escaped."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpis.models import Redemption
from kpis.services import campaign_kpi_statuses
from reports import charts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "low, high", [(0, 50), (0, 1), (1_200, 5_000), (0, 60_000), (-3, 7), (0.5, 0.75), (5, 5)]
)
def test_ticks_cover_the_range_in_round_steps(low, high):
    ticks = charts.nice_ticks(low=low, high=high)
    assert ticks[0] <= low
    assert ticks[-1] >= high
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    assert 2 <= len(ticks) <= 8


def numbers(attribute, svg):
    return [float(v) for v in re.findall(rf'{attribute}="([-\d.]+)"', svg)]


def test_chart_draws_target_pace_and_values_inside_the_plot(campaign):
    status = campaign_kpi_statuses(campaign=campaign)[0]
    svg = str(charts.kpi_chart(status=status, chart_id="chart-x"))
    assert svg.startswith('<svg class="kpi-chart"')
    assert 'role="img" aria-labelledby="chart-x-title chart-x-desc"' in svg
    assert '<title id="chart-x-title">New customers over time</title>' in svg
    assert "towards a target of 50" in svg
    target_y = float(re.search(r'class="chart-target" x1="[\d.]+" y1="([\d.]+)"', svg).group(1))
    top, bottom = charts.MARGIN_TOP, charts.HEIGHT - charts.MARGIN_BOTTOM
    assert top <= target_y <= bottom
    points = re.search(r'class="chart-value" points="([^"]+)"', svg).group(1).split()
    assert len(points) == 1 + len(status.series)  # the baseline on day one, then readings
    for point in points:
        x, y = map(float, point.split(","))
        assert charts.MARGIN_LEFT <= x <= charts.WIDTH - charts.MARGIN_RIGHT
        assert top <= y <= bottom
    pace = re.search(
        r'class="chart-pace" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', svg
    )
    assert float(pace.group(4)) == target_y  # the pace line ends on the target
    assert float(pace.group(2)) == bottom  # and starts at the baseline (0)


def test_chart_without_readings_has_no_value_line(campaign):
    campaign.kpis.get(kind="customers").measurements.all().delete()
    # First-time code uses count as new customers too.
    Redemption.objects.filter(partnership__campaign=campaign).delete()
    status = campaign_kpi_statuses(campaign=campaign)[0]
    svg = str(charts.kpi_chart(status=status, chart_id="empty"))
    assert "chart-value" not in svg
    assert "chart-target" in svg and "chart-pace" in svg


def test_chart_text_is_escaped(campaign, monkeypatch):
    status = campaign_kpi_statuses(campaign=campaign)[0]
    monkeypatch.setattr(
        type(status.kpi), "get_kind_display", lambda self: '<script>"x"</script>', raising=False
    )
    svg = str(charts.kpi_chart(status=status, chart_id='id"><script>'))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_readings_after_the_deadline_widen_the_dates(campaign):
    kpi = campaign.kpis.get(kind="customers")
    late = campaign.end_date + timedelta(days=10)
    kpi.measurements.create(owner=campaign.owner, date=late, value=Decimal(2))
    status = next(s for s in campaign_kpi_statuses(campaign=campaign) if s.kpi.pk == kpi.pk)
    svg = str(charts.kpi_chart(status=status, chart_id="late"))
    assert late.strftime("%-d %b") in svg
    assert max(numbers("x", svg)) <= charts.WIDTH


def test_scale_maps_start_and_end_to_the_plot_edges():
    scale = charts.Scale(date(2026, 1, 1), date(2026, 1, 31), 0, 100)
    assert scale.x(date(2026, 1, 1)) == charts.MARGIN_LEFT
    assert scale.x(date(2026, 1, 31)) == charts.WIDTH - charts.MARGIN_RIGHT
    assert scale.y(0) == charts.HEIGHT - charts.MARGIN_BOTTOM
    assert scale.y(100) == charts.MARGIN_TOP


@settings(max_examples=200, deadline=None)
@given(
    days=st.lists(st.integers(min_value=-30, max_value=400), min_size=1, max_size=40),
    values=st.lists(
        st.decimals(min_value=-1000, max_value=100_000, places=2, allow_nan=False), min_size=1
    ),
    span=st.integers(min_value=0, max_value=365),
)
def test_a_polyline_places_each_point_as_x_and_y_do(days, values, span):
    start = date(2026, 1, 1)
    scale = charts.Scale(start, start + timedelta(days=span), -1000, 100_000)
    points = [
        (start + timedelta(days=d), v) for d, v in zip(days, values * len(days), strict=False)
    ]
    expected = " ".join(f"{scale.x(day)},{scale.y(value)}" for day, value in points)
    assert scale.polyline(points) == expected
