"""What every import source shares: the campaign as plain values, the result of reading a
file, and the counting rules that are the same for every source.

A source reads a ``reader.Table`` into rows; nothing touches the database until the owner
confirms the preview, and then ``save`` writes all of a file's rows in one transaction.
"""

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from accounts.reader import BadFile, header_positions

from .. import cells
from ..forms import DAYS_BEFORE_START_ALLOWED
from ..models import Measurement, Redemption
from ..services import is_automatic


@functools.lru_cache(maxsize=1024)
def _translated(language, message):
    return gettext(message)


def translator():
    """``gettext`` for the language active now, remembered: a file of 100,000 rows says the
    same few sentences thousands of times, and looking the language up each time is slow."""
    return functools.partial(_translated, get_language())


@dataclass(frozen=True)
class ImportContext:
    """What a file's names and codes can refer to, for one campaign, as plain values."""

    kpis: dict  # {lower-case label or kind: KPI id}, KPIs typed in or imported
    kpis_by_kind: dict  # {kind: KPI id}, every KPI of the campaign
    automatic: frozenset  # lower-case names of KPIs the app counts itself
    automatic_kinds: frozenset
    influencers: dict  # {lower-case name: influencer id}, the campaign's partners
    influencer_names: dict  # {influencer id: name}
    partner_names: dict  # {partnership id: influencer name}
    codes: dict  # {upper-case promo code: partnership id}
    sources: dict  # {utm_source: influencer id}
    handles: dict  # {(platform, lower-case handle): partnership id}
    known_orders: frozenset  # order numbers already stored for the campaign
    start: datetime.date | None
    end: datetime.date | None
    today: datetime.date
    currency: str
    day_first: bool

    @classmethod
    def for_campaign(cls, campaign):
        kpis, automatic, automatic_kinds = {}, set(), set()
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
        business = getattr(campaign.owner, "business", None)
        currency = business.currency if business else "GBP"
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
        )

    @property
    def earliest(self):
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


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # [(spreadsheet row, reason)]
    left_out: list = field(default_factory=list)  # [LeftOut]
    facts: list = field(default_factory=list)  # how the file was read, for the preview

    @property
    def ok(self):
        return not self.errors and bool(self.rows)

    def leave_out(self, row, reason, *, whose="", group=""):
        self.left_out.append(LeftOut(row, reason, whose, group or reason))


@dataclass(frozen=True)
class PreviewRow:
    row: int
    date: datetime.date
    what: str
    whose: str
    number: Decimal
    money: bool = False


class ImportSource:
    """One kind of file an owner can import. Subclasses declare what they read."""

    key = ""
    label: str | Promise = ""
    # Where in the product the owner downloads the file, for the upload page.
    where: str | Promise = ""
    comments = None  # rows starting with "#": comments? None: when the file opens with one
    maps_columns = False  # the owner says which column is which (their own spreadsheet)
    row_noun = ""  # what a row is, for the summary: "orders", "visits"

    def recognises(self, positions):
        """True when a header ({normalised name: position}) is this source's."""
        raise NotImplementedError

    def check_campaign(self, context):
        """BadFile when the campaign cannot take this source's numbers."""

    def parse(self, table, context, *, mapping=None):
        raise NotImplementedError

    def save(self, rows, *, owner, context):
        """Write the rows (one transaction); how many were added."""
        raise NotImplementedError

    def describe(self, row, context):
        raise NotImplementedError

    def amount(self, row):
        """The number a row adds (an order's revenue, a day's visits), for the summary."""
        raise NotImplementedError

    def whose(self, row, context):
        """The influencer a row is for, by name, or "" for the whole campaign."""
        return context.influencer_names.get(getattr(row, "influencer_id", None), "")

    def read(self, table, context, *, mapping=None):
        """Rows of the file that count for this campaign: the source's own reading, then the
        counting rules every source shares."""
        self.check_campaign(context)
        result = self.parse(table, context, mapping=mapping)
        if table.encoding:
            result.facts.insert(
                0, _("The file was read as %(encoding)s.") % {"encoding": table.encoding}
            )
        keep_within_campaign(result, context, whose=lambda row: self.whose(row, context))
        return result


def keep_within_campaign(result, context, *, whose):
    """Rows dated before the campaign (beyond the baseline week) or after its deadline, or in
    the future, are listed as left out and not saved."""
    _ = translator()  # noqa: N806 - gettext's usual name, remembered for the loop
    kept = []
    for row in result.rows:
        reason = None
        if context.earliest and row.date < context.earliest:
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
        if reason:
            result.leave_out(row.row, reason, whose=whose(row), group=group)
        else:
            kept.append(row)
    result.rows = kept


def summary(result, source, context):
    """Per influencer (and the whole campaign): [(whose, rows added, total, [(why left out,
    how many)])], in the order of the file."""
    added = Counter()
    totals = defaultdict(Decimal)
    for row in result.rows:
        name = source.whose(row, context)
        added[name] += 1
        totals[name] += source.amount(row)
    left = defaultdict(Counter)
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


def require_columns(table, required):
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


def read_dates(result, values, context, *, day_first=None):
    """A function reading this column's dates, in the order the column settles (or the
    business's country), said in the preview when it had to be decided."""
    order = cells.decide_order(
        values, day_first=context.day_first if day_first is None else day_first
    )
    if order.decided and day_first is None:
        result.facts.append(order.decided)
    zone = timezone.get_current_timezone()
    return lambda value: cells.parse_date(value, day_first=order.day_first, zone=zone)


def not_a_date(value):
    return _("“%(value)s” is not a date (use 2026-03-14, 14/03/2026 or 14 Mar 2026)") % {
        "value": value
    }


def save_readings(readings, *, owner, source):
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
