"""Counts are whole numbers: the check-in form and the reading edit refuse 2.5 customers with
a plain message, money keeps its cents, and the form says what is counted already."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.models import Measurement
from tests.factories.campaigns import CampaignFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

WHOLE = "Type a whole number: this is counted one by one, so it has no decimals."


@pytest.fixture
def campaign(owner):
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )
    CampaignKPIFactory(campaign=campaign, kind="customers", position=0)
    CampaignKPIFactory(campaign=campaign, kind="revenue", position=1)
    return campaign


def checkin(client, campaign, **values):
    data = {"date": timezone.localdate().isoformat(), "note": ""}
    for kind, value in values.items():
        data[f"value_{campaign.kpis.get(kind=kind).pk}"] = value
    return client.post(reverse("kpis:measurements", args=[campaign.pk]), data)


def test_half_a_customer_is_refused_with_a_plain_message(owner_client, campaign):
    response = checkin(owner_client, campaign, customers="2.5", revenue="12.50")

    assert response.status_code == 200
    assert WHOLE in response.content.decode()
    assert not Measurement.objects.exists()


def test_whole_counts_and_money_in_cents_are_saved(owner_client, campaign):
    response = checkin(owner_client, campaign, customers="3", revenue="12.50")

    assert response.status_code == 302
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [
        Decimal(3),
        Decimal("12.50"),
    ]


def test_the_form_says_what_is_counted_already_and_money_is_in_the_currency(owner_client, campaign):
    html = owner_client.get(reverse("kpis:measurements", args=[campaign.pk])).content.decode()

    assert "Promo-code uses marked first-time are counted for you" in html
    assert "Orders with a promo code are counted for you" in html
    assert "(in £)" in html


def test_editing_a_reading_keeps_counts_whole(owner_client, campaign):
    reading = MeasurementFactory(kpi=campaign.kpis.get(kind="customers"), value=Decimal(3))
    edit = reverse("kpis:measurement_edit", args=[campaign.pk, reading.pk])

    response = owner_client.post(
        edit, {"date": reading.date.isoformat(), "value": "4.5", "influencer": "", "note": ""}
    )

    assert response.status_code == 200
    assert WHOLE in response.content.decode()
    reading.refresh_from_db()
    assert reading.value == Decimal(3)
