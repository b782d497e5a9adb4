"""Step 5's page field moves the links that open the shared page, never one pointed elsewhere."""

import pytest

from kpis.models import TrackedLink
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, TrackedLinkFactory

from .plan_helpers import post_step, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def links(owner):
    campaign = CampaignFactory(owner=owner)
    CampaignKPIFactory(campaign=campaign, kind="clicks", source="links")
    shared = [
        TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign), destination=page)
        for page in ("https://shop.example/", "https://shop.example/")
    ]
    own = TrackedLinkFactory(
        partnership=PartnershipFactory(campaign=campaign), destination="https://shop.example/run"
    )
    return campaign, shared, own


def save_step(client, campaign, destination):
    data = {"checkin_frequency": "7", "adjustment_threshold": "50", "source_clicks": "links"}
    return post_step(client, campaign, 5, {**data, "destination": destination})


def destinations(campaign):
    return dict(
        TrackedLink.objects.filter(partnership__campaign=campaign).values_list("id", "destination")
    )


def test_the_field_shows_the_page_most_links_open(owner_client, links):
    campaign, _shared, _own = links
    page = owner_client.get(step_url(campaign, 5)).content.decode()
    assert 'value="https://shop.example/"' in page


def test_saving_unchanged_keeps_a_link_pointed_elsewhere(owner_client, links):
    campaign, _shared, own = links
    before = destinations(campaign)
    assert save_step(owner_client, campaign, "https://shop.example/").status_code == 302
    assert destinations(campaign) == before
    own.refresh_from_db()
    assert own.destination == "https://shop.example/run"


def test_a_new_page_moves_the_shared_links_only(owner_client, links):
    campaign, shared, own = links
    assert save_step(owner_client, campaign, "https://shop.example/spring").status_code == 302
    after = destinations(campaign)
    assert {after[link.pk] for link in shared} == {"https://shop.example/spring"}
    assert after[own.pk] == "https://shop.example/run"
