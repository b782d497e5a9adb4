"""The influencer's own page: only their part, their posts sent in, and nothing for anyone
without the current token."""

import datetime
import io
import logging
from decimal import Decimal

import pytest
from django.utils import timezone

from campaigns.partnerships import issue_page, revoke_page
from kpis.models import Post
from kpis.posts import check_post_url, is_unusual_host
from kpis.views import influencer_page
from tests.factories.kpis import ClickFactory, RedemptionFactory, TrackedLinkFactory

from .page_helpers import page_path, partnership_with_page, post_form

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def good_post(**values):
    return {
        "platform": "instagram",
        "kind": "video",
        "url": "https://www.instagram.com/reel/C1a2b3c4d5/",
        "posted_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "views": "1500",
        "likes": "120",
        "comments": "14",
        "shares": "6",
        "saves": "30",
        **values,
    }


def test_the_page_shows_only_this_partnerships_part(client):
    partnership = partnership_with_page(
        deliverables="1 reel and 2 stories", posts_agreed=3, promo_code="MAYA10"
    )
    link = TrackedLinkFactory(partnership=partnership, slug="maya-abcde")
    ClickFactory.create_batch(3, link=link)
    ClickFactory(link=link, is_bot=True)
    RedemptionFactory.create_batch(2, partnership=partnership, revenue=Decimal("20.00"))
    # Someone else on the same campaign, with far more clicks.
    other = partnership_with_page(owner=partnership.owner, promo_code="OTHER5")
    other_link = TrackedLinkFactory(partnership=other, slug="other-zzzzz")
    ClickFactory.create_batch(7, link=other_link)

    response = client.get(page_path(partnership))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 reel and 2 stories" in html and "MAYA10" in html
    assert "/r/maya-abcde" in html and 'src="data:image/svg+xml' in html
    assert '<dd class="page-clicks">3</dd>' in html
    assert '<dd class="page-code-uses">2</dd>' in html
    assert "OTHER5" not in html and "other-zzzzz" not in html
    assert other.influencer.name not in html
    assert "page-sales" not in html  # sales stay private unless the owner shares them
    # No owner navigation on the page.
    assert "/campaigns/" not in html and "Log out" not in html


def test_sales_show_in_the_business_currency_when_the_owner_shares_them(client):
    partnership = partnership_with_page(share_sales=True)
    RedemptionFactory.create_batch(2, partnership=partnership, revenue=Decimal("20.00"))
    html = client.get(page_path(partnership)).content.decode()
    assert '<dd class="page-sales">€40.00</dd>' in html


def test_the_page_counts_code_uses_from_the_start_as_the_dashboard_does(client):
    partnership = partnership_with_page(share_sales=True)
    start = partnership.campaign.start_date
    RedemptionFactory(partnership=partnership, date=start, revenue=Decimal("20.00"))
    RedemptionFactory(
        partnership=partnership, date=start - datetime.timedelta(days=1), revenue=Decimal("90")
    )

    html = client.get(page_path(partnership)).content.decode()

    assert '<dd class="page-code-uses">1</dd>' in html
    assert '<dd class="page-sales">€20.00</dd>' in html
    assert "New customers with your code" in html


def test_the_page_sets_no_cookie_and_sends_no_referrer(client):
    partnership = partnership_with_page()
    for response in (
        client.get(page_path(partnership)),
        client.post(page_path(partnership), post_form(client.get(page_path(partnership)))),
        client.get("/p/not-a-token/"),
    ):
        assert not response.cookies, response.cookies
        assert response["Referrer-Policy"] == "no-referrer"
    assert 'name="referrer" content="no-referrer"' in client.get(page_path(partnership)).text


def test_a_post_sent_from_the_page_is_saved_as_theirs_and_waits_for_the_owner(client):
    partnership = partnership_with_page()
    form = post_form(client.get(page_path(partnership)), **good_post())
    response = client.post(page_path(partnership), form)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    post = Post.objects.get()
    assert post.partnership == partnership and post.owner == partnership.owner
    assert (post.entered_by, post.seen_by_owner) == ("influencer", False)
    assert (post.views, post.interactions, post.saves) == (1500, 140, 30)
    page = client.get(response["Location"]).content.decode()
    assert "Thank you!" in page and "140 likes, comments and shares" in page


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"url": "ftp://example.com/x"}, "url", "starting with https://"),
        ({"url": "javascript:alert(1)"}, "url", "starting with https://"),
        ({"url": "http://myblog.example/post"}, "url", "Use the https:// address"),
        ({"likes": "-4"}, "likes", "Enter 0 or more."),
        ({"views": "1.5"}, "views", "whole number"),
        ({"views": "1,200"}, "views", "whole number"),
        ({"shares": "99999999999"}, "shares", "check the number"),
        ({"posted_on": "2001-01-01"}, "posted_on", "is not part of it"),
        ({"posted_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "posted_on", "future"),
    ],
)
def test_bad_input_is_refused_with_a_plain_reason_and_nothing_saved(client, values, field, message):
    partnership = partnership_with_page()
    form = post_form(client.get(page_path(partnership)), **good_post(**values))
    response = client.post(page_path(partnership), form)
    assert response.status_code == 200  # the page again, with what was typed and why not
    assert message in response.context["form"].errors[field][0]
    assert not Post.objects.exists()


def test_any_https_address_is_taken_and_http_on_the_platforms_own_site():
    assert check_post_url("https://myblog.example/post") == ""
    assert is_unusual_host(url="https://myblog.example/post", platform="instagram")
    assert check_post_url("http://www.tiktok.com/@maya/video/1") == ""
    assert not is_unusual_host(url="https://m.youtube.com/watch?v=x", platform="youtube")
    assert not is_unusual_host(url="https://youtu.be/x", platform="youtube")
    assert is_unusual_host(url="https://evil-instagram.com/p/x", platform="instagram")


@pytest.mark.parametrize("how", ["wrong", "revoked", "expired", "reissued"])
def test_no_current_token_is_a_plain_404_and_saves_nothing(client, how):
    partnership = partnership_with_page()
    path = page_path(partnership)
    form = post_form(client.get(path), **good_post())
    if how == "wrong":
        path = path[:-3] + "xx/"
    elif how == "revoked":
        revoke_page(partnership=partnership)
    elif how == "expired":
        partnership.page_expires_on = TODAY - datetime.timedelta(days=1)
        partnership.save()
    else:
        issue_page(partnership=partnership, expires_on=None)
    for response in (client.get(path), client.post(path, form)):
        assert response.status_code == 404
        assert "This page is not available" in response.text
        assert partnership.influencer.name not in response.text
    assert not Post.objects.exists()


def test_a_page_that_expires_today_still_works(client):
    partnership = partnership_with_page(expires_on=TODAY)
    assert client.get(page_path(partnership)).status_code == 200


def test_one_partnerships_token_cannot_read_or_write_another(client):
    mine = partnership_with_page(promo_code="MINE1")
    theirs = partnership_with_page(promo_code="THEIRS1")
    form = post_form(client.get(page_path(mine)), **good_post())
    # Whatever ids the form is sent with, the post lands on the token's own partnership.
    form.update({"partnership": theirs.pk, "post-partnership": theirs.pk, "owner": theirs.owner_id})
    client.post(page_path(mine), form)
    assert list(Post.objects.values_list("partnership", "owner")) == [(mine.pk, mine.owner_id)]
    assert "THEIRS1" not in client.get(page_path(mine)).text
    assert theirs.posts.count() == 0


def test_the_page_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(influencer_page, "VIEWS_PER_ADDRESS", (3, 600))
    partnership = partnership_with_page()
    codes = [client.get(page_path(partnership)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    # Guessing tokens counts against the same limit.
    assert client.get("/p/guess/").status_code == 429


def test_sending_posts_is_limited_per_page(client, monkeypatch):
    monkeypatch.setattr(influencer_page, "POSTS_PER_PAGE", (1, 3600))
    partnership = partnership_with_page()
    form = post_form(client.get(page_path(partnership)), **good_post())
    assert client.post(page_path(partnership), form).status_code == 302
    form["post-url"] = "https://www.instagram.com/reel/Csecond/"
    assert client.post(page_path(partnership), form).status_code == 429
    assert Post.objects.count() == 1


@pytest.fixture
def site_log():
    """What the site's own log handler writes, as text."""
    (handler,) = [h for h in logging.getLogger().handlers if h.filters]
    written = io.StringIO()
    old = handler.setStream(written)
    yield written
    handler.setStream(old)


def test_the_token_never_reaches_a_log_line(client, site_log):
    partnership = partnership_with_page()
    revoked = partnership.page_token
    revoke_page(partnership=partnership)
    client.get(f"/p/{revoked}/")  # a 404: Django's request log writes its path
    logging.getLogger("django.server").info('"GET /p/%s/ HTTP/1.1" 200 512', revoked)
    lines = site_log.getvalue()
    assert "Not Found: /p/[hidden]/" in lines
    assert '"GET /p/[hidden]/ HTTP/1.1" 200' in lines
    assert revoked not in lines


def test_the_owners_dashboard_shows_a_new_submission_at_once(client, owner):
    partnership = partnership_with_page(owner=owner)
    owner_client = type(client)()
    owner_client.force_login(owner)
    dashboard = f"/campaigns/{partnership.campaign_id}/"
    assert "new post sent" not in owner_client.get(dashboard).text  # drawn and cached
    client.post(
        page_path(partnership), post_form(client.get(page_path(partnership)), **good_post())
    )
    assert "1 new post sent by an influencer from their page." in owner_client.get(dashboard).text


@pytest.mark.parametrize("token", ["%00", "a%00b", "a.b", "a b"])
def test_a_token_that_cannot_be_one_is_a_plain_404(client, token):
    assert client.get(f"/p/{token}/").status_code == 404
