"""A figure reads the same on the check-in page, the dashboard and the report PDF's source:
counts grouped as 1,234 and money in the business's currency, wherever they are shown."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory, RedemptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    today = timezone.localdate()
    return CampaignFactory(
        owner=UserFactory(business__currency="EUR"),
        status="active",
        launched_at=timezone.now(),
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )


def test_counts_and_money_read_the_same_on_the_check_in_page_and_the_dashboard(client, campaign):
    followers = CampaignKPIFactory(
        campaign=campaign, kind="followers", baseline=Decimal(1000), target=Decimal(12500)
    )
    CampaignKPIFactory(  # counted for you from promo-code sales
        campaign=campaign,
        kind="revenue",
        source="codes",
        baseline=Decimal(0),
        target=Decimal(1500),
        position=1,
    )
    MeasurementFactory(kpi=followers, value=Decimal(1234))
    RedemptionFactory(partnership=PartnershipFactory(campaign=campaign), revenue=Decimal("1234.50"))
    client.force_login(campaign.owner)

    check_in = client.get(reverse("kpis:measurements", args=[campaign.pk])).content.decode()
    dashboard = client.get(reverse("reports:dashboard", args=[campaign.pk])).content.decode()

    for shown in ("1,234", "€1,234.50", "target €1,500.00"):
        assert shown in check_in
    for shown in ("1,234", "12,500", "€1,234.50", "€1,500.00"):
        assert shown in dashboard
    for page in (check_in, dashboard):
        assert "1234" not in page.replace("1234.50", "")  # not a count left ungrouped
