"""One of every owned object for a user: the fixture for isolation, export and deletion."""

from django.apps import apps

from accounts.data import owned_models
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    FeedbackFactory,
    MeasurementFactory,
    PostFactory,
    RedemptionFactory,
    SurveyAnswerFactory,
    SurveyFactory,
    TillTapFactory,
    TrackedLinkFactory,
)


def checklist_keys():
    """Real checklist item keys, once the campaigns app defines them."""
    try:
        from campaigns.plan.guide import ITEMS
    except ImportError:
        return []
    return list(ITEMS)


def build_world(user, influencer_name=None):
    """{model: one row of it owned by ``user``}, for every owned model; fails when a new owned
    model appears that this does not make, so tests relying on it keep covering everything."""
    campaign = CampaignFactory(owner=user)
    influencer = InfluencerFactory(
        owner=user, **({"name": influencer_name} if influencer_name else {})
    )
    partnership = PartnershipFactory(campaign=campaign, influencer=influencer)
    profile = ProfileFactory(influencer=influencer)
    kpi = CampaignKPIFactory(campaign=campaign)
    checkin = apps.get_model("kpis", "CheckIn").objects.create(
        owner=user, campaign=campaign, note="Posted twice"
    )
    measurement = MeasurementFactory(kpi=kpi, checkin=checkin, influencer=influencer)
    link = TrackedLinkFactory(partnership=partnership)
    ClickFactory(link=link)
    redemption = RedemptionFactory(partnership=partnership)
    post = PostFactory(partnership=partnership)
    survey = SurveyFactory(campaign=campaign)
    answer = SurveyAnswerFactory(survey=survey, partnership=partnership)
    tap = TillTapFactory(campaign=campaign, partnership=partnership)
    feedback = FeedbackFactory(campaign=campaign, partnership=partnership)
    voice = (survey, answer, tap, feedback)
    tick = apps.get_model("campaigns", "ChecklistTick").objects.create(
        owner=user, campaign=campaign, item_key=(checklist_keys() or ["s1"])[0], ticked_by=user
    )
    reminder = apps.get_model("reports", "Reminder").objects.create(
        owner=user,
        kind="checkin_day",
        campaign=campaign,
        occasion=campaign.start_date,
        key=f"checkin_day:{campaign.pk}:-:{campaign.start_date}",
        next_attempt_at=campaign.created_at,
    )
    rows = (user.business, influencer, profile, campaign, partnership, kpi, checkin)
    world = {
        type(row): row
        for row in (*rows, measurement, link, redemption, post, tick, reminder, *voice)
    }
    missing = [model._meta.label for model in owned_models() if model not in world]
    assert not missing, f"build_world makes no {missing}: add them so they are tested"
    return world
