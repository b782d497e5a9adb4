"""Deleting a campaign asks first, says what goes with it, then takes all of it and nothing
else: its influencers stay on the roster, other campaigns keep their numbers."""

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Partnership
from influencers.models import Influencer
from kpis.models import CampaignKPI, CheckIn, Click, Measurement, Redemption, TrackedLink
from tests.factories.campaigns import CampaignFactory
from tests.reports.conftest import build_campaign

pytestmark = pytest.mark.django_db


# Every kind of row a campaign holds, and the path from it to the campaign.
RECORDED = [
    (Partnership, "campaign"),
    (CampaignKPI, "campaign"),
    (Measurement, "kpi__campaign"),
    (TrackedLink, "partnership__campaign"),
    (Click, "link__partnership__campaign"),
    (Redemption, "partnership__campaign"),
    (CheckIn, "campaign"),
]


def delete_url(campaign):
    return reverse("campaigns:delete", args=[campaign.pk])


def test_the_confirm_page_says_what_goes_and_deletes_nothing(owner_client, owner):
    campaign = build_campaign(owner)
    campaign.checkins.create(owner=owner, date=campaign.start_date)

    html = owner_client.get(delete_url(campaign)).content.decode()

    assert "Delete the campaign “Spring sourdough”?" in html
    assert "the deals with 2 influencers (they stay in your list of influencers)" in html
    assert "3 numbers you chose to follow" in html
    assert "3 readings of those numbers" in html
    assert "1 check-in and its note" in html
    assert "2 recorded uses of promo codes" in html
    assert "2 tracked links and their clicks" in html
    assert "This cannot be undone." in html
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_an_empty_draft_says_only_the_plan_goes(owner_client, owner):
    draft = CampaignFactory(owner=owner, name="Idea")

    html = owner_client.get(delete_url(draft)).content.decode()

    assert "Nothing has been recorded for it yet" in html


def test_confirming_deletes_the_campaign_and_all_it_recorded(owner_client, owner):
    campaign = build_campaign(owner)
    campaign.checkins.create(owner=owner, date=campaign.start_date)
    kept = build_campaign(owner, name="Summer")
    kept.checkins.create(owner=owner, date=kept.start_date)
    kept_rows = {model: model.objects.filter(**{path: kept}).count() for model, path in RECORDED}
    slug = TrackedLink.objects.filter(partnership__campaign=campaign).first().slug

    response = owner_client.post(delete_url(campaign), follow=True)

    assert response.redirect_chain == [(reverse("reports:portfolio"), 302)]
    assert "The campaign “Spring sourdough” is deleted." in response.content.decode()
    assert list(Campaign.objects.all()) == [kept]
    for model, path in RECORDED:
        assert not model.objects.filter(**{path: campaign.pk}).exists(), model
        assert model.objects.filter(**{path: kept}).count() == kept_rows[model] > 0, model
    assert Influencer.objects.filter(owner=owner).count() == 4  # both campaigns' influencers
    assert owner_client.get(f"/r/{slug}").status_code == 404
    assert owner_client.get(f"/campaigns/{campaign.pk}/").status_code == 404


def test_a_get_never_deletes_and_other_methods_are_refused(owner_client, owner):
    campaign = CampaignFactory(owner=owner)

    assert owner_client.get(delete_url(campaign)).status_code == 200
    assert owner_client.put(delete_url(campaign)).status_code == 405
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_the_dashboard_and_the_draft_page_link_to_it(owner_client, owner):
    running = build_campaign(owner)
    draft = CampaignFactory(owner=owner)

    assert delete_url(running) in owner_client.get(f"/campaigns/{running.pk}/").content.decode()
    assert delete_url(draft) in owner_client.get(f"/campaigns/{draft.pk}/").content.decode()
