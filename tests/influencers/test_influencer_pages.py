import pytest
from django.urls import reverse

from influencers.models import Influencer, OutreachStatus, Profile
from tests.factories.influencers import InfluencerFactory, ProfileFactory


def form_data(**overrides):
    data = {
        "name": "Maya Cooks",
        "niche": "home baking",
        "location": "Clifton",
        "email": "maya@example.com",
        "notes": "",
        "status": "identified",
        "profiles-TOTAL_FORMS": "1",
        "profiles-INITIAL_FORMS": "0",
        "profiles-0-platform": "instagram",
        "profiles-0-handle": " @MayaCooks ",
        "profiles-0-url": "instagram.com/mayacooks",
        "profiles-0-followers": "12.3k",
        "profiles-0-following": "600",
        "profiles-0-avg_likes": "1,200",
        "profiles-0-avg_comments": "30",
        "profiles-0-avg_shares": "",
        "profiles-0-avg_reach": "",
    }
    data.update(overrides)
    return data


def test_add_an_influencer_with_a_profile(owner_client, owner):
    response = owner_client.post(reverse("influencers:create"), form_data())

    influencer = Influencer.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == influencer.get_absolute_url()
    profile = influencer.profiles.get()
    assert profile.owner == owner
    assert profile.handle == "mayacooks"
    assert profile.followers == 12_300
    assert profile.avg_likes == 1_200
    assert profile.avg_shares is None
    assert profile.url == "https://instagram.com/mayacooks"


def test_added_from_the_wizard_goes_back_to_the_wizard(owner_client, owner):
    wizard = "/campaigns/7/plan/1/"
    response = owner_client.post(f"{reverse('influencers:create')}?next={wizard}", form_data())
    assert response["Location"] == wizard


def test_a_next_address_on_another_site_is_ignored(owner_client, owner):
    url = f"{reverse('influencers:create')}?next=https://evil.example/"
    response = owner_client.post(url, form_data())
    assert response["Location"] == Influencer.objects.get(owner=owner).get_absolute_url()


@pytest.mark.parametrize("next_value", ["abc", "logout", "account_delete", "-1", "😀"])
def test_a_next_that_is_not_a_path_is_ignored(owner_client, owner, next_value):
    """Not an address but a word (a view's name, say): never looked up, never a 500."""
    response = owner_client.post(f"{reverse('influencers:create')}?next={next_value}", form_data())

    assert response.status_code == 302
    assert response["Location"] == Influencer.objects.get(owner=owner).get_absolute_url()


def test_detail_shows_rate_tier_and_warnings_in_words(owner_client, owner):
    influencer = InfluencerFactory(owner=owner, name="Maya")
    ProfileFactory(
        influencer=influencer,
        followers=800,
        following=3_000,
        avg_likes=40,
        avg_comments=None,
        avg_shares=None,
    )
    body = owner_client.get(influencer.get_absolute_url()).content.decode()
    assert "5.00%" in body and "by followers" in body
    assert "Nano (under 10,000 followers)" in body
    assert "Fewer than 1,000 followers" in body
    assert "Follows far more accounts" in body


def test_bad_numbers_keep_what_was_typed_and_say_why(owner_client):
    response = owner_client.post(
        reverse("influencers:create"), form_data(**{"profiles-0-followers": "loads"})
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "&#x27;loads&#x27; is not a number we can read" in body
    assert 'value="Maya Cooks"' in body and 'value="loads"' in body
    assert not Influencer.objects.exists()


def test_a_handle_already_in_the_roster_is_refused(owner_client, owner):
    ProfileFactory(influencer__owner=owner, influencer__name="Someone", handle="mayacooks")
    response = owner_client.post(reverse("influencers:create"), form_data())
    assert "already in your roster, under Someone" in response.content.decode()
    assert Influencer.objects.filter(owner=owner).count() == 1


def test_the_same_profile_twice_in_one_form_is_refused(owner_client):
    data = form_data(
        **{
            "profiles-TOTAL_FORMS": "2",
            "profiles-1-platform": "instagram",
            "profiles-1-handle": "mayacooks",
        }
    )
    response = owner_client.post(reverse("influencers:create"), data)
    assert "listed twice" in response.content.decode()
    assert not Influencer.objects.exists()


def test_another_owners_handle_does_not_block_mine(owner_client, owner, other_owner):
    ProfileFactory(influencer__owner=other_owner, handle="mayacooks")
    owner_client.post(reverse("influencers:create"), form_data())
    assert Profile.objects.filter(owner=owner, handle="mayacooks").exists()


def test_an_influencer_without_profiles_can_be_saved(owner_client, owner):
    # What the browser sends for the untouched profile form: the preselected platform only.
    data = {k: "" if k.startswith("profiles-0-") else v for k, v in form_data().items()}
    data["profiles-0-platform"] = "instagram"
    owner_client.post(reverse("influencers:create"), data)
    assert Influencer.objects.get(owner=owner).profiles.count() == 0


def test_edit_adds_a_second_profile_and_removes_one(owner_client, owner):
    influencer = InfluencerFactory(owner=owner, name="Maya")
    old = ProfileFactory(influencer=influencer, handle="old")
    data = form_data(
        **{
            "profiles-TOTAL_FORMS": "2",
            "profiles-INITIAL_FORMS": "1",
            "profiles-0-id": str(old.pk),
            "profiles-0-handle": "old",
            "profiles-0-DELETE": "on",
            "profiles-1-platform": "tiktok",
            "profiles-1-handle": "maya.tt",
            "profiles-1-followers": "9000",
        }
    )
    response = owner_client.post(reverse("influencers:edit", args=[influencer.pk]), data)
    assert response.status_code == 302
    assert [p.handle for p in influencer.profiles.all()] == ["maya.tt"]


def test_status_change_from_the_detail_page_dates_it(owner_client, owner):
    influencer = InfluencerFactory(owner=owner)
    before = Influencer.objects.get(pk=influencer.pk).status_changed_at
    response = owner_client.post(
        reverse("influencers:status", args=[influencer.pk]), {"status": "gifted_not_posted"}
    )
    assert response.status_code == 302
    influencer.refresh_from_db()
    assert influencer.status == OutreachStatus.GIFTED_NOT_POSTED
    assert influencer.status_changed_at > before


def test_unknown_status_is_refused(owner_client, owner):
    influencer = InfluencerFactory(owner=owner)
    owner_client.post(reverse("influencers:status", args=[influencer.pk]), {"status": "married"})
    influencer.refresh_from_db()
    assert influencer.status == OutreachStatus.IDENTIFIED


def test_delete_asks_first_then_removes(owner_client, owner):
    influencer = InfluencerFactory(owner=owner, name="Maya")
    ProfileFactory(influencer=influencer)
    url = reverse("influencers:delete", args=[influencer.pk])

    confirm_page = owner_client.get(url)
    assert "Remove Maya from your roster?" in confirm_page.content.decode()
    assert Influencer.objects.filter(pk=influencer.pk).exists()

    response = owner_client.post(url)
    assert response.status_code == 302
    assert not Influencer.objects.filter(pk=influencer.pk).exists()
    assert not Profile.objects.filter(influencer_id=influencer.pk).exists()


def test_outreach_message_on_the_detail_page_follows_the_offer(owner_client, owner):
    owner.business.name = "Rosie's Bakery"
    owner.business.save()
    influencer = InfluencerFactory(owner=owner, name="Maya")
    url = influencer.get_absolute_url()

    product = owner_client.get(url).content.decode()
    fee = owner_client.get(url, {"offer": "fee"}).content.decode()

    assert "Rosie&#x27;s Bakery" in product and "free" in product
    assert "pay you" in fee
    assert 'data-copy-target="#outreach-message"' in product
    assert owner_client.get(url, {"offer": "bribe"}).status_code == 200


def test_status_changes_in_place_on_the_roster(owner_client, owner):
    influencer = InfluencerFactory(owner=owner, name="Maya")
    roster = owner_client.get(reverse("influencers:list")).content.decode()
    assert f'hx-post="{reverse("influencers:status", args=[influencer.pk])}"' in roster

    response = owner_client.post(
        reverse("influencers:status", args=[influencer.pk]),
        {"status": "contacted", "next": "/influencers/"},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert '<option value="contacted" selected>' in body
    assert f'id="status-since-{influencer.pk}" hx-swap-oob="true"' in body
    influencer.refresh_from_db()
    assert influencer.status == OutreachStatus.CONTACTED


def test_status_form_without_javascript_returns_to_the_roster(owner_client, owner):
    influencer = InfluencerFactory(owner=owner)
    url = reverse("influencers:status", args=[influencer.pk])
    back = owner_client.post(url, {"status": "agreed", "next": "/influencers/?status=agreed"})
    assert back["Location"] == "/influencers/?status=agreed"
    elsewhere = owner_client.post(url, {"status": "active", "next": "https://evil.example/"})
    assert elsewhere["Location"] == influencer.get_absolute_url()
