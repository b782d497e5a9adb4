"""The demo command builds a whole business once; running it again changes nothing."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from reports.management.commands.load_demo import DEMO_EMAIL

pytestmark = pytest.mark.django_db

COUNTED = [
    "accounts.Business",
    "influencers.Influencer",
    "influencers.Profile",
    "campaigns.Campaign",
    "campaigns.Partnership",
    "campaigns.ChecklistTick",
    "kpis.CampaignKPI",
    "kpis.CheckIn",
    "kpis.Measurement",
    "kpis.TrackedLink",
    "kpis.Click",
    "kpis.Redemption",
]


def row_counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def test_running_twice_leaves_the_same_rows(capsys):
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")
    assert row_counts() == first
    assert get_user_model().objects.filter(username=DEMO_EMAIL).count() == 1
    assert first["campaigns.Campaign"] >= 1
    assert first["kpis.Click"] > 0 and first["kpis.Redemption"] > 0
    assert "Demo business ready" in capsys.readouterr().out


def test_demo_dashboard_and_pdfs_open(client):
    call_command("load_demo")
    owner = get_user_model().objects.get(username=DEMO_EMAIL)
    client.force_login(owner)
    campaign = apps.get_model("campaigns.Campaign").objects.get(owner=owner, status="active")
    assert client.get(f"/campaigns/{campaign.pk}/").status_code == 200
    assert client.get(f"/campaigns/{campaign.pk}/report.pdf").status_code == 200
    assert client.get("/campaigns/").status_code == 200
