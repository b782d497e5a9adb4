"""Social insights per post become Posts of the right partnership; importing again updates
them, never counts twice."""

import datetime

import pytest
from django.urls import reverse

from kpis.models import Post
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory

from . import exports
from .test_import_views import confirm, uploaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    campaign = CampaignFactory(
        owner=owner, start_date=exports.CAMPAIGN_START, end_date=exports.CAMPAIGN_END
    )
    for name, handle in (("Bristol Bread Lover", "bristolbreadlover"), ("Maya", "mayacooks")):
        person = InfluencerFactory(owner=owner, name=name)
        ProfileFactory(owner=owner, influencer=person, platform="instagram", handle=handle)
        PartnershipFactory(campaign=campaign, influencer=person)
    return campaign


def stored_totals():
    totals = {}
    for post in Post.objects.select_related("partnership__influencer"):
        handle = post.partnership.influencer.profiles.get().handle
        count, interactions, reach = totals.get(handle, (0, 0, 0))
        totals[handle] = (count + 1, interactions + post.interactions, reach + post.views)
    return totals


def typed_in(campaign, post, url):
    """``post`` of the export as the owner typed it in earlier, with a link and one like."""
    return Post.objects.create(
        owner=campaign.owner,
        partnership=campaign.partnerships.get(influencer__name="Bristol Bread Lover"),
        platform="instagram",
        url=url,
        posted_on=post.date,
        likes=1,
    )


@pytest.mark.parametrize("variant", ["plain", "utf16", "utf16_de", "semicolon"])
def test_meta_business_suite_posts_are_each_partners_posts(owner_client, campaign, variant):
    data = exports.render(*exports.instagram(), variant=variant)

    location = uploaded(owner_client, campaign, "", data)
    page = owner_client.get(location).content.decode()
    assert "Instagram posts" in page
    assert "someoneelse, not one of this campaign" in page
    confirm(owner_client, campaign, location)

    assert stored_totals() == exports.counted_interactions()
    assert set(Post.objects.values_list("entered_by", flat=True)) == {"import"}
    assert Post.objects.get(external_id="17900000000000002").kind == "video"


def test_importing_the_posts_again_updates_them(owner_client, campaign):
    confirm(
        owner_client,
        campaign,
        uploaded(owner_client, campaign, "instagram", exports.render(*exports.instagram())),
    )
    later = [
        exports.SocialPost(
            p.post_id, p.account, p.date, p.reach + 100, p.likes + 1, p.comments, p.shares
        )
        for p in exports.POSTS
    ]

    confirm(
        owner_client,
        campaign,
        uploaded(owner_client, campaign, "instagram", exports.render(*exports.instagram(later))),
    )

    assert stored_totals() == exports.counted_interactions(later)
    assert Post.objects.count() == 3


def test_a_tiktok_link_names_the_account(owner_client, campaign):
    person = InfluencerFactory(owner=campaign.owner, name="Sam")
    ProfileFactory(owner=campaign.owner, influencer=person, platform="tiktok", handle="sameats")
    PartnershipFactory(campaign=campaign, influencer=person)
    data = (
        b"Time,Video title,Video link,Post time,Total likes,Total comments,Total shares,"
        b"Total views\n2026-11-20,Best buns,https://www.tiktok.com/@sameats/video/"
        b'7311234567890123456,"Nov 12, 2026",620,40,"1,2K","12,3K"\n'
    )

    location = uploaded(owner_client, campaign, "", data)
    confirm(owner_client, campaign, location)

    post = Post.objects.get()
    assert (post.external_id, post.platform, post.posted_on) == (
        "7311234567890123456",
        "tiktok",
        datetime.date(2026, 11, 12),
    )
    assert (post.likes, post.comments, post.shares, post.views) == (620, 40, 1200, 12300)
    assert post.partnership.influencer == person
    assert reverse("kpis:measurements", args=[campaign.pk])


def test_a_post_typed_in_before_is_found_by_its_link_and_updated(owner_client, campaign):
    post = exports.POSTS[0]
    typed = typed_in(campaign, post, f"https://www.instagram.com/p/{post.post_id[-6:]}/")

    data = exports.render(*exports.instagram())
    confirm(owner_client, campaign, uploaded(owner_client, campaign, "instagram", data))

    typed.refresh_from_db()
    assert (typed.external_id, typed.likes) == (post.post_id, post.likes)
    assert typed.entered_by == "owner"
    assert stored_totals() == exports.counted_interactions()


def test_imported_posts_move_the_roster_as_a_typed_post_does(owner_client, campaign):
    campaign.status = "active"
    campaign.save()
    people = {p.influencer.pk: p.influencer for p in campaign.partnerships.all()}
    assert {person.status for person in people.values()} == {"identified"}

    confirm(
        owner_client,
        campaign,
        uploaded(owner_client, campaign, "instagram", exports.render(*exports.instagram())),
    )

    posted = {post.partnership.influencer_id for post in Post.objects.all()}
    for pk in people:
        people[pk].refresh_from_db()
    assert posted and {people[pk].status for pk in posted} == {"active"}


def test_a_post_from_the_week_before_the_start_is_left_out(owner_client, campaign):
    """The post form refuses a post from before the start; an import leaves it out too
    (readings may reach back a week, as a baseline; a post is not one)."""
    early = exports.CAMPAIGN_START - datetime.timedelta(days=2)
    posts = [
        exports.SocialPost("17900000000000091", "bristolbreadlover", early, 900, 80, 5, 2),
        exports.SocialPost(
            "17900000000000092", "bristolbreadlover", exports.CAMPAIGN_START, 700, 60, 4, 1
        ),
    ]

    location = uploaded(
        owner_client, campaign, "instagram", exports.render(*exports.instagram(posts))
    )
    page = owner_client.get(location).content.decode()
    assert f"{early.isoformat()} is before the campaign starts" in page
    confirm(owner_client, campaign, location)

    assert list(Post.objects.values_list("external_id", flat=True)) == ["17900000000000092"]


def test_a_post_typed_in_from_a_share_link_is_the_imported_one(owner_client, campaign):
    """A post recorded from Instagram's share button (``?igsh=``, saved before links were
    kept one way) and the same post in Meta's export are one post, counted once."""
    post = exports.POSTS[0]
    typed_in(campaign, post, f"https://www.instagram.com/p/{post.post_id[-6:]}/?igsh=MWQ1ZGUx")

    data = exports.render(*exports.instagram())
    confirm(owner_client, campaign, uploaded(owner_client, campaign, "instagram", data))

    assert stored_totals() == exports.counted_interactions()
    assert Post.objects.count() == 3  # the file's posts by the two partners, each once
