"""Shopify's "Sales by discount" report: Analytics → Reports → Sales by discount → Export.

The report is already totalled: per discount (its name, and its code when customers typed
one), the orders that used it and their sales, for the report's period, or per day when it is
grouped by Day. Its totals are stored as they are, as readings of the campaign's sales
(orders and promo-code uses) and revenue ("Total sales", as the orders export's "Total"),
for the code's influencer; no order is invented.

One code's sales come from one kind of file, so no order is counted twice:
- a code whose orders were imported one by one (an orders export) keeps them: the report's
  totals for it are left out, and the preview says so;
- importing orders for a code replaces the report's totals for it (``orders.OrderSource``);
- importing the report again replaces all of a code's earlier report totals, so download it
  for the whole campaign so far each time.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    codes_with_report_totals,
    read_dates,
    remove_imported,
    save_readings,
)

CODE_COLUMNS = ("discount code", "discount name", "discount")
REVENUE_COLUMNS = ("total sales", "net sales")
DATE_COLUMNS = ("day", "date")
PERIOD_COLUMNS = ("week", "month", "quarter", "year", "hour")
TOTAL_ROWS = {"total", "totals", "summary"}
# The report's two totals, and the KPIs each one is a reading of.
FEEDS: dict[str, str] = {
    KPIKind.ORDERS: "orders",
    KPIKind.REDEMPTIONS: "orders",
    KPIKind.REVENUE: "revenue",
}


@dataclass(frozen=True)
class CodeTotalRow:
    """One code's orders and sales, for a day or for the report's period."""

    row: int
    date: datetime.date
    code: str
    partnership_id: int
    orders: Decimal
    revenue: Decimal


def _column(positions: dict[str, int], names: Iterable[str]) -> int | None:
    return next((positions[name] for name in names if name in positions), None)


class ShopifyDiscounts(ImportSource[CodeTotalRow]):
    key = "shopify_discounts"
    label = gettext_lazy("Shopify “Sales by discount” report (totals per promo code)")
    where = gettext_lazy(
        "Analytics → Reports → Sales by discount, for the whole campaign so far (add Day to "
        "see it per day) → Export → CSV. Each import replaces the totals of the one before."
    )
    row_noun = "orders"

    def recognises(self, positions: dict[str, int]) -> bool:
        return (
            "orders" in positions
            and _column(positions, CODE_COLUMNS[:2]) is not None
            and _column(positions, REVENUE_COLUMNS) is not None
        )

    def check_campaign(self, context: ImportContext) -> None:
        if not any(kind in context.kpis_by_kind for kind in FEEDS):
            raise BadFile(
                _(
                    "This campaign does not track sales or revenue. Add “Sales (orders)” or "
                    "“Revenue” to its KPIs in the plan first."
                )
            )

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[CodeTotalRow]:
        positions = header_positions(table.header)
        at_code = _column(positions, CODE_COLUMNS)
        at_orders = positions.get("orders")
        at_revenue = _column(positions, REVENUE_COLUMNS)
        if at_code is None or at_orders is None or at_revenue is None:
            raise BadFile(
                _(
                    "This does not look like Shopify's Sales by discount report: it should "
                    "have the columns “Discount code”, “Orders” and “Total sales”."
                )
            )
        at_date = _column(positions, DATE_COLUMNS)
        period = next((name for name in PERIOD_COLUMNS if name in positions), None)
        if at_date is None and period:
            raise BadFile(
                _(
                    "This report is grouped by %(period)s. Group it by Day, or not by date at "
                    "all, and export it again."
                )
                % {"period": period}
            )
        self._check_currency(table, positions, context)
        records = [r for r in table.records[1:] if normalised(cell(r.cells, 0)) not in TOTAL_ROWS]
        result: ImportResult[CodeTotalRow] = ImportResult()
        read_date: Callable[[str], datetime.date | None]
        if at_date is not None:
            read_date = read_dates(
                result=result, values=[cell(r.cells, at_date) for r in records], context=context
            )
        else:
            day = min(filter(None, (context.end, context.today)))
            result.facts.append(
                _(
                    "The report has no dates by row: its totals are counted on %(day)s. "
                    "Download it for the campaign's dates only."
                )
                % {"day": day.isoformat()}
            )
            read_date = lambda _value: day  # noqa: E731 - one date for every row
        at = {"code": at_code, "orders": at_orders, "revenue": at_revenue, "date": at_date}
        totals: defaultdict[tuple[datetime.date, str], list[Decimal]] = defaultdict(
            lambda: [Decimal(0), Decimal(0)]
        )
        first_row: dict[tuple[datetime.date, str], int] = {}
        for record in records:
            key = self._read(record, at, read_date, context, result, table.decimal_comma)
            if key:
                day, code, orders, revenue = key
                totals[(day, code)][0] += orders
                totals[(day, code)][1] += revenue
                first_row.setdefault((day, code), record.row)
        result.rows = [
            CodeTotalRow(first_row[key], key[0], key[1], context.codes[key[1]], *values)
            for key, values in totals.items()
        ]
        replaced = codes_with_report_totals(rows=result.rows, context=context)
        if replaced:
            result.facts.append(
                _(
                    "Codes %(codes)s have totals from a Sales by discount report imported "
                    "before: this file's totals replace them."
                )
                % {"codes": ", ".join(replaced)}
            )
        return result

    def _read(
        self,
        record: Record,
        at: dict[str, int | None],
        read_date: Callable[[str], datetime.date | None],
        context: ImportContext,
        result: ImportResult[CodeTotalRow],
        decimal_comma: bool,
    ) -> tuple[datetime.date, str, Decimal, Decimal] | None:
        """(day, code, orders, sales) of a row that counts, else None (said why)."""
        values = record.cells
        code = cell(values, at["code"]).upper()
        if not code:
            return None  # sales without a code (an automatic discount): not the campaign's
        partnership_id = context.codes.get(code)
        whose = context.partner_names.get(partnership_id, "")
        if partnership_id is None:
            result.leave_out(
                record.row,
                _("code %(code)s is not one of this campaign's") % {"code": code},
                group=_("code %(code)s is not in this campaign") % {"code": code},
            )
            return None
        if partnership_id in context.ordered:
            result.leave_out(
                record.row,
                _(
                    "code %(code)s: its orders were imported one by one from an orders "
                    "export; those count, and this report's totals are left out"
                )
                % {"code": code},
                whose=whose,
                group=_("orders imported one by one"),
            )
            return None
        problems = []
        raw_orders, raw_revenue = cell(values, at["orders"]), cell(values, at["revenue"])
        orders = cells.parse_count(raw_orders, decimal_comma=decimal_comma)
        revenue = cells.parse_number(raw_revenue, decimal_comma=decimal_comma)
        if orders is None or orders < 0 or orders != orders.to_integral_value():
            problems.append(_("“%(value)s” is not a number of orders") % {"value": raw_orders})
        if revenue is None or revenue < 0:
            problems.append(_("the sales “%(value)s” are not an amount") % {"value": raw_revenue})
        raw_date = cell(values, at["date"])
        day = read_date(raw_date)
        if day is None:
            problems.append(_("“%(value)s” is not a date") % {"value": raw_date})
        if problems or day is None:
            result.errors.append(
                (
                    record.row,
                    _("code %(code)s: %(problems)s")
                    % {"code": code, "problems": "; ".join(problems)},
                )
            )
            return None
        return (day, code, orders, revenue) if orders else None

    @staticmethod
    def _check_currency(table: Table, positions: dict[str, int], context: ImportContext) -> None:
        at_currency = positions.get("currency")
        if at_currency is None:
            return
        found = {cell(r.cells, at_currency).upper() for r in table.records[1:]} - {""}
        foreign = found - {context.currency}
        if foreign:
            raise BadFile(
                _(
                    "This report's sales are in %(found)s, and your business counts in "
                    "%(currency)s. Export it in %(currency)s, or change your business's "
                    "currency first."
                )
                % {"found": ", ".join(sorted(foreign)), "currency": context.currency}
            )

    def readings(self, rows: Iterable[CodeTotalRow], context: ImportContext) -> list[Reading]:
        return [
            (
                row.row,
                context.kpis_by_kind[kind],
                row.date,
                getattr(row, part),
                context.partner_influencers.get(row.partnership_id),
            )
            for row in rows
            for kind, part in FEEDS.items()
            if kind in context.kpis_by_kind
        ]

    @transaction.atomic
    def save(self, rows: Sequence[CodeTotalRow], *, owner: User, context: ImportContext) -> int:
        """The codes' totals, after removing each code's totals from an earlier report."""
        remove_imported(
            context=context,
            influencer_ids={context.partner_influencers.get(row.partnership_id) for row in rows},
            source=Source.SHOP,
        )
        save_readings(readings=self.readings(rows, context), owner=owner, source=Source.SHOP)
        return len(rows)

    def whose(self, row: CodeTotalRow, context: ImportContext) -> str:
        return context.partner_names.get(row.partnership_id, "")

    def amount(self, row: CodeTotalRow) -> Decimal:
        return row.revenue

    def describe(self, row: CodeTotalRow, context: ImportContext) -> PreviewRow:
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=_("Code %(code)s: %(orders)s orders (Sales by discount report)")
            % {"code": row.code, "orders": format_whole(row.orders)},
            whose=self.whose(row, context),
            number=row.revenue,
            money=True,
        )
