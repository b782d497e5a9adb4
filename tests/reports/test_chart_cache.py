"""Each KPI chart is kept under a name made of its own inputs: a change to them shows at
once, a change to another KPI's numbers leaves it as it was."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import override

from kpis.services import campaign_kpi_statuses
from reports import charts
from tests.factories.kpis import ClickFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def statuses_by_kind(campaign):
    return {status.kpi.kind: status for status in campaign_kpi_statuses(campaign=campaign)}


def keys(campaign):
    return {
        kind: charts.chart_key(status=status, chart_id=f"chart-{status.kpi.pk}")
        for kind, status in statuses_by_kind(campaign).items()
    }


def test_kept_chart_is_the_drawn_chart(campaign):
    status = statuses_by_kind(campaign)["customers"]
    drawn = str(charts.kpi_chart(status=status, chart_id="c"))
    assert str(charts.cached_chart(status=status, chart_id="c")) == drawn
    assert str(charts.cached_chart(status=status, chart_id="c")) == drawn  # from the cache


def test_new_reading_shows_at_once_and_leaves_the_other_charts(campaign):
    before = keys(campaign)
    old = statuses_by_kind(campaign)["customers"]
    kept = charts.cached_chart(status=old, chart_id="c")
    MeasurementFactory(
        kpi=campaign.kpis.get(kind="customers"),
        date=campaign.start_date + datetime.timedelta(days=9),
        value="7",
    )
    after = keys(campaign)
    status = statuses_by_kind(campaign)["customers"]
    assert status.current == old.current + 7
    assert str(charts.cached_chart(status=status, chart_id="c")) == str(
        charts.kpi_chart(status=status, chart_id="c")
    )
    assert charts.cached_chart(status=status, chart_id="c") != kept
    assert after["customers"] != before["customers"]
    assert after["clicks"] == before["clicks"]
    assert after["revenue"] == before["revenue"]


def test_click_changes_the_link_clicks_chart_alone(campaign):
    before = keys(campaign)
    link = campaign.partnerships.first().tracked_link
    ClickFactory(link=link, at=timezone.now())
    after = keys(campaign)
    assert after["clicks"] != before["clicks"]
    assert after["customers"] == before["customers"]
    assert after["revenue"] == before["revenue"]


def test_target_dates_and_language_name_a_new_chart(campaign):
    status = statuses_by_kind(campaign)["customers"]
    key = charts.chart_key(status=status, chart_id="c")
    with override("fr"):
        assert charts.chart_key(status=status, chart_id="c") != key
    target = status.kpi.target
    status.kpi.target = target + 10
    assert charts.chart_key(status=status, chart_id="c") != key
    status.kpi.target = target
    assert charts.chart_key(status=status, chart_id="c") == key
    campaign.end_date += datetime.timedelta(days=1)
    status.kpi.campaign = campaign
    assert charts.chart_key(status=status, chart_id="c") != key
