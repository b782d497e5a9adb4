"""Posts: the rules for a post's link and date, saving one from either side, and reading a
campaign's posts for its KPIs, follow-ups and pages in a fixed number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db.models import Count, F, Q, QuerySet
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Business
from campaigns.models import Campaign, Partnership
from campaigns.partnerships import sync_roster_status
from influencers.models import Platform

from . import metrics
from .models import Post, PostEnteredBy

# Where each platform's posts live; any other https address is accepted, with a note.
EXPECTED_HOSTS: dict[str, tuple[str, ...]] = {
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.TIKTOK: ("tiktok.com",),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
    Platform.FACEBOOK: ("facebook.com", "fb.watch"),
    Platform.X: ("x.com", "twitter.com"),
    Platform.OTHER: (),
}

# The largest count a form takes: far above any micro-influencer's post, well inside the
# database's whole-number column on every engine.
MAX_COUNT = 1_000_000_000

# Where an influencer finds each number, in plain words.
INSIGHTS_NOTES: dict[str, str | Promise] = {
    Platform.INSTAGRAM: gettext_lazy(
        "Instagram: open the post, tap “View insights” (professional accounts). Reach is "
        "“Accounts reached”; likes, comments, shares and saves are listed under “Interactions”. "
        "For a reel, use “Plays” or “Views”."
    ),
    Platform.TIKTOK: gettext_lazy(
        "TikTok: open the video, tap the three dots, then “Analytics”. Use “Total views” or "
        "“Video views”, and the likes, comments, shares and saves listed there."
    ),
    Platform.YOUTUBE: gettext_lazy(
        "YouTube: in YouTube Studio, open the video's “Analytics”. Use “Views”; likes, "
        "comments and shares are under “Engagement”."
    ),
}


# What a share button or an app adds to a post's address: who shared it and from where, never
# which post it is. Other parameters stay (a YouTube video is ``watch?v=<id>``).
SHARE_PARAMETERS = frozenset(
    {"igsh", "igshid", "si", "fbclid", "mibextid", "feature", "is_from_webapp", "sender_device"}
)
SHARE_PARAMETER_PREFIXES = ("utm_", "share_", "_")
MOBILE_HOST_PREFIXES = ("www.", "m.", "mobile.")


def canonical_post_url(url: str) -> str:
    """The one way a post's address is kept and compared, so the same post typed in, sent
    by the influencer and imported from insights is one post: https, the host without
    ``www.`` or ``m.``, no trailing slash, no fragment and no sharing parameters."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:  # not an address ("http://[x"): kept as written
        return url.strip()
    for prefix in MOBILE_HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    if not host:
        return url.strip()
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if key.lower() not in SHARE_PARAMETERS
            and not key.lower().startswith(SHARE_PARAMETER_PREFIXES)
        ]
    )
    return urlunsplit(("https", host, parts.path.rstrip("/"), query, ""))


def host_matches(*, host: str, expected: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == name or host.endswith("." + name) for name in expected)


def all_expected_hosts() -> tuple[str, ...]:
    return tuple(host for hosts in EXPECTED_HOSTS.values() for host in hosts)


def check_post_url(url: str) -> str:
    """ "" when the link is fine, else why not. http is taken only on the platforms' own
    addresses (which send on to https); anything else must be https."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return _("Paste the post's web address, starting with https://.")
    if parts.scheme == "http" and not host_matches(
        host=parts.hostname or "", expected=all_expected_hosts()
    ):
        return _("Use the https:// address of the post.")
    return ""


def is_unusual_host(*, url: str, platform: str) -> bool:
    """The link is not on the platform's own site: worth a note, not a refusal."""
    expected = EXPECTED_HOSTS.get(platform, ())
    return bool(url) and not host_matches(host=urlsplit(url).hostname or "", expected=expected)


def check_post_date(*, posted_on: date, start: date | None, end: date | None, today: date) -> str:
    """ "" when a post's date fits the campaign, else the plain reason."""
    if posted_on > today:
        return _("That date is in the future: use the day it was posted.")
    if start and posted_on < start:
        return _(
            "The campaign started on %(start)s: a post from before then is not part of it."
        ) % {"start": date_format(start, "j F Y")}
    if end and posted_on > end:
        return _("The campaign ended on %(end)s: a post from after then is not part of it.") % {
            "end": date_format(end, "j F Y")
        }
    return ""


def save_post(*, post: Post, entered_by: str) -> Post:
    """Save a post from the owner's form or the influencer's page, then let the roster follow
    the partnership's new state. An influencer's post waits for the owner's look."""
    if post.pk is None:
        post.entered_by = entered_by
    post.seen_by_owner = entered_by != PostEnteredBy.INFLUENCER
    post.owner_id = post.partnership.owner_id
    post.save()
    if entered_by == PostEnteredBy.INFLUENCER:
        # Not the owner's request: raise their data version so their cached pages redraw.
        Business.objects.filter(owner_id=post.owner_id).update(data_version=F("data_version") + 1)
    sync_roster_status(influencer=post.partnership.influencer)
    return post


def delete_post(*, post: Post) -> None:
    influencer = post.partnership.influencer
    post.delete()
    sync_roster_status(influencer=influencer)


def mark_posts_seen(*, campaign: Campaign) -> int:
    return Post.objects.filter(partnership__campaign=campaign, seen_by_owner=False).update(
        seen_by_owner=True
    )


@dataclass(frozen=True)
class PostTotals:
    posts: int = 0
    views: int = 0
    interactions: int = 0
    saves: int = 0


def totals(posts: Iterable[Post]) -> PostTotals:
    listed = list(posts)
    return PostTotals(
        posts=len(listed),
        views=sum(metrics.post_reach(post.views) for post in listed),
        interactions=sum(post.interactions for post in listed),
        saves=sum(post.saves or 0 for post in listed),
    )


def campaign_posts(*, campaign: Campaign) -> dict[int, list[Post]]:
    """{partnership id: [posts]} of the campaign, oldest first. One query."""
    found: defaultdict[int, list[Post]] = defaultdict(list)
    for post in Post.objects.filter(partnership__campaign=campaign).order_by("posted_on", "pk"):
        found[post.partnership_id].append(post)
    return found


def with_post_counts(partnerships: QuerySet[Partnership]) -> QuerySet[Partnership]:
    """The partnerships with ``post_count`` and ``new_post_count`` (unseen influencer posts)."""
    return partnerships.annotate(
        post_count=Count("posts", distinct=True),
        new_post_count=Count("posts", filter=Q(posts__seen_by_owner=False), distinct=True),
    )
