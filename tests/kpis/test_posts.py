"""The owner's posts pages, filled in as the browser sends them, and what posts count for."""

import datetime

import pytest
from django.utils import timezone

from kpis.models import Post
from kpis.posts import canonical_post_url
from kpis.services import campaign_kpi_statuses, campaign_roi
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory, PostFactory
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def campaign(owner):
    return CampaignFactory(
        owner=owner,
        status="active",
        start_date=TODAY - datetime.timedelta(days=10),
        end_date=TODAY + datetime.timedelta(days=20),
    )


def the_form(response, action_part=""):
    """The page's own post form (not the navigation's log-out one), as a browser sends it."""
    forms = [
        f
        for f in page_forms(response)
        if f["method"] == "post" and "logout" not in f["action"] and action_part in f["action"]
    ]
    return forms[0]["fields"]


def test_the_owner_records_a_post_from_the_rendered_form(owner_client, campaign):
    partnership = PartnershipFactory(campaign=campaign)
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/new/?partnership={partnership.pk}")
    data = the_form(page)
    assert data["partnership"] == str(partnership.pk)
    data.update(
        url="https://www.tiktok.com/@maya/video/7301",
        platform="tiktok",
        posted_on=(TODAY - datetime.timedelta(days=2)).isoformat(),
        views="900",
        likes="70",
        comments="",
        shares="5",
    )
    response = owner_client.post(page.request["PATH_INFO"], data, follow=True)
    post = Post.objects.get()
    assert (post.partnership, post.entered_by, post.seen_by_owner) == (partnership, "owner", True)
    assert (post.views, post.comments, post.interactions) == (900, None, 75)
    assert f"Post saved for {partnership.influencer.name}." in response.text


def test_a_link_off_the_platforms_site_is_taken_with_a_note(owner_client, campaign):
    partnership = PartnershipFactory(campaign=campaign)
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/new/")
    data = the_form(page)
    data.update(
        partnership=str(partnership.pk),
        platform="instagram",
        url="https://linktr.ee/maya",
        posted_on=TODAY,
    )
    response = owner_client.post(page.request["PATH_INFO"], data, follow=True)
    assert Post.objects.count() == 1
    assert "own site: open it once to check it shows the post" in response.text


def test_the_same_link_twice_is_refused_on_its_field(owner_client, campaign):
    post = PostFactory(partnership__campaign=campaign, posted_on=TODAY)
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/new/")
    data = the_form(page)
    data.update(
        partnership=str(post.partnership.pk), platform="instagram", url=post.url, posted_on=TODAY
    )
    response = owner_client.post(page.request["PATH_INFO"], data)
    assert response.context["form"].errors == {"url": ["This post is already recorded."]}
    assert Post.objects.count() == 1


def test_the_same_post_from_a_share_button_is_refused_and_links_are_kept_one_way(
    owner_client, campaign
):
    """Instagram's share button adds who shared it (``igsh``), the phone's site is ``m.``:
    still the same post. Links are kept one way, so the import finds it too."""
    partnership = PartnershipFactory(campaign=campaign)
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/new/")
    data = {**the_form(page), "partnership": str(partnership.pk), "platform": "instagram"}
    data.update(
        url="https://www.instagram.com/p/C1a2b3/?igsh=MWQ1ZGUx&utm_source=ig", posted_on=TODAY
    )
    owner_client.post(page.request["PATH_INFO"], data)
    assert Post.objects.get().url == "https://instagram.com/p/C1a2b3"

    data.update(url="https://m.instagram.com/p/C1a2b3/#comments")
    response = owner_client.post(page.request["PATH_INFO"], data)

    assert response.context["form"].errors == {"url": ["This post is already recorded."]}
    assert Post.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=abc&feature=share",
            "https://youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://www.tiktok.com/@maya/video/7311234567890123456?_r=1&_t=8abc",
            "https://tiktok.com/@maya/video/7311234567890123456",
        ),
        ("http://WWW.Instagram.com/reel/AbC/", "https://instagram.com/reel/AbC"),
        ("http://[::1", "http://[::1"),  # not an address: kept as written, never an error
        (
            "https://www.facebook.com/permalink.php?story_fbid=1&id=2&mibextid=x",
            "https://facebook.com/permalink.php?story_fbid=1&id=2",
        ),
    ],
)
def test_a_posts_link_is_kept_without_what_sharing_adds(typed, kept):
    assert canonical_post_url(typed) == kept


def test_the_owner_corrects_an_influencers_post_and_it_is_checked(owner_client, campaign):
    post = PostFactory(
        partnership__campaign=campaign,
        posted_on=TODAY,
        entered_by="influencer",
        seen_by_owner=False,
    )
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "1 new post sent by an influencer from their page." in html
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/{post.pk}/edit/")
    data = the_form(page)
    assert data["likes"] == "85"
    data["likes"] = "58"
    owner_client.post(page.request["PATH_INFO"], data)
    post.refresh_from_db()
    # Still theirs (they sent it), now corrected and checked by the owner.
    assert (post.likes, post.entered_by, post.seen_by_owner) == (58, "influencer", True)
    assert "new post sent" not in owner_client.get(f"/campaigns/{campaign.pk}/").text


def test_mark_as_checked_clears_the_notice(owner_client, campaign):
    PostFactory(partnership__campaign=campaign, posted_on=TODAY, seen_by_owner=False)
    page = owner_client.get(f"/campaigns/{campaign.pk}/posts/")
    assert "1 new post sent by an influencer" in page.text
    owner_client.post(f"/campaigns/{campaign.pk}/posts/checked/", the_form(page, "checked"))
    assert not Post.objects.filter(seen_by_owner=False).exists()


def test_removing_a_post_asks_first(owner_client, campaign):
    post = PostFactory(partnership__campaign=campaign, posted_on=TODAY)
    path = f"/campaigns/{campaign.pk}/posts/{post.pk}/delete/"
    assert "Remove" in owner_client.get(path).text
    assert Post.objects.exists()
    owner_client.post(path, the_form(owner_client.get(path)))
    assert not Post.objects.exists()


def test_posts_feed_engagement_and_reach_once(campaign):
    engagement = CampaignKPIFactory(campaign=campaign, kind="engagement", source="social")
    reach = CampaignKPIFactory(campaign=campaign, kind="reach", source="social", position=1)
    typed = CampaignKPIFactory(campaign=campaign, kind="enquiries", position=2)
    first = PostFactory(partnership__campaign=campaign, posted_on=TODAY, views=1000, likes=80)
    PostFactory(
        partnership=first.partnership,
        posted_on=TODAY - datetime.timedelta(days=1),
        views=None,
        likes=10,
        comments=None,
        shares=None,
    )
    MeasurementFactory(kpi=typed, value=4)
    # An insights file read again updates the same row: no second count.
    Post.objects.filter(pk=first.pk).update(views=1200, entered_by="import")

    by_kind = {s.kpi.kind: s for s in campaign_kpi_statuses(campaign=campaign, today=TODAY)}
    interactions = (80 + first.comments + first.shares) + 10
    assert by_kind["engagement"].current == interactions
    assert by_kind["reach"].current == 1200
    assert [value for _day, value in by_kind["engagement"].series] == [10, interactions]
    assert by_kind["enquiries"].current == 4
    assert campaign_roi(campaign=campaign).engagements == interactions
    assert engagement.pk and reach.pk


def test_typed_engagement_stays_as_typed_when_the_kpi_is_not_from_insights(campaign):
    kpi = CampaignKPIFactory(campaign=campaign, kind="engagement", source="manual")
    MeasurementFactory(kpi=kpi, value=40)
    PostFactory(partnership__campaign=campaign, posted_on=TODAY)
    (status,) = campaign_kpi_statuses(campaign=campaign, today=TODAY)
    assert status.current == 40
