"""Demo roster for Rosie's Bakery, a sourdough bakery in Bristol. ``load(owner)`` is idempotent:
people and profiles are found by name and platform + handle, and left alone when present."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from .models import Influencer, OutreachStatus, Platform, Profile

# (name, niche, location, email, status, days since the status changed, notes, profiles);
# each profile: (platform, handle, followers, following, likes, comments, shares, reach)
DemoProfile = tuple[str, str, int, int, int, int, int, int | None]
DEMO_ROSTER: list[tuple[str, str, str, str, str, int, str, list[DemoProfile]]] = [
    (
        "Bristol Bread Lover",
        "food",
        "Bristol",
        "hello@bristolbreadlover.example",
        OutreachStatus.CONTACTED,
        3,
        "Posts a weekend bakery round-up every Saturday.",
        [(Platform.INSTAGRAM, "bristolbreadlover", 12_400, 610, 520, 48, 22, 5_900)],
    ),
    (
        "Maya Cooks Clifton",
        "home baking",
        "Clifton, Bristol",
        "maya@mayacooks.example",
        OutreachStatus.AGREED,
        6,
        "Happy to film a sourdough starter video in the shop.",
        [
            (Platform.INSTAGRAM, "mayacooksclifton", 4_800, 900, 310, 41, 9, None),
            (Platform.TIKTOK, "mayacooks", 9_200, 150, 870, 64, 120, None),
        ],
    ),
    (
        "Sam's Bristol Eats",
        "food reviews",
        "Bristol",
        "sam@bristoleats.example",
        OutreachStatus.NEGOTIATING,
        2,
        "",
        [(Platform.TIKTOK, "samsbristoleats", 38_500, 420, 2_900, 150, 310, None)],
    ),
    (
        "The Harbourside Runner",
        "fitness",
        "Bristol",
        "",
        OutreachStatus.IDENTIFIED,
        10,
        "Runs past the shop on Sunday mornings; could suit a post-run breakfast offer.",
        [(Platform.INSTAGRAM, "harbourside.runner", 21_000, 1_100, 190, 12, 3, None)],
    ),
    (
        "Weekend in Bristol",
        "city guides",
        "Bristol",
        "team@weekendinbristol.example",
        OutreachStatus.DECLINED,
        20,
        "Only does paid features over £500.",
        [(Platform.YOUTUBE, "weekendinbristol", 142_000, 80, 2_100, 180, 95, None)],
    ),
    (
        "Little Loaf Family",
        "family",
        "Bedminster, Bristol",
        "littleloaf@example.com",
        OutreachStatus.GIFTED_NOT_POSTED,
        9,
        "Sent a celebration cake for a birthday; no post yet.",
        [(Platform.INSTAGRAM, "littleloaffamily", 2_300, 5_600, 95, 14, 2, None)],
    ),
]


def load(owner: User) -> None:
    now = timezone.now()
    for name, niche, location, email, status, days, notes, profiles in DEMO_ROSTER:
        influencer, _created = Influencer.objects.get_or_create(
            owner=owner,
            name=name,
            defaults={
                "niche": niche,
                "location": location,
                "email": email,
                "status": status,
                "status_changed_at": now - timedelta(days=days),
                "notes": notes,
            },
        )
        for platform, handle, followers, following, likes, comments, shares, reach in profiles:
            Profile.objects.get_or_create(
                owner=owner,
                platform=platform,
                handle=handle,
                defaults={
                    "influencer": influencer,
                    "url": profile_url(platform=platform, handle=handle),
                    "followers": followers,
                    "following": following,
                    "avg_likes": likes,
                    "avg_comments": comments,
                    "avg_shares": shares,
                    "avg_reach": reach,
                },
            )


def profile_url(*, platform: str, handle: str) -> str:
    addresses: dict[str, str] = {
        Platform.INSTAGRAM: "https://www.instagram.com/{}/",
        Platform.TIKTOK: "https://www.tiktok.com/@{}",
        Platform.YOUTUBE: "https://www.youtube.com/@{}",
    }
    return addresses[platform].format(handle)
