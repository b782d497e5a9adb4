"""The demo plan: one launched campaign for Rosie's Bakery, loaded again without duplicates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.models import Campaign, CampaignStatus
from campaigns.plan import demo
from campaigns.plan.review import launch_review
from influencers import demo as influencers_demo
from kpis.models import TrackedLink

pytestmark = pytest.mark.django_db


def test_demo_plan_is_complete_launched_and_idempotent(owner):
    influencers_demo.load(owner)
    demo.load(owner)
    demo.load(owner)
    campaign = Campaign.objects.get(owner=owner)
    today = timezone.localdate()
    assert campaign.name == demo.DEMO_CAMPAIGN_NAME
    assert campaign.status == CampaignStatus.ACTIVE and campaign.launched_at
    assert campaign.start_date == today - timedelta(days=21)
    assert campaign.end_date == today + timedelta(days=35)
    partnerships = campaign.partnerships.all()
    assert partnerships.count() == 3
    assert all(p.promo_code for p in partnerships)
    assert TrackedLink.objects.filter(partnership__campaign=campaign).count() == 3
    assert campaign.kpis.count() == 2
    assert [a.key for a in launch_review(plan=campaign) if not a.met] == []
