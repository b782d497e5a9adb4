"""Every request that may change an owner's data raises their data version; reading never does,
and nobody else's version moves. Views whose writes the database versions itself (readings and
check-ins) leave it."""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from accounts.models import Business
from tests.test_double_submit import TYPED, filled
from tests.test_round_trip import changes, post_forms, rich_world, rows

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


def marked_views(patterns=None, namespace=""):
    """The names of the views the data version leaves to the database's own versions."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from marked_views(entry.url_patterns, inner)
        elif getattr(entry.callback, "versioned_by_the_database", False):
            yield f"{namespace}{entry.name}"


def test_views_left_to_the_database_write_only_what_it_versions(owner):
    # A view marked so would leave the dashboard showing what it drew before, for any other
    # row it wrote: every form posting to one, sent from its page, writes readings and
    # check-ins alone, and the owner's data version stays.
    world = rich_world(owner)
    client = Client()
    client.force_login(owner)
    marked = set(marked_views())
    sent = set()
    for _page, action, name, form in post_forms(client, world):
        if name not in marked or name in sent:  # once each: a row deleted is gone
            continue
        data = filled(form, TYPED[name][0], world) if name in TYPED else form["fields"]
        before = rows()
        response = client.post(action, data)
        assert response.status_code == 302, name
        assert set(changes(before, rows())) <= {"kpis.Measurement", "kpis.CheckIn"}, name
        sent.add(name)

    assert sent == marked
    assert "kpis:measurements" in marked  # the check-in form
    assert version_of(owner) == 0
