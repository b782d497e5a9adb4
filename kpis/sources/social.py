"""Per-post insights from the platforms' own exports, into ``kpis.Post`` (one row per post,
found again by its platform id, so a re-import updates it and never counts it twice).

Whose post a row is: the account the file names (Instagram's "Account username", Facebook's
"Page name") matched to a partner's profile or name; when the file names no account (TikTok
Studio, YouTube Studio), the campaign's one partner on that platform, said so; else the row
is left out with the reason. Engagement (likes + comments + shares) and views/reach are
figured from the posts in ``kpis.metrics``.
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.reader import Table, cell, normalised
from campaigns.models import Partnership
from campaigns.partnerships import sync_roster_status
from influencers.models import Platform

from .. import cells, metrics
from ..models import Post, PostEnteredBy, PostKind
from ..posts import canonical_post_url
from .base import (
    ImportContext,
    ImportResult,
    ImportSource,
    PreviewRow,
    read_dates,
    read_dates_without_year,
    require_columns,
)

NUMBERS = ("views", "likes", "comments", "shares", "saves")
VIDEO_TYPES = {"ig reel", "reel", "reels", "video", "ig video"}
STORY_TYPES = {"ig story", "story", "stories"}
LARGEST_COUNT = 2_000_000_000  # the database's positive integer


@dataclass(frozen=True)
class PostLayout:
    """Where one platform's export keeps a post's id, date, link, account and numbers."""

    post_id: str
    date: str
    numbers: dict[str, str]  # {Post field: column}
    link: str = ""
    account: str = ""  # the column naming whose account it is
    kind: str = ""
    day_first: bool | None = None
    skip_first_cells: tuple[str, ...] = ("total",)  # YouTube's "Total" row
    # Numbers the export holds only when the owner chose them (YouTube Studio's columns):
    # a file without one still gets in, and the post has no such number.
    optional: frozenset[str] = frozenset()

    @property
    def required_columns(self) -> tuple[str, ...]:
        numbers = [column for name, column in self.numbers.items() if name not in self.optional]
        return (self.post_id, self.date, *numbers)


@dataclass(frozen=True)
class PostRow:
    row: int
    external_id: str
    date: datetime.date
    partnership_id: int
    platform: str
    kind: str
    url: str
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    saves: int | None

    @property
    def interactions(self) -> int:
        return metrics.post_interactions(
            likes=self.likes, comments=self.comments, shares=self.shares
        )


class SocialSource(ImportSource[PostRow]):
    platform = ""
    layout: PostLayout  # each platform's
    row_noun = "posts"

    # How the file's post dates are read (``read_dates_without_year`` for TikTok).
    date_reader = staticmethod(read_dates)

    def recognises(self, positions: dict[str, int]) -> bool:
        layout = self.layout
        required = (*layout.required_columns, layout.account)
        return all(normalised(name) in positions for name in required if name)

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[PostRow]:
        layout = self.layout
        positions = require_columns(table=table, required=layout.required_columns)
        at = {name: positions.get(normalised(name)) for name in (layout.link, layout.account)}
        records = [
            r
            for r in table.records[1:]
            if normalised(cell(r.cells, 0)) not in layout.skip_first_cells
        ]
        result: ImportResult[PostRow] = ImportResult()
        read_date = self.date_reader(
            result=result,
            values=[cell(r.cells, positions[normalised(layout.date)]) for r in records],
            context=context,
            day_first=layout.day_first,
        )
        only_partner = self._only_partner(context)
        if not layout.account and only_partner:
            result.facts.append(
                _(
                    "This file does not say whose account it is: its posts are %(name)s's, "
                    "your one partner on %(platform)s."
                )
                % {
                    "name": context.partner_names[only_partner],
                    "platform": Platform(self.platform).label,
                }
            )
        seen = set()
        for record in records:
            values = record.cells
            external_id = post_id(cell(values, positions[normalised(layout.post_id)]))
            if not external_id or external_id in seen:
                continue
            seen.add(external_id)
            account = cell(values, at[layout.account]) or account_in_link(
                cell(values, at[layout.link])
            )
            partnership_id = self._whose(account, context, only_partner)
            if partnership_id is None:
                result.leave_out(
                    record.row,
                    _("post %(post)s is from %(account)s, not one of this campaign's influencers")
                    % {"post": external_id, "account": account}
                    if account
                    else _("post %(post)s: the file does not say whose it is")
                    % {"post": external_id},
                    group=_("not a partner's post"),
                )
                continue
            problems = []
            raw_date = cell(values, positions[normalised(layout.date)])
            day = read_date(raw_date)
            if day is None:
                problems.append(_("“%(value)s” is not a date") % {"value": raw_date})
            counts = {}
            for field_name, column in layout.numbers.items():
                raw = cell(values, positions.get(normalised(column)))
                number = cells.parse_count(raw, decimal_comma=table.decimal_comma) if raw else None
                if raw and (
                    number is None
                    or number < 0
                    or number > LARGEST_COUNT
                    or number != number.to_integral_value()
                ):
                    problems.append(
                        _("%(column)s “%(value)s” is not a count")
                        % {"column": column, "value": raw}
                    )
                counts[field_name] = None if number is None else int(number)
            if problems or day is None:
                result.errors.append(
                    (
                        record.row,
                        _("post %(post)s: %(problems)s")
                        % {"post": external_id, "problems": "; ".join(problems)},
                    )
                )
                continue
            result.rows.append(
                PostRow(
                    row=record.row,
                    external_id=external_id,
                    date=day,
                    partnership_id=partnership_id,
                    platform=self.platform,
                    kind=self._kind(
                        cell(values, positions.get(normalised(layout.kind))) if layout.kind else ""
                    ),
                    url=canonical_post_url(cell(values, at[layout.link]))[:500],
                    **{name: counts.get(name) for name in NUMBERS},
                )
            )
        return result

    def _only_partner(self, context: ImportContext) -> int | None:
        partners = {
            pk for (platform, _handle), pk in context.handles.items() if platform == self.platform
        }
        return partners.pop() if len(partners) == 1 else None

    def _whose(self, account: str, context: ImportContext, only_partner: int | None) -> int | None:
        if not account:
            return only_partner
        handle = account.strip().lstrip("@").lower()
        if (self.platform, handle) in context.handles:
            return context.handles[(self.platform, handle)]
        by_name = {name.lower(): pk for pk, name in context.partner_names.items()}
        return by_name.get(account.strip().lower())

    def _kind(self, text: str) -> str:
        text = text.strip().lower()
        if text in VIDEO_TYPES or self.platform in (Platform.TIKTOK, Platform.YOUTUBE):
            return PostKind.VIDEO
        if text in STORY_TYPES:
            return PostKind.STORY
        return PostKind.POST

    def whose(self, row: PostRow, context: ImportContext) -> str:
        return context.partner_names.get(row.partnership_id, "")

    def amount(self, row: PostRow) -> int:
        return row.interactions

    @transaction.atomic
    def save(self, rows: Sequence[PostRow], *, owner: User, context: ImportContext) -> int:
        """Each post once per partnership and platform id: a post imported before is
        updated with the file's numbers, not added again."""
        # A post typed in before (by the owner or the influencer) is found by its link, and
        # gains its platform id: the same post is never in the campaign twice.
        # Every post of these partnerships (a few each): links are compared as kept
        # (``canonical_post_url``), and posts saved before that may be written otherwise.
        earlier = list(Post.objects.filter(partnership_id__in={row.partnership_id for row in rows}))
        by_id = {
            (p.partnership_id, p.external_id): p
            for p in earlier
            if p.external_id and p.platform == self.platform
        }
        by_link = {(p.partnership_id, canonical_post_url(p.url)): p for p in earlier if p.url}
        new: list[Post] = []
        changed: list[Post] = []
        for row in rows:
            post = (
                by_id.get((row.partnership_id, row.external_id))
                or (row.url and by_link.get((row.partnership_id, row.url)))
                or Post(
                    owner=owner,
                    partnership_id=row.partnership_id,
                    platform=row.platform,
                    external_id=row.external_id,
                    entered_by=PostEnteredBy.IMPORT,
                )
            )
            post.external_id = row.external_id
            post.posted_on, post.kind = row.date, row.kind
            post.url = post.url or row.url
            for name in NUMBERS:
                if getattr(row, name) is not None:
                    setattr(post, name, getattr(row, name))
            (changed if post.pk else new).append(post)
        Post.objects.bulk_create(new, batch_size=1000)
        Post.objects.bulk_update(
            changed, ["external_id", "posted_on", "kind", "url", *NUMBERS], batch_size=1000
        )
        # Written in bulk, so no post went through ``posts.save_post``: the roster follows
        # the partnerships' new state here, once per influencer.
        partnerships = Partnership.objects.filter(
            pk__in={row.partnership_id for row in rows}
        ).select_related("influencer")
        for partnership in partnerships:
            sync_roster_status(influencer=partnership.influencer)
        return len(rows)

    def describe(self, row: PostRow, context: ImportContext) -> PreviewRow:
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=_(
                "%(platform)s post %(post)s: %(views)s views, %(interactions)s likes, "
                "comments and shares"
            )
            % {
                "platform": Platform(row.platform).label,
                "post": row.external_id,
                "views": row.views if row.views is not None else "—",
                "interactions": row.interactions,
            },
            whose=self.whose(row, context),
            number=row.interactions,
        )


def post_id(text: str) -> str:
    """The platform's id of a post: the cell itself (Excel may have kept its apostrophe), or
    the last part of a link to it (TikTok's ".../@maya/video/7311234567890123456")."""
    text = text.strip().removeprefix("'")
    if text.lower().startswith("http"):
        text = text.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return text[:100]


def account_in_link(link: str) -> str:
    match = re.search(r"/@([\w.]+)", link)
    return match.group(1) if match else ""


class Instagram(SocialSource):
    key = "instagram"
    platform = Platform.INSTAGRAM
    label = gettext_lazy("Instagram posts (Meta Business Suite export)")
    where = gettext_lazy(
        "Meta Business Suite → Insights → Content → Export data → Posts (CSV). An influencer "
        "can export their own and send it to you."
    )
    layout = PostLayout(
        post_id="Post ID",
        date="Publish time",
        link="Permalink",
        account="Account username",
        kind="Post type",
        numbers={
            "views": "Reach",
            "likes": "Likes",
            "comments": "Comments",
            "shares": "Shares",
            "saves": "Saves",
        },
        day_first=False,
    )


class Facebook(SocialSource):
    key = "facebook"
    platform = Platform.FACEBOOK
    label = gettext_lazy("Facebook posts (Meta Business Suite export)")
    where = gettext_lazy("Meta Business Suite → Insights → Content → Export data → Posts (CSV).")
    layout = PostLayout(
        post_id="Post ID",
        date="Publish time",
        link="Permalink",
        account="Page name",
        kind="Post type",
        numbers={
            "views": "Reach",
            "likes": "Reactions",
            "comments": "Comments",
            "shares": "Shares",
        },
        day_first=False,
    )


class TikTok(SocialSource):
    key = "tiktok"
    platform = Platform.TIKTOK
    label = gettext_lazy("TikTok Studio content (per video)")
    where = gettext_lazy("TikTok Studio → Analytics → Content → Download data (CSV).")
    layout = PostLayout(
        post_id="Video link",
        date="Post time",
        link="Video link",
        numbers={
            "views": "Total views",
            "likes": "Total likes",
            "comments": "Total comments",
            "shares": "Total shares",
        },
    )
    # The Content download writes "November 12", without the year, in some versions.
    date_reader = staticmethod(read_dates_without_year)


class YouTube(SocialSource):
    key = "youtube"
    platform = Platform.YOUTUBE
    label = gettext_lazy("YouTube Studio table data (per video)")
    where = gettext_lazy(
        "YouTube Studio → Analytics → Advanced mode → Export current view → Comma-separated "
        "values (.csv): the “Table data.csv” file, with Likes, Comments added and Shares."
    )
    layout = PostLayout(
        post_id="Content",
        date="Video publish time",
        numbers={
            "views": "Views",
            "likes": "Likes",
            "comments": "Comments added",
            "shares": "Shares",
        },
        optional=frozenset({"likes", "comments", "shares"}),
    )

    def recognises(self, positions: dict[str, int]) -> bool:
        # Chart data split by content has the same columns per video and day, and a Date:
        # that file is ``social_days.YouTubeChart``'s (one row per video and day, added up).
        return super().recognises(positions) and "date" not in positions
