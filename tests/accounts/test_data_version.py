"""Every request that may change an owner's data raises their data version; reading never does,
and nobody else's version moves."""

import pytest

from accounts.models import Business

pytestmark = pytest.mark.django_db


def version_of(user):
    return Business.objects.get(owner=user).data_version


def test_reading_pages_leaves_the_version(owner_client, owner):
    for path in ("/campaigns/", "/influencers/", "/accounts/business/"):
        owner_client.get(path)
        owner_client.head(path)

    assert version_of(owner) == 0


def test_a_post_raises_only_the_owners_version(owner_client, owner, other_owner):
    owner_client.post("/accounts/business/", {"name": "Crumb & Co", "currency": "EUR"})
    owner_client.post("/accounts/business/", {"name": "", "currency": "EUR"})  # refused: counts

    assert version_of(owner) == 2
    assert version_of(other_owner) == 0


def test_visitors_posting_raise_nothing(client, owner):
    client.post("/accounts/login/", {"username": owner.email, "password": "wrong"})

    assert version_of(owner) == 0
