"""A public page sets no cookie: a visitor following a link gets nothing stored."""

import pytest

from tests.factories.kpis import TrackedLinkFactory

pytestmark = pytest.mark.django_db


def test_an_unknown_tracked_link_sets_no_cookie(client):
    response = client.get("/r/no-such-link")
    assert response.status_code == 404
    assert not response.cookies


def test_a_tracked_link_sets_no_cookie(client):
    link = TrackedLinkFactory()
    response = client.get(f"/r/{link.slug}")
    assert response.status_code == 302
    assert not response.cookies


def test_logged_in_pages_still_carry_the_token_for_htmx(owner_client):
    page = owner_client.get("/influencers/").content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
