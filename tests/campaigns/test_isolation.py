"""Another owner's campaign is not found (404) at every campaigns address, and nothing of it
changes, whatever is posted."""

import pytest
from django.urls import reverse

from campaigns.models import Campaign, ChecklistTick, Partnership
from kpis.models import CampaignKPI
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory

from .plan_helpers import goal_data, post_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_owner):
    campaign = CampaignFactory(owner=other_owner, plan_data={"step": "2"})
    PartnershipFactory(campaign=campaign)
    CampaignKPIFactory(campaign=campaign)
    return campaign


def state():
    return (
        list(Campaign.objects.order_by("pk").values()),
        list(Partnership.objects.order_by("pk").values()),
        list(CampaignKPI.objects.order_by("pk").values()),
        list(ChecklistTick.objects.values()),
    )


def addresses(campaign):
    pk = campaign.pk
    yield reverse("campaigns:resume_plan", kwargs={"pk": pk})
    for step in ["1", "2", "3", "4", "5", "6", "7", "done"]:
        yield reverse("campaigns:plan", kwargs={"pk": pk, "step": step})
    yield reverse("campaigns:goal_sentence", kwargs={"pk": pk})
    yield reverse("campaigns:checklist", kwargs={"pk": pk})
    yield reverse("campaigns:tick", kwargs={"pk": pk, "item_key": "s1-reach-out"})


def test_every_address_answers_404_to_another_owner(owner_client, owner, theirs):
    before = state()
    for address in addresses(theirs):
        assert owner_client.get(address).status_code in (404, 405), address
        assert owner_client.post(address, {"ticked": "1", "name": "Mine now"}).status_code in (
            404,
            405,
        ), address
    mine = InfluencerFactory(owner=owner)
    for step, data in [
        (1, {"name": "Mine now", "influencers": [mine.pk]}),
        (2, goal_data()),
        (7, {}),
    ]:
        assert post_step(owner_client, theirs, step, data).status_code == 404
        assert post_step(owner_client, theirs, step, data, goto=1).status_code == 404
    assert state() == before


def test_the_wizard_never_lists_another_owners_influencers(owner_client, owner, other_owner):
    stranger = InfluencerFactory(owner=other_owner, name="Not Yours")
    campaign = CampaignFactory(owner=owner)
    page = owner_client.get(reverse("campaigns:plan", kwargs={"pk": campaign.pk, "step": "1"}))
    assert stranger.name not in page.content.decode()


def test_signed_out_visitors_are_sent_to_log_in(client, theirs):
    for address in addresses(theirs):
        response = client.get(address)
        assert response.status_code in (302, 405) and (
            response.status_code == 405 or "/accounts/login/" in response.url
        )
