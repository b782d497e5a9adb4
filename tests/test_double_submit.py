"""A create form sent twice, as a double click does, makes one row."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign
from kpis.models import CheckIn, Redemption
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def tokens(client, path):
    return TOKEN.findall(client.get(path).content.decode())


def twice(client, path, data):
    return [client.post(path, data) for _ in range(2)]


def test_a_new_plan_sent_twice_is_one_draft(owner_client, owner):
    (token,) = tokens(owner_client, reverse("campaigns:new"))
    first, second = twice(
        owner_client, reverse("campaigns:new"), {"name": "Autumn", "form_token": token}
    )
    assert Campaign.objects.filter(owner=owner).count() == 1
    assert second["Location"] == first["Location"]


def test_a_check_in_and_a_code_use_sent_twice_are_one_each(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    kpi = CampaignKPIFactory(campaign=campaign, kind="customers")
    partnership = PartnershipFactory(campaign=campaign)
    page = reverse("kpis:measurements", args=[campaign.pk])
    checkin_token, code_token = tokens(owner_client, page)
    assert checkin_token != code_token
    today = timezone.localdate().isoformat()
    twice(owner_client, page, {"date": today, f"value_{kpi.pk}": "3", "form_token": checkin_token})
    twice(
        owner_client,
        reverse("kpis:redemption_add", args=[campaign.pk]),
        {
            "promo-partnership": partnership.pk,
            "promo-date": today,
            "promo-revenue": "10",
            "form_token": code_token,
        },
    )
    assert CheckIn.objects.filter(campaign=campaign).count() == 1
    assert Redemption.objects.filter(partnership=partnership).count() == 1
    # A fresh page brings fresh tokens: a second real check-in is saved.
    (next_token, _code) = tokens(owner_client, page)
    owner_client.post(page, {"date": today, f"value_{kpi.pk}": "2", "form_token": next_token})
    assert CheckIn.objects.filter(campaign=campaign).count() == 2
