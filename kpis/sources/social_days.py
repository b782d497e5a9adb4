"""Per-day account insights from the platforms' own exports: Meta Business Suite's account
insights (one file per number: reach, views or content interactions), TikTok Studio's
Overview and Follower History, YouTube Studio's Chart data.

A row is a day of one account: its views or reach, its engagement (likes + comments +
shares, the catalogue's definition) and, where the file says how many follow the account,
its followers. None of these files says whose account it is: the owner chooses in the
preview, their business's own account unless they pick an influencer. The campaign's
followers are the business's, so an influencer's followers are not taken; their engagement
and views per day are, unless the campaign has posts of theirs (``social``), which already
count (the account's daily totals hold those posts too).

The numbers are readings (``Measurement``, source "social"); importing days again updates
them (same KPI, day and account), never counts them twice. Files that count new follows per
day (Meta's "Follows", YouTube's "Subscribers") say so in the preview: a day's gain is not
how many follow the account, so it is not saved as followers.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.bounds import is_row_id
from accounts.formatting import format_whole
from accounts.reader import BadFile, Record, Table, cell, header_positions, normalised

from .. import cells
from ..catalogue import KPIKind, Source
from .base import (
    ImportContext,
    ImportResult,
    ImportSource,
    PreviewRow,
    Reading,
    read_dates,
    read_dates_without_year,
    require_columns,
)

# Which KPI each part of a day feeds.
PARTS: dict[str, str] = {
    KPIKind.REACH: "reach",
    KPIKind.ENGAGEMENT: "engagement",
    KPIKind.NEW_FOLLOWERS: "followers",
}
TOTAL_ROWS = {"total", "totals"}
LARGEST_COUNT = Decimal(2_000_000_000)


@dataclass(frozen=True)
class DayLayout:
    """Which columns of one platform's per-day export hold what."""

    date: str
    reach: tuple[str, ...] = ()  # columns added up for the day's views or reach
    engagement: tuple[str, ...] = ()  # columns added up for likes + comments + shares
    followers: str = ""  # how many follow the account that day (a level)
    gains: tuple[str, ...] = ()  # new follows per day: said in the preview, not saved
    required: tuple[str, ...] = ()  # the columns that recognise the file, with ``date``

    def columns(self) -> tuple[str, ...]:
        return (*self.reach, *self.engagement, self.followers, *self.gains)


@dataclass(frozen=True)
class DayRow:
    row: int
    date: datetime.date
    influencer_id: int | None
    reach: Decimal | None = None
    engagement: Decimal | None = None
    followers: Decimal | None = None


class AccountDaySource(ImportSource[DayRow]):
    """One platform's per-day export of an account's insights."""

    layout: DayLayout  # each platform's
    platform_label: str | Promise = ""
    row_noun = "days"
    reading_source = Source.SOCIAL
    asks_account = True

    def recognises(self, positions: dict[str, int]) -> bool:
        names = (self.layout.date, *self.layout.required)
        return all(normalised(name) in positions for name in names)

    def check_campaign(self, context: ImportContext) -> None:
        if not any(kind in context.kpis_by_kind for kind in PARTS):
            raise BadFile(
                _(
                    "This campaign tracks none of the numbers this file holds. Add “Views and "
                    "reach”, “Engagement” or “Followers” to its KPIs in the plan first."
                )
            )

    def layout_for(self, table: Table) -> tuple[DayLayout, list[Record]]:
        """The layout to read this file with, and its records from the header on."""
        return self.layout, table.records

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[DayRow]:
        layout, records = self.layout_for(table)
        positions = require_columns(
            table=Table(records=records), required=(layout.date, *layout.required)
        )
        at = {name: positions.get(normalised(name)) for name in layout.columns() if name}
        at_date = positions[normalised(layout.date)]
        rows = [r for r in records[1:] if normalised(cell(r.cells, 0)) not in TOTAL_ROWS]
        result: ImportResult[DayRow] = ImportResult()
        influencer_id = self._account(mapping, context, result)
        raw_dates = [cell(r.cells, at_date) for r in rows]
        read_date = self._date_reader(result, raw_dates, context)
        days: defaultdict[datetime.date, dict[str, Decimal]] = defaultdict(dict)
        first_row: dict[datetime.date, int] = {}
        for record in rows:
            raw_date = cell(record.cells, at_date)
            day = read_date(raw_date)
            numbers, problems = self._numbers(record, layout, at, table.decimal_comma)
            if day is None:
                problems.insert(0, _("“%(value)s” is not a date") % {"value": raw_date})
            if problems or day is None:
                result.errors.append((record.row, f"{raw_date}: {'; '.join(problems)}"))
                continue
            for part, value in numbers.items():
                if part == "followers":
                    days[day][part] = value  # a level: the day's last reading
                else:
                    days[day][part] = days[day].get(part, Decimal(0)) + value
            first_row.setdefault(day, record.row)
        if any(at.get(name) is not None for name in layout.gains):
            result.facts.append(
                _(
                    "This file counts new follows per day, not how many people follow the "
                    "account: they are not saved as followers. Type your followers at a "
                    "check-in, or import TikTok's Follower History."
                )
            )
        kept = self._influencers_parts(days, influencer_id, context, result)
        for day, parts in days.items():
            parts = {part: n for part, n in parts.items() if part in kept}
            if parts:
                result.rows.append(DayRow(first_row[day], day, influencer_id, **parts))
        return result

    @staticmethod
    def _influencers_parts(
        days: dict[datetime.date, dict[str, Decimal]],
        influencer_id: int | None,
        context: ImportContext,
        result: ImportResult[DayRow],
    ) -> set[str]:
        """The parts of a day that count for this account: all for the business's own; for
        an influencer's, not their followers (the campaign's are the business's), and their
        engagement and views only when the campaign has no posts of theirs."""
        if influencer_id is None:
            return set(PARTS.values())
        found = {part for parts in days.values() for part in parts}
        if "followers" in found:
            result.facts.append(
                _("An influencer's followers are not your business's followers: not saved.")
            )
        if influencer_id not in context.posted:
            return {"reach", "engagement"}
        if found - {"followers"}:
            result.facts.append(
                _(
                    "%(name)s's posts in this campaign already count for engagement and views "
                    "(their account's daily totals hold those posts too): these days are not "
                    "added."
                )
                % {"name": context.influencer_names[influencer_id]}
            )
        return set()

    def _account(
        self, mapping: dict[str, str] | None, context: ImportContext, result: ImportResult[DayRow]
    ) -> int | None:
        """The influencer whose account the file is, as the owner chose, or None: the
        business's own account."""
        chosen = (mapping or {}).get("account") or ""
        influencer_id = int(chosen) if is_row_id(chosen) else None
        if influencer_id not in context.influencer_names:
            influencer_id = None
        result.facts.append(
            _("Whose %(platform)s account this is: %(whose)s (choose below).")
            % {
                "platform": self.platform_label,
                "whose": context.influencer_names[influencer_id]
                if influencer_id
                else _("your business's own"),
            }
        )
        return influencer_id

    def _date_reader(
        self, result: ImportResult[DayRow], values: Sequence[str], context: ImportContext
    ) -> Callable[[str], datetime.date | None]:
        return read_dates(result=result, values=values, context=context)

    @staticmethod
    def _numbers(
        record: Record, layout: DayLayout, at: dict[str, int | None], decimal_comma: bool
    ) -> tuple[dict[str, Decimal], list[str]]:
        """{part: number} of a row, and what is wrong with it."""
        numbers: dict[str, Decimal] = {}
        problems: list[str] = []
        groups: dict[str, tuple[str, ...]] = {
            "reach": layout.reach,
            "engagement": layout.engagement,
        }
        if layout.followers:
            groups["followers"] = (layout.followers,)
        for part, columns in groups.items():
            for column in columns:
                raw = cell(record.cells, at.get(column))
                if at.get(column) is None or not raw:
                    continue
                number = cells.parse_count(raw, decimal_comma=decimal_comma)
                if number is None or number < 0 or number > LARGEST_COUNT:
                    problems.append(
                        _("%(column)s “%(value)s” is not a count")
                        % {"column": column, "value": raw}
                    )
                    continue
                numbers[part] = numbers.get(part, Decimal(0)) + number
        return numbers, problems

    def readings(self, rows: Iterable[DayRow], context: ImportContext) -> list[Reading]:
        return [
            (row.row, context.kpis_by_kind[kind], row.date, getattr(row, part), row.influencer_id)
            for row in rows
            for kind, part in PARTS.items()
            if kind in context.kpis_by_kind and getattr(row, part) is not None
        ]

    def amount(self, row: DayRow) -> Decimal:
        """The day's engagement, else its views or reach, else its followers."""
        return next(
            (n for n in (row.engagement, row.reach, row.followers) if n is not None), Decimal(0)
        )

    def describe(self, row: DayRow, context: ImportContext) -> PreviewRow:
        parts = []
        if row.reach is not None:
            parts.append(_("%(count)s views or reach") % {"count": format_whole(row.reach)})
        if row.engagement is not None:
            parts.append(
                _("%(count)s likes, comments and shares") % {"count": format_whole(row.engagement)}
            )
        if row.followers is not None:
            parts.append(_("%(count)s followers") % {"count": format_whole(row.followers)})
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=_("%(platform)s account: %(numbers)s")
            % {"platform": self.platform_label, "numbers": ", ".join(parts)},
            whose=self.whose(row, context) or _("your business's own account"),
            number=self.amount(row),
        )


class MetaAccountDays(AccountDaySource):
    """Meta Business Suite → Insights → Export data: one file per number, UTF-16, opening
    with Excel's ``sep=,`` line (the reader's) and the number's name ("Instagram reach"),
    then Date and Primary (the account's number that day)."""

    key = "meta_days"
    layout_of = ("instagram", "facebook")
    platform_label = gettext_lazy("Instagram or Facebook")
    label = gettext_lazy("Instagram or Facebook account insights per day (Meta Business Suite)")
    where = gettext_lazy(
        "Meta Business Suite → Insights → Overview (or Results) → Export data, for Reach, "
        "Views or Content interactions: one file each. An influencer can export their own."
    )
    layout = DayLayout(date="Date", required=("Primary",))
    # The number's name, in the line above the header, and what it feeds.
    TITLES = (
        (r"\bfollow", DayLayout(date="Date", gains=("Primary",))),
        (r"\binteractions?\b|\bengagement\b", DayLayout(date="Date", engagement=("Primary",))),
        (r"\breach\b|\bviews\b|\bimpressions\b", DayLayout(date="Date", reach=("Primary",))),
    )

    def layout_for(self, table: Table) -> tuple[DayLayout, list[Record]]:
        records = list(table.records)
        title = ""
        if len(records) > 1 and len(records[0].cells) == 1:
            title = records.pop(0).cells[0]
        for pattern, layout in self.TITLES:
            if re.search(pattern, title.lower()):
                return layout, records
        raise BadFile(
            _(
                "This Meta Business Suite file counts “%(title)s”, which is not a number this "
                "import takes. Export Reach, Views or Content interactions."
            )
            % {"title": title or _("no name")}
        )


class TikTokOverview(AccountDaySource):
    """TikTok Studio → Analytics → Overview → Download data: Overview.csv (per day: views of
    the account's videos, profile views, likes, comments, shares) or FollowerHistory.csv
    (followers each day). Dates have no year ("September 25"): the latest such day not after
    today, said in the preview."""

    key = "tiktok_overview"
    layout_of = ("tiktok",)
    platform_label = gettext_lazy("TikTok")
    label = gettext_lazy("TikTok Studio overview per day (or follower history)")
    where = gettext_lazy(
        "TikTok Studio → Analytics → Overview → Download data: Overview.csv, and "
        "FollowerHistory.csv for the followers."
    )
    layout = DayLayout(
        date="Date",
        reach=("Video Views",),
        engagement=("Likes", "Comments", "Shares"),
        gains=("New followers",),
        required=("Video Views", "Likes", "Comments", "Shares"),
    )
    followers_layout = DayLayout(
        date="Date",
        followers="Followers",
        required=("Followers", "Difference in followers from previous day"),
    )

    def recognises(self, positions: dict[str, int]) -> bool:
        return super().recognises(positions) or all(
            normalised(name) in positions
            for name in (self.followers_layout.date, *self.followers_layout.required)
        )

    def layout_for(self, table: Table) -> tuple[DayLayout, list[Record]]:
        positions = header_positions(table.header)
        if normalised("Followers") in positions and normalised("Video Views") not in positions:
            return self.followers_layout, table.records
        return self.layout, table.records

    def _date_reader(
        self, result: ImportResult[DayRow], values: Sequence[str], context: ImportContext
    ) -> Callable[[str], datetime.date | None]:
        return read_dates_without_year(result=result, values=values, context=context)


class YouTubeChart(AccountDaySource):
    """YouTube Studio → Analytics → Advanced mode → Export current view → “Chart data.csv”:
    per day (and per video, when the chart is split by content), the chosen numbers; a
    "Total" row. Rows of one day are added up."""

    key = "youtube_chart"
    layout_of = ("youtube",)
    platform_label = gettext_lazy("YouTube")
    label = gettext_lazy("YouTube Studio chart data (per day)")
    where = gettext_lazy(
        "YouTube Studio → Analytics → Advanced mode → Export current view → Comma-separated "
        "values (.csv): the “Chart data.csv” file, with Views, Likes, Comments added and Shares."
    )
    layout = DayLayout(
        date="Date",
        reach=("Views",),
        engagement=("Likes", "Comments added", "Shares"),
        gains=("Subscribers", "Subscribers gained"),
        required=("Views",),
    )
