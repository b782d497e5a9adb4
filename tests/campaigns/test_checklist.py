"""The on-screen checklist: ticks saved at once (htmx or plain form), who and when, progress,
and items the plan proves ticked for the owner."""

import pytest
from django.urls import reverse

from campaigns.models import ChecklistTick
from tests.factories.campaigns import CampaignFactory, ChecklistTickFactory

pytestmark = pytest.mark.django_db


def tick_url(campaign, key):
    return reverse("campaigns:tick", kwargs={"pk": campaign.pk, "item_key": key})


def test_page_lists_every_step_and_the_launch_review(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    page = owner_client.get(f"/campaigns/{campaign.pk}/checklist/").content.decode()
    for heading in ("Step 1: Find influencers", "Step 7: Review and launch", "Launch review"):
        assert heading in page
    assert "Done in your plan" in page  # the factory's goal sentence and deadline
    # An unmet launch-review question links to the step that answers it.
    assert f'href="/campaigns/{campaign.pk}/plan/6/">Fix it in step 6' in page


def test_ticking_without_javascript_saves_who_and_when_and_returns_to_the_item(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    response = owner_client.post(tick_url(campaign, "s1-reach-out"), {"ticked": "1"})
    assert response.url.endswith("/checklist/#s1-reach-out")
    tick = ChecklistTick.objects.get(campaign=campaign, item_key="s1-reach-out")
    assert tick.ticked_by == owner and tick.owner == owner and tick.ticked_at
    owner_client.post(tick_url(campaign, "s1-reach-out"), {"ticked": "1"})  # a repeat
    assert ChecklistTick.objects.filter(campaign=campaign).count() == 1
    owner_client.post(tick_url(campaign, "s1-reach-out"), {"ticked": "0"})
    assert not ChecklistTick.objects.filter(campaign=campaign).exists()


def test_unticking_removes_only_that_item(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    kept = ChecklistTickFactory(campaign=campaign, item_key="s1-engagement")
    ChecklistTickFactory(campaign=campaign, item_key="s1-reach-out")
    owner_client.post(tick_url(campaign, "s1-reach-out"), {"ticked": "0"})
    assert list(ChecklistTick.objects.filter(campaign=campaign)) == [kept]


def test_ticking_with_htmx_returns_the_item_and_the_new_progress(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    before = owner_client.get(f"/campaigns/{campaign.pk}/checklist/").context["done"]
    response = owner_client.post(
        tick_url(campaign, "s1-engagement"), {"ticked": "1"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<li class="checklist-item checklist-done" id="s1-engagement">')
    assert 'aria-pressed="true"' in html and "Ticked " in html
    assert 'hx-swap-oob="true"' in html and f"{before + 1} of " in html
    assert 'id="count-s1" hx-swap-oob="true">(1/4)</span>' in html  # the step's own count


def test_unknown_item_is_not_found(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    assert owner_client.post(tick_url(campaign, "no-such-item"), {"ticked": "1"}).status_code == 404
    assert not ChecklistTick.objects.exists()


def test_ticking_needs_a_post(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    assert owner_client.get(tick_url(campaign, "s1-reach-out")).status_code == 405
