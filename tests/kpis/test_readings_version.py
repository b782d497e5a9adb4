"""The database versions a campaign's readings and check-ins itself: every change to a
reading raises its KPI's version and its campaign's, every change to a check-in its
campaign's, however it is written (a form's save, ``bulk_create``, ``update()``, a delete)."""

import datetime

import pytest

from campaigns.models import Campaign
from kpis.models import CampaignKPI, CheckIn, Measurement
from kpis.services import readings_versions
from tests.factories.campaigns import CampaignFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpis():
    campaign = CampaignFactory(start_date=datetime.date(2026, 11, 1))
    return (
        CampaignKPIFactory(campaign=campaign, kind="customers"),
        CampaignKPIFactory(campaign=campaign, kind="orders"),
    )


def versions(*kpis):
    """(campaign's version, each KPI's version)."""
    campaign = Campaign.objects.get(pk=kpis[0].campaign_id)
    return (
        campaign.readings_version,
        *(CampaignKPI.objects.get(pk=kpi.pk).readings_version for kpi in kpis),
    )


def test_a_reading_saved_raises_its_kpis_version_and_its_campaigns(kpis):
    customers, orders = kpis
    MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)

    assert versions(customers, orders) == (1, 1, 0)  # once each, by row or by statement


def test_readings_written_in_bulk_raise_the_versions_of_their_kpis(kpis):
    customers, orders = kpis
    other = CampaignKPIFactory(kind="customers")
    day = datetime.date(2026, 11, 2)
    Measurement.objects.bulk_create(
        Measurement(owner=customers.owner, kpi=kpi, date=day, value=1)
        for kpi in (customers, customers, orders)
    )

    assert min(versions(customers, orders)) >= 1
    assert versions(other) == (0, 0)


def test_a_reading_changed_by_update_raises_the_versions(kpis):
    customers, orders = kpis
    reading = MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)
    before = versions(customers, orders)

    Measurement.objects.filter(pk=reading.pk).update(value=4)

    assert versions(customers, orders) > before
    assert versions(customers, orders)[2] == before[2]  # the other KPI's stays


def test_a_reading_moved_to_another_kpi_raises_both(kpis):
    customers, orders = kpis
    reading = MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)
    _, customers_before, orders_before = versions(customers, orders)

    Measurement.objects.filter(pk=reading.pk).update(kpi=orders)

    _, customers_after, orders_after = versions(customers, orders)
    assert customers_after > customers_before
    assert orders_after > orders_before


def test_a_reading_deleted_raises_the_versions(kpis):
    customers, orders = kpis
    reading = MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)
    before = versions(customers, orders)

    reading.delete()

    after = versions(customers, orders)
    assert after[:2] > before[:2]
    assert after[2] == before[2]


def test_a_check_in_raises_its_campaigns_version_only(kpis):
    customers, orders = kpis
    other = CampaignFactory()
    campaign = customers.campaign
    checkin = CheckIn.objects.create(owner=campaign.owner, campaign=campaign)
    created = versions(customers, orders)
    CheckIn.objects.filter(pk=checkin.pk).update(note="Moved the stall")
    changed = versions(customers, orders)
    checkin.delete()
    deleted = versions(customers, orders)

    assert 0 < created[0] < changed[0] < deleted[0]
    assert created[1:] == changed[1:] == deleted[1:] == (0, 0)
    assert Campaign.objects.get(pk=other.pk).readings_version == 0


def test_a_campaign_with_readings_can_be_deleted(kpis):
    customers, _ = kpis
    MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)
    CheckIn.objects.create(owner=customers.owner, campaign=customers.campaign)

    Campaign.objects.filter(pk=customers.campaign_id).delete()

    assert not Measurement.objects.exists()
    assert not CampaignKPI.objects.exists()


def test_the_versions_read_at_each_redraw_are_the_kpis_own(kpis):
    # The dashboard reads them through SQL compiled once, instead of the KPIs again.
    customers, orders = kpis
    other = CampaignKPIFactory(campaign=CampaignFactory(owner=customers.owner))
    MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 2), value=3)
    MeasurementFactory(kpi=customers, date=datetime.date(2026, 11, 3), value=1)
    MeasurementFactory(kpi=other, date=datetime.date(2026, 11, 3), value=1)

    assert (
        readings_versions(campaign=customers.campaign_id)
        == {
            kpi.pk: kpi.readings_version
            for kpi in CampaignKPI.objects.filter(campaign=customers.campaign_id)
        }
        == {customers.pk: 2, orders.pk: 0}
    )
    assert readings_versions(campaign=-1) == {}
