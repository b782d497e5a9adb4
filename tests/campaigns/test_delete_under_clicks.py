"""Deleting a campaign or the whole account while its links are being clicked.

On PostgreSQL a click INSERT can land between Django collecting a link's clicks and deleting
the link; the deletion must still go through (and the late click answer "not found"). Real
concurrent clicks against the live server; on in-memory SQLite the live server's threads share
one connection, which proves nothing, so the test runs on PostgreSQL only.
"""

import threading
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from bench.tracked_links import fire
from campaigns.models import Campaign
from kpis.models import TrackedLink
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import TrackedLinkFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real concurrent connections"
    ),
]


def clicking(live_server, slugs):
    """Starts clicking the links in a loop; returns (stop, statuses)."""
    server = urlsplit(live_server.url)
    stop, statuses = threading.Event(), []

    def run():
        while not stop.is_set():
            statuses.extend(fire(server.hostname, server.port, [f"/r/{s}" for s in slugs], 4)[0])

    thread = threading.Thread(target=run)
    thread.start()

    def finish():
        stop.set()
        thread.join()
        return statuses

    return finish


def links_of(owner, count=4):
    campaign = CampaignFactory(owner=owner)
    return campaign, [
        TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign)).slug
        for _ in range(count)
    ]


def test_a_campaign_is_deleted_while_its_links_are_clicked(live_server, owner_client, owner):
    for _ in range(3):
        campaign, slugs = links_of(owner)
        finish = clicking(live_server, slugs)
        response = owner_client.post(reverse("campaigns:delete", args=[campaign.pk]))
        statuses = finish()
        assert response.status_code == 302
        assert not Campaign.objects.filter(pk=campaign.pk).exists()
        assert not TrackedLink.objects.filter(slug__in=slugs).exists()
        assert set(statuses) <= {302, 404}, statuses


def test_the_account_is_deleted_while_its_links_are_clicked(
    live_server, owner_client, owner, password
):
    _campaign, slugs = links_of(owner, count=6)
    finish = clicking(live_server, slugs)
    response = owner_client.post(
        reverse("account_delete"), {"password": password, "confirmation": "DELETE"}
    )
    statuses = finish()
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert set(statuses) <= {302, 404}, statuses
