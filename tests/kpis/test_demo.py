"""The demo results tell a story: clicks on track, new customers behind plan."""

import pytest
from django.urls import reverse

import campaigns.plan.demo
import influencers.demo
from kpis import demo, services
from kpis.metrics import PaceStatus
from kpis.models import CheckIn, Click, Redemption

pytestmark = pytest.mark.django_db


def counts():
    return (Click.objects.count(), Redemption.objects.count(), CheckIn.objects.count())


def test_the_demo_campaign_has_one_kpi_on_track_and_one_behind(owner):
    influencers.demo.load(owner)
    campaign = campaigns.plan.demo.load(owner)

    demo.load(owner)
    first = counts()
    demo.load(owner)

    assert counts() == first
    assert Click.objects.filter(is_bot=True).exists()
    assert CheckIn.objects.exclude(note="").count() == 2
    paces = {s.kpi.kind: s.pace for s in services.campaign_kpi_statuses(campaign=campaign)}
    assert paces == {"clicks": PaceStatus.ON_TRACK, "customers": PaceStatus.BEHIND}
    assert services.campaign_roi(campaign=campaign).revenue > 0


def test_without_the_demo_campaign_nothing_is_made(owner):
    demo.load(owner)

    assert counts() == (0, 0, 0)


def test_the_demo_pages_open(owner, owner_client):
    influencers.demo.load(owner)
    campaign = campaigns.plan.demo.load(owner)
    demo.load(owner)

    checkins = owner_client.get(reverse("kpis:measurements", args=[campaign.pk]))
    links = owner_client.get(reverse("kpis:links", args=[campaign.pk]))

    assert checkins.status_code == links.status_code == 200
    assert "weekday-only offer" in checkins.content.decode()
    assert "Behind plan" in checkins.content.decode()
    assert "Bots and previews" in links.content.decode()
