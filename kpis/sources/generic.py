"""The owner's own spreadsheet: one row per number (date, KPI, number, optional influencer),
or the wide shape people keep (a date column and one column per KPI). The owner says which
column is which; the first guess comes from the column names.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.reader import BadFile, Record, Table, cell, header_positions, normalised

from .. import cells
from ..catalogue import KPIKind, Source
from .base import ImportContext, ImportResult, ImportSource, PreviewRow, Reading, read_dates

FIELDS = ("date", "kpi", "value", "influencer")
# Column names we recognise without asking, for the mapping step's first guess.
GUESSES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "when", "datum", "fecha", "jour"),
    "kpi": ("kpi", "measure", "metric", "what", "name"),
    "value": ("value", "number", "count", "amount", "total"),
    "influencer": ("influencer", "creator", "who", "partner"),
}


@dataclass(frozen=True)
class MeasurementRow:
    row: int
    date: datetime.date
    kpi_id: int
    value: Decimal
    influencer_id: int | None = None


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """{field: column name} for the columns whose names we recognise."""
    mapping: dict[str, str] = {}
    for field_name, guesses in GUESSES.items():
        for column in header:
            if normalised(column) in guesses and column not in mapping.values():
                mapping[field_name] = column
                break
    return mapping


class Generic(ImportSource[MeasurementRow]):
    key = "generic"
    label = gettext_lazy("My own spreadsheet (date, KPI, number, influencer)")
    where = gettext_lazy(
        "One row per number, with a date, the KPI's name (as on your dashboard) and the "
        "number; an influencer's name is optional. Or a date column and one column per KPI, "
        "named as on your dashboard. Next, you say which column is which."
    )
    maps_columns = True
    row_noun = "readings"
    reading_source = Source.MANUAL

    def recognises(self, positions: dict[str, int]) -> bool:
        return "date" in positions and ("kpi" in positions or "value" in positions)

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[MeasurementRow]:
        mapping = mapping if mapping is not None else guess_mapping(table.header)
        if not mapping.get("date"):
            raise BadFile(_("Choose which column holds: %(fields)s.") % {"fields": _("date")})
        positions = header_positions(table.header)
        wide = not mapping.get("kpi") and not mapping.get("value")
        if not wide and not (mapping.get("kpi") and mapping.get("value")):
            raise BadFile(
                _("Choose which column holds: %(fields)s.") % {"fields": _("KPI, number")}
            )
        at = {name: positions.get(normalised(mapping.get(name) or "")) for name in FIELDS}
        missing = [mapping[name] for name in FIELDS if mapping.get(name) and at[name] is None]
        if missing:
            raise BadFile(
                _("These columns are missing: %(missing)s.")
                % {"missing": ", ".join(f"“{name}”" for name in missing)}
            )
        records = table.records[1:]
        if not records:
            raise BadFile(_("The file has column names but no rows under them."))
        value_columns: list[tuple[int | None, str | None]] = (
            [(index, name) for index, name in enumerate(table.header) if index not in at.values()]
            if wide
            else [(at["value"], None)]
        )
        if wide and not any(
            normalised(name or "") in context.kpis for _index, name in value_columns
        ):
            raise BadFile(
                _(
                    "No column is named after one of this campaign's KPIs. Name the columns "
                    "as on your dashboard, or choose which column holds the KPI and the number."
                )
            )
        result: ImportResult[MeasurementRow] = ImportResult()
        read_date = read_dates(
            result=result, values=[cell(r.cells, at["date"]) for r in records], context=context
        )
        for record in records:
            for index, column_kpi in value_columns:
                self._read(record, index, column_kpi, at, read_date, context, result, table)
        return result

    def _read(
        self,
        record: Record,
        at_value: int | None,
        column_kpi: str | None,
        at: dict[str, int | None],
        read_date: Callable[[str], datetime.date | None],
        context: ImportContext,
        result: ImportResult[MeasurementRow],
        table: Table,
    ) -> None:
        values = record.cells
        raw_value = cell(values, at_value)
        if column_kpi is not None and (not raw_value or normalised(column_kpi) not in context.kpis):
            if raw_value and normalised(column_kpi) in context.automatic:
                result.errors.append((record.row, self._automatic(column_kpi)))
            return  # wide shape: an empty cell, or a column that is not a KPI (a note)
        problems = []
        raw_date = cell(values, at["date"])
        day = read_date(raw_date)
        if day is None:
            problems.append(_("“%(value)s” is not a date") % {"value": raw_date})
        raw_kpi = column_kpi or cell(values, at["kpi"])
        kpi_id = context.kpis.get(normalised(raw_kpi))
        if normalised(raw_kpi) in context.automatic:
            problems.append(self._automatic(raw_kpi))
        elif kpi_id is None:
            problems.append(
                _("“%(kpi)s” is not one of this campaign's KPIs") % {"kpi": raw_kpi}
                if raw_kpi
                else _("the KPI is empty")
            )
        value = cells.parse_number(raw_value, decimal_comma=table.decimal_comma)
        if value is None:
            problems.append(_("“%(value)s” is not a number") % {"value": raw_value})
        elif value < 0:
            problems.append(_("%(value)s is below zero") % {"value": raw_value})
        influencer_id = None
        raw_influencer = cell(values, at["influencer"])
        if raw_influencer:
            influencer_id = context.influencers.get(normalised(raw_influencer))
            if influencer_id is None:
                problems.append(
                    _("“%(name)s” is not an influencer on this campaign") % {"name": raw_influencer}
                )
        if problems or day is None or kpi_id is None or value is None:
            result.errors.append((record.row, "; ".join(problems)))
        else:
            result.rows.append(MeasurementRow(record.row, day, kpi_id, value, influencer_id))

    @staticmethod
    def _automatic(kpi: str) -> str:
        return _("“%(kpi)s” is counted for you by the app; leave it out of the file") % {"kpi": kpi}

    def readings(self, rows: Iterable[MeasurementRow], context: ImportContext) -> list[Reading]:
        """The owner's numbers. A reading imported from a file before with the same KPI, day
        and influencer is replaced: importing the same spreadsheet twice counts it once."""
        return [(row.row, row.kpi_id, row.date, row.value, row.influencer_id) for row in rows]

    def amount(self, row: MeasurementRow) -> Decimal:
        return row.value

    def describe(self, row: MeasurementRow, context: ImportContext) -> PreviewRow:
        kinds = {pk: kind for kind, pk in context.kpis_by_kind.items()}
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=str(KPIKind(kinds[row.kpi_id]).label),
            whose=self.whose(row, context) or _("whole campaign"),
            number=row.value,
        )
