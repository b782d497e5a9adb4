"""Posts and per-day account insights as Meta Business Suite, TikTok Studio and YouTube
Studio export them."""

import csv
import datetime
import io
from dataclasses import dataclass

from .writing import CAMPAIGN_END, CAMPAIGN_START


@dataclass(frozen=True)
class SocialPost:
    post_id: str
    account: str
    date: datetime.date
    reach: int
    likes: int
    comments: int
    shares: int
    saves: int = 0
    kind: str = "IG carousel"


POSTS = (
    SocialPost(
        "17900000000000001", "bristolbreadlover", datetime.date(2026, 11, 3), 5900, 410, 35, 12, 20
    ),
    SocialPost(
        "17900000000000002",
        "bristolbreadlover",
        datetime.date(2026, 11, 9),
        12_300,
        1_204,
        88,
        40,
        61,
        "IG reel",
    ),
    SocialPost("17900000000000003", "mayacooks", datetime.date(2026, 11, 10), 2_100, 150, 9, 3),
    SocialPost("17900000000000004", "someoneelse", datetime.date(2026, 11, 10), 800, 50, 2, 1),
)
INSTAGRAM_HEADER = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]


def instagram(posts=POSTS):
    """Meta Business Suite's posts export: dates month first with a time, a caption with a
    line break and an emoji."""
    rows = [
        [
            post.post_id,
            "17841400000000000",
            post.account,
            post.account.title(),
            "New loaf!\nCome by 🍞",
            "",
            post.date.strftime("%m/%d/%Y 10:15"),
            f"https://www.instagram.com/p/{post.post_id[-6:]}/",
            post.kind,
            "",
            "Lifetime",
            post.reach * 2,
            post.reach,
            post.likes,
            post.shares,
            3,
            post.comments,
            post.saves,
        ]
        for post in posts
    ]
    return INSTAGRAM_HEADER, rows


def counted_interactions(posts=POSTS, handles=("bristolbreadlover", "mayacooks")):
    """{account: (posts, likes + comments + shares, reach)} of the partners' posts."""
    totals = {}
    for post in posts:
        if post.account in handles:
            count, interactions, reach = totals.get(post.account, (0, 0, 0))
            totals[post.account] = (
                count + 1,
                interactions + post.likes + post.comments + post.shares,
                reach + post.reach,
            )
    return totals


@dataclass(frozen=True)
class AccountDay:
    """One day of an account's insights."""

    date: datetime.date
    views: int
    reach: int
    likes: int
    comments: int
    shares: int
    followers: int

    @property
    def engagement(self):
        return self.likes + self.comments + self.shares

    @property
    def counts(self):
        return CAMPAIGN_START - datetime.timedelta(days=7) <= self.date <= CAMPAIGN_END


ACCOUNT_DAYS = (
    AccountDay(datetime.date(2026, 10, 10), 300, 210, 12, 1, 0, 1_180),  # before
    AccountDay(datetime.date(2026, 11, 2), 1_850, 1_204, 96, 7, 3, 1_232),
    AccountDay(datetime.date(2026, 11, 3), 12_400, 8_930, 1_310, 84, 41, 1_297),
    AccountDay(datetime.date(2026, 11, 4), 2_070, 1_511, 104, 9, 0, 1_301),
)


def counted_days(days=ACCOUNT_DAYS, part="engagement"):
    """{day: number} of the days the campaign counts, from the records."""
    return {day.date: getattr(day, part) for day in days if day.counts}


def meta_days(metric="reach", days=ACCOUNT_DAYS):
    """Meta Business Suite's export of one number per day: Excel's "sep=," line, the
    number's name, then Date (with a time) and Primary. (header, rows, preamble)."""
    title, part = {
        "reach": ("Instagram reach", "reach"),
        "interactions": ("Content interactions", "engagement"),
        "follows": ("Instagram follows", "followers"),
    }[metric]
    rows = [[f"{day.date.isoformat()}T00:00:00", getattr(day, part)] for day in days]
    return ["Date", "Primary"], rows, ["sep=,", title]


def meta_file(metric="reach", days=ACCOUNT_DAYS):
    """As Meta writes it: UTF-16 with a byte-order mark, commas, every cell quoted."""
    header, rows, preamble = meta_days(metric, days)
    buffer = io.StringIO()
    for line in preamble[:1]:
        buffer.write(line + "\n")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(preamble[1:])
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-16")


# TikTok Studio's files: UTF-8 with a byte-order mark, every cell in quotes.
TIKTOK_WRITES = {"variant": "bom", "quote_all": True}


def tiktok_overview(days=ACCOUNT_DAYS):
    """TikTok Studio's Overview.csv: days without the year ("November 3")."""
    header = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
    rows = [
        [f"{day.date:%B} {day.date.day}", day.views, 14, day.likes, day.comments, day.shares]
        for day in days
    ]
    return header, rows


def tiktok_followers(days=ACCOUNT_DAYS):
    """TikTok Studio's FollowerHistory.csv: days without the year ("3 November")."""
    header = ["Date", "Followers", "Difference in followers from previous day"]
    rows, previous = [], None
    for day in days:
        change = 0 if previous is None else day.followers - previous
        rows.append([f"{day.date.day} {day.date:%B}", day.followers, change])
        previous = day.followers
    return header, rows


def youtube_chart(days=ACCOUNT_DAYS):
    """YouTube Studio's Chart data.csv split by content: a row per day and video (a day's
    numbers shared between two videos), each with the video's publish time and length as
    Studio writes them, under a Total row."""
    header = [
        "Date",
        "Content",
        "Video title",
        "Video publish time",
        "Duration",
        "Views",
        "Likes",
        "Comments added",
        "Shares",
    ]
    total = ["Total", "", "", "", ""] + [
        sum(getattr(day, part) for day in days) for part in ("views", "likes", "comments", "shares")
    ]
    rows = [total]
    videos = (
        ("dQw4w9WgXcQ", "Sourdough at home, part 2", "Nov 1, 2026", 612),
        ("kJQP7kiw5Fk", "Our bakery tour", "Oct 28, 2026", 241),
    )
    for day in days:
        numbers = [day.views, day.likes, day.comments, day.shares]
        second = [number // 3 for number in numbers]
        first = [number - share for number, share in zip(numbers, second, strict=True)]
        for (video, title, published, seconds), part in zip(videos, (first, second), strict=True):
            rows.append([day.date.isoformat(), video, title, published, seconds, *part])
    return header, rows
