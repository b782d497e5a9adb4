import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from influencers.models import Influencer, Profile
from tests.factories.influencers import InfluencerFactory, ProfileFactory


def influencer_routes_with_pk():
    """Every influencers URL that takes an influencer id (walks the resolver, so new pages are
    covered automatically)."""
    resolver = get_resolver()
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern)
                and namespace == "influencers"
                and "pk" in pattern.pattern.converters
            ):
                names.append(pattern.name)

    walk(resolver.url_patterns, None)
    return names


ROUTES = influencer_routes_with_pk()


def test_the_walk_finds_the_pages():
    assert {"detail", "edit", "delete", "status"} <= set(ROUTES)


@pytest.mark.parametrize("name", ROUTES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_owners_influencer_is_not_found_and_not_changed(
    owner_client, other_owner, name, method
):
    theirs = ProfileFactory(influencer__owner=other_owner, influencer__status="contacted")
    influencer = theirs.influencer
    url = reverse(f"influencers:{name}", args=[influencer.pk])
    data = {
        "name": "Hijacked",
        "status": "declined",
        "profiles-TOTAL_FORMS": "0",
        "profiles-INITIAL_FORMS": "0",
    }

    response = getattr(owner_client, method)(url, data if method == "post" else None)

    assert response.status_code in (404, 405)
    if method == "get" and name != "status":
        assert response.status_code == 404
    influencer.refresh_from_db()
    assert influencer.name != "Hijacked"
    assert influencer.status == "contacted"
    assert Influencer.objects.filter(pk=influencer.pk).exists()
    assert Profile.objects.filter(pk=theirs.pk).exists()


def test_roster_and_export_show_only_the_owners_influencers(owner_client, owner, other_owner):
    InfluencerFactory(owner=owner, name="Mine")
    InfluencerFactory(owner=other_owner, name="Theirs")
    url = reverse("influencers:list")
    assert [row.record.name for row in owner_client.get(url).context["table"].rows] == ["Mine"]
    export = owner_client.get(url, {"_export": "csv"}).content.decode()
    assert "Mine" in export and "Theirs" not in export


def test_niche_choices_come_only_from_the_owners_roster(owner_client, owner, other_owner):
    InfluencerFactory(owner=owner, niche="food")
    InfluencerFactory(owner=other_owner, niche="secret-niche")
    body = owner_client.get(reverse("influencers:list")).content.decode()
    assert "secret-niche" not in body


def test_pages_need_a_login(client, db):
    influencer = InfluencerFactory()
    for url in (
        reverse("influencers:list"),
        reverse("influencers:create"),
        reverse("influencers:import"),
        reverse("influencers:engagement_preview"),
        reverse("influencers:detail", args=[influencer.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
