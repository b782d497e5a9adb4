"""The tracked-links page: one link per partnership, counts, destinations and QR codes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.models import TrackedLink
from reports.services import checklist_details
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import ClickFactory, TrackedLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    return CampaignFactory(owner=owner)


def test_each_link_with_people_and_bots_counted_apart(owner_client, campaign, settings):
    settings.SITE_URL = "https://go.example"
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign), slug="maya-x1")
    ClickFactory.create_batch(3, link=link, visitor_hash="a")
    ClickFactory(link=link, visitor_hash="b")
    ClickFactory.create_batch(2, link=link, is_bot=True)
    PartnershipFactory(
        campaign=campaign, influencer=InfluencerFactory(owner=campaign.owner, name="No Link Yet")
    )

    response = owner_client.get(reverse("kpis:links", args=[campaign.pk]))

    row = next(r for r in response.context["rows"] if r["link"])
    assert (row["partnership"].people, row["partnership"].bots, row["partnership"].visitors) == (
        4,
        2,
        2,
    )
    page = response.content.decode()
    assert 'value="https://go.example/r/maya-x1"' in page
    assert 'data-copy-target="#link-url-' in page
    assert "Make a link" in page


def test_the_page_s_queries_do_not_grow_with_links(
    owner_client, campaign, django_assert_max_num_queries
):
    for _number in range(10):
        ClickFactory(link=TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign)))

    with django_assert_max_num_queries(8):
        owner_client.get(reverse("kpis:links", args=[campaign.pk]))


def test_make_a_link_by_hand(owner_client, campaign):
    partnership = PartnershipFactory(
        campaign=campaign, influencer=InfluencerFactory(owner=campaign.owner, name="Sam's Eats")
    )

    response = owner_client.post(
        reverse("kpis:link_create", args=[campaign.pk, partnership.pk]),
        {"destination": "https://shop.example/bread"},
    )

    assert response.status_code == 302
    link = TrackedLink.objects.get()
    assert (link.owner, link.partnership, link.destination) == (
        campaign.owner,
        partnership,
        "https://shop.example/bread",
    )
    assert link.slug.startswith("sams-eats-")


@pytest.mark.parametrize(
    "destination",
    ["javascript:alert(1)", "ftp://shop.example/file", "data:text/html,hi", "not a url"],
)
def test_only_web_addresses_are_accepted(owner_client, campaign, destination):
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))

    response = owner_client.post(
        reverse("kpis:link_edit", args=[campaign.pk, link.pk]), {"destination": destination}
    )

    assert response.status_code == 200
    assert "starting with https:// or http://" in response.content.decode()
    link.refresh_from_db()
    assert link.destination == "https://shop.example/spring?ref=ig"


def test_a_new_destination_keeps_the_short_link(owner_client, campaign):
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign), slug="keep-me")

    owner_client.post(
        reverse("kpis:link_edit", args=[campaign.pk, link.pk]),
        {"destination": "shop.example/autumn"},
    )

    link.refresh_from_db()
    assert (link.slug, link.destination) == ("keep-me", "https://shop.example/autumn")


def test_a_partnership_with_a_link_goes_to_its_edit_page(owner_client, campaign):
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))

    response = owner_client.get(
        reverse("kpis:link_create", args=[campaign.pk, link.partnership.pk])
    )

    assert response["Location"] == reverse("kpis:link_edit", args=[campaign.pk, link.pk])


def test_the_qr_code_is_an_svg_of_the_public_link(owner_client, campaign, settings):
    settings.SITE_URL = "https://go.example"
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign), slug="qr-me")
    url = reverse("kpis:link_qr", args=[campaign.pk, link.pk])

    shown = owner_client.get(url)
    downloaded = owner_client.get(url, {"download": "1"})

    assert shown["Content-Type"] == "image/svg+xml"
    assert shown.content.startswith(b"<?xml") and b"<svg" in shown.content
    assert b"https://go.example/r/qr-me" in shown.content  # its title, for screen readers
    assert shown["Content-Disposition"] == 'inline; filename="qr-qr-me.svg"'
    assert downloaded["Content-Disposition"] == 'attachment; filename="qr-qr-me.svg"'


def test_a_post_to_a_read_only_page_of_one_s_own_is_not_allowed(owner_client, campaign):
    assert owner_client.post(reverse("kpis:links", args=[campaign.pk])).status_code == 405


def test_the_public_address_is_the_same_on_every_page_that_shows_it(
    owner_client, campaign, settings
):
    settings.SITE_URL = "https://go.example"
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign), slug="maya-x1")

    links_page = owner_client.get(reverse("kpis:links", args=[campaign.pk]))
    checklist = checklist_details(campaign=campaign)

    assert link.public_url == "https://go.example/r/maya-x1"
    assert next(r["url"] for r in links_page.context["rows"] if r["link"]) == link.public_url
    assert [planned.link for planned in checklist.partnerships] == [link.public_url]


def test_clicks_before_the_start_are_shown_and_said_not_to_count(owner_client, owner):
    start = timezone.localdate()
    campaign = CampaignFactory(owner=owner, start_date=start)
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))
    yesterday = timezone.now() - datetime.timedelta(days=1)
    ClickFactory(link=link, at=yesterday, day=timezone.localdate(yesterday))
    ClickFactory(link=link)

    html = owner_client.get(reverse("kpis:links", args=[campaign.pk])).content.decode()

    assert '<dd class="fs-4 mb-0 clicks-people">2</dd>' in html
    assert "shown here but not counted in its results" in html
