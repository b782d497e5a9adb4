from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis import tracking
from kpis.models import Click, ClickDay, TrackedLink
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import TrackedLinkFactory

pytestmark = pytest.mark.django_db

BROWSER_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def link(owner):
    campaign = CampaignFactory(owner=owner, name="Spring Sourdough Launch")
    influencer = InfluencerFactory(owner=owner, name="Bristol Bakes")
    partnership = PartnershipFactory(campaign=campaign, influencer=influencer)
    return TrackedLinkFactory(
        partnership=partnership,
        slug="bristol-bakes",
        destination="https://shop.example/spring?ref=ig&utm_source=old#menu",
    )


def follow(client, slug, method="get", **headers):
    return getattr(client, method)(reverse("kpis:redirect", args=[slug]), **headers)


def test_redirects_with_utm_tags_merged_into_the_destination_query(client, link):
    response = follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "shop.example", "/spring")
    assert parse_qsl(target.query) == [
        ("ref", "ig"),
        ("utm_source", "bristol-bakes"),
        ("utm_medium", "influencer"),
        ("utm_campaign", "spring-sourdough-launch"),
    ]
    assert target.fragment == "menu"
    assert response["Cache-Control"] == "no-store"


def test_a_person_clicking_is_stored_as_one_human_click(client, link):
    follow(
        client, link.slug, HTTP_USER_AGENT=BROWSER_UA, HTTP_REFERER="https://l.instagram.com/?u=x"
    )

    click = Click.objects.get()
    assert click.link == link
    assert click.is_bot is False
    assert click.referrer_domain == "l.instagram.com"
    assert len(click.visitor_hash) == 64


@pytest.mark.parametrize(
    "user_agent",
    [
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Facebot",
        "Twitterbot/1.0",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "some-crawler 1.0",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_and_preview_fetchers_are_stored_but_not_people(client, link, user_agent):
    response = follow(client, link.slug, HTTP_USER_AGENT=user_agent)

    assert response.status_code == 302
    assert Click.objects.get().is_bot is True


def test_head_requests_are_not_people(client, link):
    response = follow(client, link.slug, method="head", HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 302
    assert Click.objects.get().is_bot is True


@pytest.mark.parametrize(
    "user_agent",
    [
        BROWSER_UA,
        "Mozilla/5.0 (Linux; Android 14; CUBOT X30) AppleWebKit/537.36 Chrome/124 Mobile",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/125 Safari/537.36",
        # Instagram's in-app browser: a person, even though it is an app.
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 Instagram 330.0",
    ],
)
def test_browsers_are_people(user_agent):
    assert tracking.is_bot(user_agent) is False


def test_posting_to_a_link_is_refused_and_not_counted(client, link):
    response = follow(client, link.slug, method="post", HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 405
    assert not Click.objects.exists()


def test_unknown_slug_is_a_friendly_404_and_counts_nothing(client, link):
    response = follow(client, "no-such-link", HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 404
    assert b"doesn\xe2\x80\x99t go anywhere" in response.content
    assert not Click.objects.exists()


def test_no_ip_address_is_stored_anywhere_in_the_click(client, link):
    address = "203.0.113.77"
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR=address)

    stored = Click.objects.values().get()
    assert not any(address in str(value) for value in stored.values())


def test_the_visitor_hash_tells_visitors_apart_and_changes_every_day(client, link):
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="203.0.113.1")
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="203.0.113.1")
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="203.0.113.2")

    hashes = list(Click.objects.order_by("id").values_list("visitor_hash", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]
    import datetime

    today = datetime.date(2026, 3, 1)
    assert tracking.visitor_hash(today, "203.0.113.1", BROWSER_UA) != tracking.visitor_hash(
        today + datetime.timedelta(days=1), "203.0.113.1", BROWSER_UA
    )


def test_the_redirect_writes_no_session_and_needs_no_login(client, link):
    response = follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 302
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_a_click_is_answered_before_the_session_and_language_middleware(client, link):
    response = follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 302
    assert "Vary" not in response  # neither the session's cookie nor the language was read
    assert response["X-Content-Type-Options"] == "nosniff"  # the security headers still apply
    assert response["Referrer-Policy"] == "same-origin"


def test_the_redirect_costs_one_select_and_one_insert(client, link, django_assert_num_queries):
    with django_assert_num_queries(2):
        follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        (
            "https://a.example",
            "https://a.example?utm_source=s&utm_medium=influencer&utm_campaign=c",
        ),
        (
            "https://a.example/p?utm_medium=email&x=1&x=2",
            "https://a.example/p?x=1&x=2&utm_source=s&utm_medium=influencer&utm_campaign=c",
        ),
        (
            "http://a.example/?q=a+b&empty=#top",
            "http://a.example/?q=a+b&empty=&utm_source=s&utm_medium=influencer&utm_campaign=c#top",
        ),
    ],
)
def test_tagged_url_keeps_the_destination_params_and_ours_win(destination, expected):
    tags = {"utm_source": "s", "utm_medium": "influencer", "utm_campaign": "c"}
    assert tracking.tagged_url(destination, tags) == expected


@pytest.mark.parametrize(
    ("referrer", "domain"),
    [
        ("https://www.tiktok.com/@someone/video/1?secret=token", "www.tiktok.com"),
        ("", ""),
        ("not a url", ""),
        ("http://[broken", ""),
    ],
)
def test_only_the_referrer_domain_is_kept(referrer, domain):
    assert tracking.referrer_domain(referrer) == domain


def test_a_changed_destination_applies_at_once(client, link):
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)
    link.destination = "https://shop.example/autumn"
    link.save()

    response = follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    assert response["Location"].startswith("https://shop.example/autumn?")


def test_a_link_read_lately_costs_only_the_insert(client, link, django_assert_num_queries):
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    with django_assert_num_queries(1):
        follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)


@pytest.mark.django_db(transaction=True)
def test_a_link_deleted_by_another_process_is_a_404_not_an_error(client, link):
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)
    # Another server process deletes it: no signal reaches this one.
    Click.objects.all()._raw_delete(Click.objects.db)
    ClickDay.objects.all()._raw_delete(ClickDay.objects.db)
    TrackedLink.objects.filter(pk=link.pk)._raw_delete(TrackedLink.objects.db)

    response = follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    assert response.status_code == 404
    assert not Click.objects.exists()


def test_the_click_keeps_its_time_and_local_day(client, link):
    before = timezone.now()
    follow(client, link.slug, HTTP_USER_AGENT=BROWSER_UA)

    click = Click.objects.get()
    assert before <= click.at <= timezone.now()
    assert click.day == timezone.localdate(click.at)


def test_a_referrer_host_with_a_control_character_is_stored_as_none(client, link):
    """A NUL is no host, and PostgreSQL cannot store it: the click counts, the host not."""
    response = follow(
        client, link.slug, HTTP_USER_AGENT=BROWSER_UA, HTTP_REFERER="http://a\x00b.example/"
    )

    assert response.status_code == 302
    assert Click.objects.get().referrer_domain == ""
