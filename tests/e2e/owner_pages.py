"""Every page an owner reaches, for one owner with a running campaign and a brand-new draft."""

from django.utils import timezone

from campaigns.models import Campaign
from kpis.models import CheckIn
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    MeasurementFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)


def owner_world(owner):
    """A running campaign with a partner, a reading, a check-in, a link and a promo-code use,
    and a draft made just now (only its name), then the paths of every page they reach."""
    campaign = CampaignFactory(
        owner=owner, status="active", launched_at=timezone.now(), plan_step=8
    )
    partnership = PartnershipFactory(campaign=campaign)
    influencer = partnership.influencer
    ProfileFactory(influencer=influencer)
    kpi = CampaignKPIFactory(campaign=campaign)
    checkin = CheckIn.objects.create(owner=owner, campaign=campaign, note="Asked for a reel")
    reading = MeasurementFactory(kpi=kpi, influencer=influencer, checkin=checkin)
    link = TrackedLinkFactory(partnership=partnership)
    RedemptionFactory(partnership=partnership)
    draft = Campaign.objects.create(owner=owner, name="Autumn pies")

    running = f"/campaigns/{campaign.pk}"
    pages = [
        "/campaigns/",
        "/campaigns/new/",
        f"{running}/",
        f"{running}/checklist/",
        *(f"{running}/plan/{step}/" for step in range(1, 8)),
        f"{running}/measurements/",
        f"{running}/measurements/{reading.pk}/edit/",
        f"{running}/checkins/{checkin.pk}/edit/",
        f"{running}/measurements/import/",
        f"{running}/links/",
        f"{running}/links/{link.pk}/edit/",
        f"{running}/delete/",
        f"/campaigns/{draft.pk}/",
        *(f"/campaigns/{draft.pk}/plan/{step}/" for step in range(1, 8)),
        "/influencers/",
        "/influencers/new/",
        "/influencers/import/",
        f"/influencers/{influencer.pk}/",
        f"/influencers/{influencer.pk}/edit/",
        f"/influencers/{influencer.pk}/delete/",
        "/accounts/business/",
        "/accounts/password/change/",
        "/accounts/delete/",
    ]
    return pages
