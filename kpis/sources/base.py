"""What every import source shares: the campaign as plain values, the result of reading a
file, and the counting rules that are the same for every source.

A source reads a ``reader.Table`` into rows; nothing touches the database until the owner
confirms the preview, and then ``save`` writes all of a file's rows in one transaction.
"""

import datetime
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from accounts.models import currency_of
from accounts.reader import BadFile, Table, header_positions
from campaigns.models import Campaign

from .. import cells
from ..catalogue import Source
from ..forms import DAYS_BEFORE_START_ALLOWED
from ..models import Measurement, Post, Redemption
from ..services import is_automatic


@functools.lru_cache(maxsize=1024)
def _translated(language: str | None, message: str) -> str:
    return gettext(message)


def translator() -> Callable[[str], str]:
    """``gettext`` for the language active now, remembered: a file of 100,000 rows says the
    same few sentences thousands of times, and looking the language up each time is slow."""
    return functools.partial(_translated, get_language())


@dataclass(frozen=True)
class ImportContext:
    """What a file's names and codes can refer to, for one campaign, as plain values."""

    kpis: dict[str, int]  # {lower-case label or kind: KPI id}, KPIs typed in or imported
    kpis_by_kind: dict[str, int]  # {kind: KPI id}, every KPI of the campaign
    automatic: frozenset[str]  # lower-case names of KPIs the app counts itself
    automatic_kinds: frozenset[str]
    influencers: dict[str, int]  # {lower-case name: influencer id}, the campaign's partners
    influencer_names: dict[int | None, str]  # {influencer id: name}
    partner_names: dict[int | None, str]  # {partnership id: influencer name}
    codes: dict[str, int]  # {upper-case promo code: partnership id}
    sources: dict[str, int]  # {utm_source: influencer id}
    handles: dict[tuple[str, str], int]  # {(platform, lower-case handle): partnership id}
    known_orders: frozenset[str]  # order numbers already stored for the campaign
    start: datetime.date | None
    end: datetime.date | None
    today: datetime.date
    currency: str
    day_first: bool
    # {partnership id: influencer id}
    partner_influencers: dict[int, int] = field(default_factory=dict)
    # Partnerships whose code has orders imported one by one (an orders export).
    ordered: frozenset[int] = frozenset()
    # (source, KPI id, day, influencer id or None) of the readings imported from a file.
    imported: frozenset[tuple[str, int, datetime.date, int | None]] = frozenset()
    posted: frozenset[int] = frozenset()  # influencers with posts recorded for the campaign

    @classmethod
    def for_campaign(cls, campaign: Campaign) -> "ImportContext":
        kpis: dict[str, int] = {}
        automatic: set[str] = set()
        automatic_kinds: set[str] = set()
        for kpi in campaign.kpis.all():
            names = {kpi.kind, str(kpi.get_kind_display()).lower()}
            if is_automatic(kpi):
                automatic |= names
                automatic_kinds.add(kpi.kind)
            else:
                kpis.update(dict.fromkeys(names, kpi.pk))
        partnerships = list(
            campaign.partnerships.select_related("influencer").prefetch_related(
                "influencer__profiles"
            )
        )
        currency = currency_of(campaign.owner)
        return cls(
            kpis=kpis,
            kpis_by_kind={kpi.kind: kpi.pk for kpi in campaign.kpis.all()},
            automatic=frozenset(automatic),
            automatic_kinds=frozenset(automatic_kinds),
            influencers={p.influencer.name.strip().lower(): p.influencer_id for p in partnerships},
            influencer_names={p.influencer_id: p.influencer.name for p in partnerships},
            partner_names={p.pk: p.influencer.name for p in partnerships},
            codes={p.promo_code.upper(): p.pk for p in partnerships if p.promo_code},
            sources={slugify(p.influencer.name): p.influencer_id for p in partnerships},
            handles={
                (profile.platform, profile.handle.lower()): p.pk
                for p in partnerships
                for profile in p.influencer.profiles.all()
            },
            known_orders=frozenset(
                Redemption.objects.filter(partnership__campaign=campaign)
                .exclude(order_ref="")
                .values_list("order_ref", flat=True)
            ),
            start=campaign.start_date,
            end=campaign.end_date,
            today=timezone.localdate(),
            currency=currency,
            day_first=cells.default_day_first(currency),
            partner_influencers={p.pk: p.influencer_id for p in partnerships},
            ordered=frozenset(
                Redemption.objects.filter(partnership__campaign=campaign, source=Source.SHOP)
                .values_list("partnership_id", flat=True)
                .distinct()
            ),
            imported=frozenset(
                Measurement.objects.filter(kpi__campaign=campaign, checkin__isnull=True)
                .values_list("source", "kpi_id", "date", "influencer_id")
                .distinct()
            ),
            posted=frozenset(
                Post.objects.filter(partnership__campaign=campaign)
                .values_list("partnership__influencer_id", flat=True)
                .distinct()
            ),
        )

    @property
    def earliest(self) -> datetime.date | None:
        if self.start is None:
            return None
        return self.start - datetime.timedelta(days=DAYS_BEFORE_START_ALLOWED)


@dataclass(frozen=True)
class LeftOut:
    """A row read but not to be saved, on purpose, with the reason."""

    row: int
    reason: str
    whose: str = ""  # the influencer it is about, when the row says
    group: str = ""  # a short reason, for the summary per influencer ("refunded")


class Row(Protocol):
    """What every source's row says: the spreadsheet row it came from, and its day."""

    @property
    def row(self) -> int: ...

    @property
    def date(self) -> datetime.date: ...


RowT = TypeVar("RowT", bound=Row)
# A reading a row is: (spreadsheet row, KPI id, day, value, influencer id or None).
Reading = tuple[int, int, datetime.date, Decimal, int | None]


@dataclass
class ImportResult(Generic[RowT]):
    rows: list[RowT] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (spreadsheet row, reason)
    left_out: list[LeftOut] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # how the file was read, for the preview

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def leave_out(self, row: int, reason: str, *, whose: str = "", group: str = "") -> None:
        self.left_out.append(LeftOut(row=row, reason=reason, whose=whose, group=group or reason))


@dataclass(frozen=True)
class PreviewRow:
    row: int
    date: datetime.date
    what: str
    whose: str
    number: Decimal | int
    money: bool = False


class ImportSource(Generic[RowT]):
    """One kind of file an owner can import. Subclasses declare what they read."""

    key = ""
    label: str | Promise = ""
    # Where in the product the owner downloads the file, for the upload page.
    where: str | Promise = ""
    comments: bool | None = (
        None  # rows starting with "#": comments? None: when the file opens with one
    )
    maps_columns = False  # the owner says which column is which (their own spreadsheet)
    asks_account = False  # the owner says whose account the file is (it does not say)
    row_noun = ""  # what a row is, for the summary: "orders", "visits"
    # Sources whose rows are KPI readings: the ``Measurement.source`` they are saved with.
    # Such a source says which readings a row is (``readings``); importing it again
    # updates them (``replace_readings``), and the preview says how many.
    reading_source: Source | None = None
    # The products' keys this is another layout of: an owner who chose "TikTok" for the
    # Overview file gets it read as the Overview, not refused.
    layout_of: tuple[str, ...] = ()

    def recognises(self, positions: dict[str, int]) -> bool:
        """True when a header ({normalised name: position}) is this source's."""
        raise NotImplementedError

    def check_campaign(self, context: ImportContext) -> None:
        """BadFile when the campaign cannot take this source's numbers."""

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[RowT]:
        raise NotImplementedError

    def save(self, rows: Sequence[RowT], *, owner: User, context: ImportContext) -> int:
        """Write the rows (one transaction); how many were added."""
        if self.reading_source is None:  # a source of other rows writes them itself
            raise NotImplementedError
        with transaction.atomic():
            replace_readings(
                readings=self.readings(rows, context), owner=owner, source=self.reading_source
            )
        return len(rows)

    def readings(self, rows: Iterable[RowT], context: ImportContext) -> list[Reading]:
        """The readings the rows are: (spreadsheet row, KPI id, day, value, influencer id)."""
        raise NotImplementedError

    def describe(self, row: RowT, context: ImportContext) -> PreviewRow:
        raise NotImplementedError

    def amount(self, row: RowT) -> Decimal | int:
        """The number a row adds (an order's revenue, a day's visits), for the summary."""
        raise NotImplementedError

    def whose(self, row: RowT, context: ImportContext) -> str:
        """The influencer a row is for, by name, or "" for the whole campaign."""
        return context.influencer_names.get(getattr(row, "influencer_id", None), "")

    def read(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[RowT]:
        """Rows of the file that count for this campaign: the source's own reading, then the
        counting rules every source shares."""
        self.check_campaign(context)
        result = self.parse(table, context, mapping=mapping)
        if table.encoding:
            result.facts.insert(
                0, _("The file was read as %(encoding)s.") % {"encoding": table.encoding}
            )
        keep_within_campaign(
            result=result,
            context=context,
            whose=lambda row: self.whose(row, context),
            earliest=context.earliest if self.reading_source else context.start,
        )
        if self.reading_source:
            note_replaced(
                result=result,
                readings=self.readings(result.rows, context),
                context=context,
                source=self.reading_source,
            )
        return result


def keep_within_campaign(
    *,
    result: ImportResult[RowT],
    context: ImportContext,
    whose: Callable[[RowT], str],
    earliest: datetime.date | None,
) -> None:
    """Rows dated before ``earliest`` or after the campaign's deadline, or in the future, are
    listed as left out and not saved. Readings may reach back to the baseline week before the
    start (what a normal week brings); code uses and posts count only from the start: before
    it they are neither results nor a baseline."""
    _ = translator()  # noqa: N806 - gettext's usual name, remembered for the loop
    kept = []
    for row in result.rows:
        reason = group = None
        if context.start and earliest and row.date < earliest:
            reason = _("%(date)s is before the campaign starts (%(start)s)") % {
                "date": row.date.isoformat(),
                "start": context.start.isoformat(),
            }
            group = _("before the campaign")
        elif context.end and row.date > context.end:
            reason = _("%(date)s is after the campaign's deadline (%(end)s)") % {
                "date": row.date.isoformat(),
                "end": context.end.isoformat(),
            }
            group = _("after the deadline")
        elif row.date > context.today:
            reason = _("%(date)s is in the future") % {"date": row.date.isoformat()}
            group = _("in the future")
        if reason and group:
            result.leave_out(row.row, reason, whose=whose(row), group=group)
        else:
            kept.append(row)
    result.rows = kept


def summary(
    *, result: ImportResult[Any], source: ImportSource[Any], context: ImportContext
) -> list[tuple[str, int, Decimal, list[tuple[str, int]]]]:
    """Per influencer (and the whole campaign): [(whose, rows added, total, [(why left out,
    how many)])], in the order of the file."""
    added: Counter[str] = Counter()
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for row in result.rows:
        name = source.whose(row, context)
        added[name] += 1
        totals[name] += source.amount(row)
    left: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for item in result.left_out:
        left[item.whose][item.group] += 1
    names = list(dict.fromkeys([*added, *left]))
    return [
        (
            name or (_("Whole campaign") if added[name] else _("None of your influencers")),
            added[name],
            totals[name],
            sorted(left[name].items()),
        )
        for name in names
    ]


def require_columns(*, table: Table, required: Iterable[str]) -> dict[str, int]:
    """{normalised name: position} of the header; BadFile naming the missing columns."""
    positions = header_positions(table.header)
    missing = [name for name in required if name.lower() not in positions]
    if missing:
        raise BadFile(
            _("These columns are missing: %(missing)s. The file has: %(found)s.")
            % {
                "missing": ", ".join(f"“{name}”" for name in missing),
                "found": ", ".join(f"“{name}”" for name in table.header if name) or _("no columns"),
            }
        )
    return positions


def read_dates(
    *,
    result: ImportResult[Any],
    values: Sequence[str],
    context: ImportContext,
    day_first: bool | None = None,
) -> Callable[[str], datetime.date | None]:
    """A function reading this column's dates, in the order the column settles (or the
    business's country), said in the preview when it had to be decided."""
    order = cells.decide_order(
        values, day_first=context.day_first if day_first is None else day_first
    )
    if order.decided and day_first is None:
        result.facts.append(order.decided)
    zone = timezone.get_current_timezone()
    return lambda value: cells.parse_date(value, day_first=order.day_first, zone=zone)


def read_dates_without_year(
    *,
    result: ImportResult[Any],
    values: Sequence[str],
    context: ImportContext,
    day_first: bool | None = None,
) -> Callable[[str], datetime.date | None]:
    """As ``read_dates``, for a product that may write its days without the year (TikTok:
    "September 25"): such a day is the latest one up to today, said in the preview."""
    read = read_dates(result=result, values=values, context=context, day_first=day_first)
    if not any(value and not re.search(r"\d{4}", value) for value in values):
        return read
    today = context.today
    result.facts.append(
        _(
            "TikTok writes its days without the year: each is taken as the latest such day "
            "up to today (%(today)s)."
        )
        % {"today": today.isoformat()}
    )

    def with_year(value: str) -> datetime.date | None:
        if re.search(r"\d{4}", value):
            return read(value)
        day = read(f"{value} {today.year}")
        if day is not None and day > today:
            day = read(f"{value} {today.year - 1}")
        return day

    return with_year


def note_replaced(
    *, result: ImportResult[Any], readings: Iterable[Reading], context: ImportContext, source: str
) -> None:
    """Say in the preview how many of the file's readings (``readings`` as for
    ``save_readings``) were imported before and will be updated, not added again."""
    again = {
        (kpi_id, day, influencer_id)
        for _row, kpi_id, day, _value, influencer_id in readings
        if (source, kpi_id, day, influencer_id) in context.imported
    }
    if again:
        result.facts.append(
            _(
                "%(count)s of these numbers (same KPI, day and influencer) were imported from "
                "a file before: they will be updated with this file's, not added again."
            )
            % {"count": len(again)}
        )


def replace_readings(*, readings: Iterable[Reading], owner: User, source: str) -> None:
    """``save_readings``, after removing the readings imported from a file before with the
    same KPI, day and influencer: importing a file again updates its numbers and never
    counts them twice. Readings typed at a check-in are left as they are."""
    listed = list(readings)
    if not listed:
        return
    keys = {(kpi_id, day, influencer_id) for _row, kpi_id, day, _value, influencer_id in listed}
    earlier = Measurement.objects.filter(
        kpi_id__in={key[0] for key in keys},
        source=source,
        checkin__isnull=True,
        date__gte=min(key[1] for key in keys),
        date__lte=max(key[1] for key in keys),
    ).values_list("pk", "kpi_id", "date", "influencer_id")
    replaced = [pk for pk, *key in earlier if tuple(key) in keys]
    for start in range(0, len(replaced), 500):
        Measurement.objects.filter(pk__in=replaced[start : start + 500]).delete()
    save_readings(readings=listed, owner=owner, source=source)


def imported_influencers(*, context: ImportContext, source: str) -> set[int]:
    """The influencers with readings imported from a file (``source``) for the campaign."""
    return {key[3] for key in context.imported if key[0] == source and key[3] is not None}


class CodeRow(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def partnership_id(self) -> int: ...


def codes_with_report_totals(*, rows: Iterable[CodeRow], context: ImportContext) -> list[str]:
    """The codes of these rows whose influencer has totals from Shopify's Sales by discount
    report (readings imported from the shop), sorted: a code's sales come from one kind of
    file, so the preview says which file's numbers replace which."""
    reported_for = imported_influencers(context=context, source=Source.SHOP)
    return sorted(
        {
            row.code
            for row in rows
            if context.partner_influencers.get(row.partnership_id) in reported_for
        }
    )


def remove_imported(
    *, context: ImportContext, influencer_ids: Iterable[int | None], source: str
) -> None:
    """Remove the campaign's readings imported from a file (``source``) for these
    influencers: another kind of file now holds their numbers."""
    Measurement.objects.filter(
        kpi_id__in=set(context.kpis_by_kind.values()),
        source=source,
        checkin__isnull=True,
        influencer_id__in=set(influencer_ids) - {None},
    ).delete()


def save_readings(*, readings: Iterable[Reading], owner: User, source: str) -> None:
    """Write imported readings in bulk: ``readings`` are (spreadsheet row, KPI id, date,
    value, influencer id or None), each noted with the row it came from."""
    Measurement.objects.bulk_create(
        (
            Measurement(
                owner=owner,
                kpi_id=kpi_id,
                date=day,
                value=value,
                source=source,
                influencer_id=influencer_id,
                note=_("Imported from a file (row %(row)s)") % {"row": row},
            )
            for row, kpi_id, day, value, influencer_id in readings
        ),
        batch_size=2000,
    )
