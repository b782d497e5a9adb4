"""The feedback log: the page's own form adds an entry, tagged and optionally linked to an
influencer; wrong input is named; entries can be deleted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.models import Feedback
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    campaign = CampaignFactory(owner=owner, status="active")
    PartnershipFactory(campaign=campaign, influencer__name="Maya Cooks")
    return campaign


def the_form(client, campaign):
    page = client.get(reverse("kpis:feedback", args=[campaign.pk]))
    (form,) = [f for f in page_forms(page) if f["method"] == "post" and "logout" not in f["action"]]
    return page, form


def test_an_entry_is_added_from_the_page_form(owner_client, campaign):
    page, form = the_form(owner_client, campaign)
    partnership = campaign.partnerships.get()
    assert str(partnership.pk) in form["choices"]["partnership"]
    # Three radio buttons, none ticked: no "---------" choice to leave the tone blank.
    assert form["choices"]["tone"] == ["positive", "neutral", "negative"]
    assert "tone" not in form["fields"]

    data = {
        **form["fields"],
        "text": "Loved the rye, saw it on Maya's video",
        "tone": "positive",
        "source": "follower",
        "partnership": str(partnership.pk),
    }
    response = owner_client.post(reverse("kpis:feedback", args=[campaign.pk]), data, follow=True)

    entry = Feedback.objects.get()
    assert (entry.tone, entry.source, entry.partnership) == ("positive", "follower", partnership)
    assert entry.owner == campaign.owner
    assert "Positive: 1" in response.content.decode()


def test_wrong_input_is_named_and_nothing_saved(owner_client, campaign):
    _page, form = the_form(owner_client, campaign)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = owner_client.post(
        reverse("kpis:feedback", args=[campaign.pk]),
        {**form["fields"], "text": "   ", "date": tomorrow},
    )

    html = response.content.decode()
    assert "Write down what they said." in html
    assert "That date is in the future" in html
    assert "Pick how it sounds" in html
    assert not Feedback.objects.exists()


def test_an_entry_is_deleted_after_asking(owner_client, campaign):
    entry = Feedback.objects.create(
        owner=campaign.owner, campaign=campaign, tone="negative", text="Too busy on Saturday"
    )
    url = reverse("kpis:feedback_delete", args=[campaign.pk, entry.pk])

    assert "Delete this feedback" in owner_client.get(url).content.decode()
    owner_client.post(url)

    assert not Feedback.objects.exists()
