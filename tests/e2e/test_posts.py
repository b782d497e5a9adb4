"""Posts in a real browser: the influencer sends one from their own page on a 320 px phone,
and the owner corrects one on the post edit page."""

import datetime

import pytest
from django.utils import timezone

from kpis.models import Post
from tests.factories.accounts import UserFactory
from tests.factories.kpis import ClickFactory, PostFactory, TrackedLinkFactory
from tests.kpis.page_helpers import page_path, partnership_with_page

from .conftest import screenshot, sign_in
from .test_measurements import assert_main_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_influencer_sends_a_post_from_their_page_on_a_phone(phone_page):
    partnership = partnership_with_page(
        deliverables="1 reel and 2 stories", posts_agreed=3, promo_code="MAYA10"
    )
    link = TrackedLinkFactory(partnership=partnership, slug="maya-k2m4p")
    ClickFactory.create_batch(4, link=link)
    page = phone_page
    page.set_viewport_size({"width": 320, "height": 700})

    page.goto(page_path(partnership))
    assert page.get_by_role("heading", name=f"Hi {partnership.influencer.name}!").is_visible()
    assert page.locator(".page-clicks").inner_text() == "4"
    assert page.get_by_alt_text("QR code of your link").is_visible()
    assert "MAYA10" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not page.get_by_role("navigation").count()  # no owner navigation
    assert_main_accessible(page)

    page.get_by_text("Where do I find these numbers?").click()
    assert page.get_by_text("View insights").is_visible()
    page.get_by_label("Platform").select_option(label="TikTok")
    page.get_by_label("Kind of post").select_option(label="Reel or video")
    page.get_by_label("Link to the post").fill("https://www.tiktok.com/@maya/video/7301")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Posted on").fill(yesterday.isoformat())
    page.get_by_label("Views or reach").fill("-5")
    page.get_by_role("button", name="Send this post").click()
    assert page.get_by_text("Enter 0 or more.").is_visible()
    assert not Post.objects.exists()

    page.get_by_label("Views or reach").fill("2400")
    page.get_by_label("Likes").fill("180")
    page.get_by_label("Comments").fill("12")
    page.get_by_role("button", name="Send this post").click()
    page.wait_for_url("**?sent=1")
    assert page.get_by_role("status").inner_text().startswith("Thank you!")
    assert (
        "2,400 views or reach · 192 likes, comments and shares" in page.locator("main").inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "influencer-page-320")
    assert page.context.cookies() == []  # no session, no CSRF cookie

    post = Post.objects.get()
    assert (post.partnership, post.entered_by, post.seen_by_owner) == (
        partnership,
        "influencer",
        False,
    )


def test_the_owner_corrects_a_post_on_its_edit_page(page):
    owner = UserFactory(business__name="Rosie's Bakery")
    partnership = partnership_with_page(owner=owner)
    post = PostFactory(
        partnership=partnership,
        posted_on=timezone.localdate(),
        likes=85,
        entered_by="influencer",
        seen_by_owner=False,
    )
    sign_in(page, owner)
    page.goto(f"/campaigns/{partnership.campaign_id}/")
    page.get_by_role("link", name="Check the numbers").click()
    assert_main_accessible(page)
    page.get_by_role("link", name="Correct").click()
    assert page.get_by_label("Likes").input_value() == "85"
    page.get_by_label("Likes").fill("58")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/campaigns/{partnership.campaign_id}/posts/")
    assert page.get_by_text(f"Post saved for {partnership.influencer.name}.").is_visible()
    interactions = 58 + post.comments + post.shares
    assert f"{interactions} likes, comments and shares" in page.locator("main").inner_text()
    assert "new post sent" not in page.locator("main").inner_text()
    post.refresh_from_db()
    assert (post.likes, post.seen_by_owner) == (58, True)

    page.get_by_role(
        "link", name=f"Deal, page link and messages ({partnership.influencer.name})"
    ).click()
    assert page.locator(".partnership-state").inner_text() == "Posted"
    assert page.get_by_label("Their page").input_value().endswith(page_path(partnership))
    assert_main_accessible(page)
