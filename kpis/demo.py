"""Results for the demo campaign "Spring sourdough launch": three weeks of clicks (people and
link previews), promo-code uses with their takings, and two check-ins with notes.

The story the dashboard tells: link clicks are on track, new customers are behind plan (below
the owner's own 60% rule), and the second check-in says what was changed because of it.

``load(owner)`` is idempotent: it rebuilds these rows for the campaign each time (dates move
with today). Without the campaign (the campaigns demo was not loaded) it does nothing.
"""

import datetime
import hashlib
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign
from campaigns.partnerships import sync_roster_status

from .catalogue import Source
from .models import CheckIn, Click, Post, PostEnteredBy, Redemption, TrackedLink
from .posts import save_post

DEMO_CAMPAIGN_NAME = "Spring sourdough launch"
BOT_AGENTS_SHARE = 0.15
REFERRERS = ["l.instagram.com", "l.instagram.com", "www.tiktok.com", "", "lm.facebook.com"]

# (promo code, day of the post, clicks by people in the week after it, orders, new customers)
POSTS = {
    "BREADLOVER": (2, 190, 9, 5),
    "MAYA10": (5, 150, 8, 5),
    "SAMEATS": (None, 0, 0, 0),  # gifted, not posted yet: on the follow-up list
}

# The posts behind the clicks: (promo code, day of the campaign, platform, kind, link,
# views, likes, comments, shares, saves, who typed it). Bristol Bread Lover agreed three and
# two are recorded (one is late: on the follow-up list); Maya sent hers from her own page.
DEMO_POSTS = [
    (
        "BREADLOVER",
        2,
        "instagram",
        "video",
        "https://instagram.com/reel/C5rosie01",
        4200,
        310,
        42,
        18,
        65,
        PostEnteredBy.OWNER,
    ),
    (
        "BREADLOVER",
        3,
        "instagram",
        "story",
        "https://instagram.com/stories/breadlover/1",
        1900,
        0,
        0,
        12,
        None,
        PostEnteredBy.OWNER,
    ),
    (
        "MAYA10",
        5,
        "tiktok",
        "video",
        "https://tiktok.com/@mayacooks/video/7301",
        8800,
        640,
        51,
        37,
        120,
        PostEnteredBy.INFLUENCER,
    ),
]

CHECKINS = [
    (
        7,
        "Bristol Bread Lover's reel went out on Tuesday and most clicks came that evening. "
        "Few people used the code yet, so we put a small sign by the till: "
        "'Seen us on Instagram? Tell us the code.'",
    ),
    (
        14,
        "New customers are behind plan (below our 60% rule), while clicks are fine: people "
        "look but do not come in. As planned, we asked both creators for a behind-the-scenes "
        "story with the code, and added a weekday-only offer. Sam has the gift box but has "
        "not posted; sent a friendly reminder.",
    ),
]


def load(owner):
    campaign = (
        Campaign.objects.filter(owner=owner, name=DEMO_CAMPAIGN_NAME)
        .exclude(start_date=None)
        .first()
    )
    if campaign is None:
        return
    today = timezone.localdate()
    rng = random.Random(2026)
    with transaction.atomic():
        Click.objects.filter(link__partnership__campaign=campaign).delete()
        Redemption.objects.filter(partnership__campaign=campaign).delete()
        CheckIn.objects.filter(campaign=campaign).delete()
        links = {
            link.partnership.promo_code: link
            for link in TrackedLink.objects.filter(partnership__campaign=campaign).select_related(
                "partnership"
            )
        }
        clicks, redemptions = [], []
        order_number = 1001
        for code, (post_day, people, orders, new_customers) in POSTS.items():
            link = links.get(code)
            if link is None or post_day is None:
                continue
            for visit in range(people):
                day = _day_after_post(rng, campaign.start_date, post_day, today)
                clicks.append(_click(rng, link, day, visitor=f"{code}-{visit % (people * 4 // 5)}"))
            for _preview in range(int(people * BOT_AGENTS_SHARE)):
                day = _day_after_post(rng, campaign.start_date, post_day, today)
                clicks.append(_click(rng, link, day, visitor="", is_bot=True))
            for number in range(orders):
                redemptions.append(
                    Redemption(
                        owner=owner,
                        partnership=link.partnership,
                        date=_day_after_post(rng, campaign.start_date, post_day, today),
                        order_ref=f"#{order_number}",
                        revenue=Decimal(rng.randrange(650, 3200)) / 100,
                        new_customer=number < new_customers,
                        source=Source.SHOP if number % 3 else Source.MANUAL,
                    )
                )
                order_number += 1
        Click.objects.bulk_create(clicks)
        Redemption.objects.bulk_create(redemptions)
        _load_posts(owner, campaign, links)
        for day_number, note in CHECKINS:
            day = campaign.start_date + datetime.timedelta(days=day_number)
            if day <= today:
                CheckIn.objects.create(owner=owner, campaign=campaign, date=day, note=note)


def _load_posts(owner, campaign, links):
    Post.objects.filter(partnership__campaign=campaign).delete()
    for code, day, platform, kind, url, views, likes, comments, shares, saves, who in DEMO_POSTS:
        link = links.get(code)
        if link is None:
            continue
        post = Post(
            partnership=link.partnership,
            platform=platform,
            kind=kind,
            url=url,
            posted_on=campaign.start_date + datetime.timedelta(days=day),
            views=views,
            likes=likes,
            comments=comments,
            shares=shares,
            saves=saves,
        )
        save_post(post=post, entered_by=who)
    for partnership in campaign.partnerships.select_related("influencer"):
        sync_roster_status(influencer=partnership.influencer)


def _day_after_post(rng, start, post_day, today):
    """A day after the post, most of them in its first days (interest fades)."""
    offset = min(int(rng.expovariate(1 / 3)), 18)
    return min(start + datetime.timedelta(days=post_day + offset), today)


def _click(rng, link, day, visitor, is_bot=False):
    at = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(rng.randrange(7, 23), rng.randrange(60)))
    )
    at = min(at, timezone.now())
    return Click(
        link=link,
        at=at,
        day=timezone.localdate(at),
        referrer_domain="" if is_bot else rng.choice(REFERRERS),
        visitor_hash=hashlib.sha256(visitor.encode()).hexdigest() if visitor else "",
        is_bot=is_bot,
    )
