"""The influencer edit page open in two tabs: the older page's save is refused, kept as typed."""

import pytest

from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db


def edit_form(client, influencer):
    path = f"/influencers/{influencer.pk}/edit/"
    forms = [f for f in page_forms(client.get(path)) if "name" in f["fields"]]
    return path, dict(forms[0]["fields"])


def test_a_save_from_an_older_tab_is_refused_and_keeps_the_typing(owner_client, owner):
    influencer = InfluencerFactory(owner=owner, name="Rosie Bakes")
    ProfileFactory(influencer=influencer, handle="rosie")
    path, tab_a = edit_form(owner_client, influencer)
    _path, tab_b = edit_form(owner_client, influencer)
    assert tab_a["version"] and tab_a["version"] == tab_b["version"]

    assert owner_client.post(path, {**tab_a, "niche": "bread"}).status_code == 302
    response = owner_client.post(path, {**tab_b, "niche": "cakes"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "changed in another tab or device" in page
    assert 'value="cakes"' in page
    influencer.refresh_from_db()
    assert influencer.niche == "bread"

    _path, fresh = edit_form(owner_client, influencer)
    assert owner_client.post(path, {**fresh, "niche": "cakes"}).status_code == 302
    influencer.refresh_from_db()
    assert influencer.niche == "cakes"
