"""Website visits from Google Analytics downloads: GA4 (standard reports and Explore, in
English, French, German or Spanish) and Universal Analytics.

Layouts: sessions by source / medium (each influencer's visits, matched by their tracked
link's utm_source, dated the report's last day), the same with a secondary Date dimension
(each influencer's visits per day), or sessions by date alone (the whole website's visits, so
said). Other sources (search, direct, referrals) are not the campaign's: left out and listed.
"Grand total" rows, (other) and (not set) are never counted. A file with several tables is
read at its first table with sessions in it, by source if it has one.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.formatting import format_whole
from accounts.reader import BadFile, Record, Table, cell, header_positions, normalised

from .. import cells
from ..catalogue import KPIKind, Source
from .base import ImportContext, ImportResult, ImportSource, PreviewRow, Reading, read_dates

TOTAL_ROWS = {
    "grand total",
    "total",
    "totals",
    "total général",
    "gesamtsumme",
    "summe",
    "insgesamt",
    "total general",
}
NOT_A_SOURCE = {
    "(other)",
    "(not set)",
    "(autre)",
    "(non défini)",
    "(nicht festgelegt)",
    "(sonstige)",
    "(otros)",
    "(no establecido)",
}


@dataclass(frozen=True)
class VisitRow:
    row: int
    date: datetime.date
    sessions: Decimal
    influencer_id: int | None = None


class Analytics(ImportSource[VisitRow]):
    key = "analytics"
    label = gettext_lazy("Google Analytics 4 report or exploration (website visits)")
    where = gettext_lazy(
        "Reports → Acquisition → Traffic acquisition with “Session source / medium” (add the "
        "secondary dimension Date for visits per day), or an exploration with those; then "
        "Share → Download file → Download CSV. Any interface language."
    )
    row_noun = "visits"
    reading_source = Source.ANALYTICS
    date_columns: tuple[str, ...] = ("date", "datum", "fecha", "jour")
    source_columns: tuple[str, ...] = (
        "session source / medium",
        "session source/medium",
        "session source",
        "source / support de la session",
        "source de la session",
        "sitzungsquelle/-medium",
        "sitzungsquelle / -medium",
        "sitzungsquelle",
        "fuente / medio de la sesión",
        "fuente de la sesión",
    )
    sessions_columns: tuple[str, ...] = ("sessions", "sitzungen", "sesiones")

    def recognises(self, positions: dict[str, int]) -> bool:
        return self._column(positions, self.sessions_columns) is not None and (
            self._column(positions, self.source_columns) is not None
            or self._column(positions, self.date_columns) is not None
        )

    @staticmethod
    def _column(positions: dict[str, int], names: Iterable[str]) -> int | None:
        return next((positions[name] for name in names if name in positions), None)

    def check_campaign(self, context: ImportContext) -> None:
        kind = KPIKind.WEBSITE_VISITS
        if kind not in context.kpis_by_kind:
            raise BadFile(
                _(
                    "This campaign does not track website visits. Add “Website visits” to its "
                    "KPIs in the plan first."
                )
            )
        if kind in context.automatic_kinds:
            raise BadFile(
                _(
                    "This campaign counts website visits from its tracked links. To use Google "
                    "Analytics instead, change where the numbers come from in the plan's "
                    "tracking step."
                )
            )

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[VisitRow]:
        tables = _tables(table)
        readable = [t for t in tables if self.recognises(header_positions(t.header))]
        if not readable:
            raise BadFile(
                _(
                    "This does not look like a Google Analytics download: its table should "
                    "have a “Session source / medium” or a “Date” column, and “Sessions”."
                )
            )
        chosen = next(
            (
                t
                for t in readable
                if self._column(header_positions(t.header), self.source_columns) is not None
            ),
            readable[0],
        )
        result: ImportResult[VisitRow] = ImportResult()
        if len(tables) > 1:
            result.facts.append(
                _("This file holds %(count)s tables; the one with columns %(columns)s was read.")
                % {"count": len(tables), "columns": ", ".join(chosen.header[:2])}
            )
        positions = header_positions(chosen.header)
        at_sessions = self._column(positions, self.sessions_columns)
        at_source = self._column(positions, self.source_columns)
        at_date = self._column(positions, self.date_columns)
        dimensions = [at for at in (at_source, at_date) if at is not None]
        records = [
            r
            for r in chosen.records[1:]
            if normalised(cell(r.cells, 0)) not in TOTAL_ROWS
            # A totals row may carry no label at all (Universal Analytics): no date, no source.
            and any(cell(r.cells, at) for at in dimensions)
        ]
        read_date: Callable[[str], datetime.date | None]
        if at_date is not None:
            read_date = read_dates(
                result=result, values=[cell(r.cells, at_date) for r in records], context=context
            )
        else:
            end = _report_end(table.comments)
            if end is None:
                raise BadFile(
                    _(
                        "The file does not say which days it covers (a “# End date: 20261122” "
                        "line at the top). Download it again from Google Analytics without "
                        "editing it, or add the secondary dimension Date."
                    )
                )
            result.facts.append(
                _(
                    "The report has no dates by row: its visits are counted on its last day, "
                    "%(end)s."
                )
                % {"end": end.isoformat()}
            )
            read_date = lambda _value: end  # noqa: E731 - one date for every row
        if at_source is None:
            result.facts.append(
                _(
                    "This report counts the whole website's visits by day, not only those "
                    "from your influencers: they are saved as the campaign's website visits."
                )
            )
        visits: defaultdict[tuple[datetime.date, int | None], Decimal] = defaultdict(Decimal)
        first_row: dict[tuple[datetime.date, int | None], int] = {}
        unmatched: defaultdict[str, Decimal] = defaultdict(Decimal)
        influencer_of: dict[
            str, int | None
        ] = {}  # {source / medium: influencer id or None}, slugified once each
        for record in records:
            raw_sessions = cell(record.cells, at_sessions)
            sessions = cells.parse_count(raw_sessions, decimal_comma=table.decimal_comma)
            raw_date = cell(record.cells, at_date) if at_date is not None else ""
            day = read_date(raw_date)
            problems = []
            if sessions is None or sessions < 0 or sessions != sessions.to_integral_value():
                problems.append(
                    _("“%(value)s” is not a number of sessions") % {"value": raw_sessions}
                )
            if day is None:
                problems.append(_("“%(value)s” is not a date") % {"value": raw_date})
            influencer_id = None
            if at_source is not None:
                raw_source = cell(record.cells, at_source)
                if raw_source not in influencer_of:
                    utm_source = slugify(raw_source.split("/")[0].strip())
                    influencer_of[raw_source] = context.sources.get(utm_source)
                influencer_id = influencer_of[raw_source]
                if influencer_id is None:
                    if not problems:
                        unmatched[raw_source] += sessions
                    continue
            if problems or day is None:
                about = " · ".join(
                    part
                    for part in (
                        cell(record.cells, at_source) if at_source is not None else "",
                        raw_date,
                    )
                    if part
                )
                message = "; ".join(problems)
                result.errors.append((record.row, f"{about}: {message}" if about else message))
                continue
            visits[(day, influencer_id)] += sessions
            first_row.setdefault((day, influencer_id), record.row)
        result.rows = [
            VisitRow(first_row[key], key[0], total, key[1]) for key, total in visits.items()
        ]
        if unmatched:
            listed = sorted(unmatched.items(), key=lambda item: -item[1])
            result.facts.append(
                _("Sources not matched to one of your influencers' links, left out: %(sources)s.")
                % {
                    "sources": ", ".join(
                        f"{name or _('(empty)')} ({format_whole(total)})"
                        for name, total in listed[:12]
                        if name.lower() not in NOT_A_SOURCE or total
                    )
                    + (
                        _(" and %(count)s more") % {"count": len(listed) - 12}
                        if len(listed) > 12
                        else ""
                    )
                }
            )
        if not result.rows and not result.errors and at_source is not None:
            result.facts.append(
                _("No source in this file matches your influencers' tracked links.")
            )
        return result

    def readings(self, rows: Iterable[VisitRow], context: ImportContext) -> list[Reading]:
        """Website visits. Analytics readings imported before for the same day and influencer
        are replaced, so importing an overlapping download does not count twice."""
        kpi_id = context.kpis_by_kind[KPIKind.WEBSITE_VISITS]  # ``check_campaign`` made sure
        return [(row.row, kpi_id, row.date, row.sessions, row.influencer_id) for row in rows]

    def amount(self, row: VisitRow) -> Decimal:
        return row.sessions

    def describe(self, row: VisitRow, context: ImportContext) -> PreviewRow:
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=_("Website visits"),
            whose=self.whose(row, context) or _("whole campaign"),
            number=row.sessions,
        )


class UniversalAnalytics(Analytics):
    key = "ga_universal"
    label = gettext_lazy("Universal Analytics export (website visits, before July 2023)")
    where = gettext_lazy(
        "Acquisition → All Traffic → Source/Medium (or Audience → Overview by day) → Export → CSV."
    )
    date_columns = ("day index", "date")
    source_columns = ("source / medium", "source/medium", "source")
    sessions_columns = ("sessions",)

    def recognises(self, positions: dict[str, int]) -> bool:
        ga4 = Analytics.source_columns
        return super().recognises(positions) and not any(name in positions for name in ga4)


def _tables(table: Table) -> list[Table]:
    """The tables of a file, split where rows are skipped (a blank row or comment lines)."""
    tables: list[list[Record]] = []
    current: list[Record] = []
    previous = None
    for record in table.records:
        if previous is not None and record.row > previous + 1 and current:
            tables.append(current)
            current = []
        current.append(record)
        previous = record.row
    if current:
        tables.append(current)
    return [Table(records=records, delimiter=table.delimiter) for records in tables]


def _report_end(comments: Sequence[str]) -> datetime.date | None:
    """The report's last day, from its comment lines: GA4's "# End date: 20261122" (in any
    language) or Universal Analytics' "# 20261101-20261130"."""
    read = [
        cells.parse_date(found)
        for line in comments
        for found in re.findall(r"(?<!\d)(\d{8})(?!\d)", line)
    ]
    days = [day for day in read if day]
    return max(days) if days else None
