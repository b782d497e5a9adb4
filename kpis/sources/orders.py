"""Shop orders, whichever shop wrote them: each order once, with the codes it used.

A shop source declares its ``OrderLayout`` (which column holds what); the rules are here:
an order spread over several lines (one per item bought) counts once; refunded, voided and
cancelled orders are left out; the revenue is the order's total, less what was refunded
from it where the shop says (Shopify's Refunded Amount); an order already imported is
left out; a file in another currency than the business's is refused.
"""

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.reader import BadFile, Table, cell, normalised

from .. import cells
from ..catalogue import Source
from ..models import Redemption
from .base import (
    ImportContext,
    ImportResult,
    ImportSource,
    PreviewRow,
    codes_with_report_totals,
    read_dates,
    remove_imported,
    require_columns,
    translator,
)

# The longest order number a code use keeps.
ORDER_REF_LENGTH = cast(int, Redemption._meta.get_field("order_ref").max_length)


def order_state(status: str) -> str:
    """An order's status as the shop wrote it, in one form: WooCommerce's ``wc-`` dropped,
    Square's Refund event said as the state it leaves ("refunded")."""
    state = status.lower().removeprefix("wc-")
    return {"refund": "refunded"}.get(state, state)


@dataclass(frozen=True)
class OrderLayout:
    """Where one shop's export keeps an order's number, date, total, codes and status."""

    order: str
    date: str
    total: tuple[str, ...]  # columns added up for the order's total (one, in most shops)
    codes: str
    status: str = ""
    skipped_statuses: frozenset[str] = frozenset()
    cancelled_at: str = ""  # a column that, filled in, says the order was cancelled
    refunded: str = ""  # a column of what was refunded from the order, taken off its total
    currency: str = ""
    time: str = ""  # a separate time-of-day column (not needed: the date is enough)
    day_first: bool | None = None  # the shop writes one date order whatever the country
    code_pattern: str = r"[^,;]+"  # how one code is written in the codes cell
    sum_lines: bool = False  # the total is the sum of the order's lines (item-sales reports)

    def required(self) -> tuple[str, ...]:
        return (self.order, self.date, *self.total, self.codes)


@dataclass(frozen=True)
class OrderRow:
    row: int
    order_ref: str
    date: datetime.date
    revenue: Decimal
    code: str
    partnership_id: int


@dataclass
class _Order:
    row: int
    ref: str
    date_text: str
    total: Decimal | None
    total_text: str
    codes: list[str]
    status: str
    currency: str
    cancelled: bool
    skipped: frozenset[str]


class OrderSource(ImportSource[OrderRow]):
    # The first layout whose columns are all in the file is read.
    layouts: tuple[OrderLayout, ...] = ()
    row_noun = "orders"

    def layout_for(self, positions: dict[str, int]) -> OrderLayout | None:
        for layout in self.layouts:
            if all(normalised(name) in positions for name in layout.required()):
                return layout
        return None

    def recognises(self, positions: dict[str, int]) -> bool:
        return self.layout_for(positions) is not None

    def parse(
        self, table: Table, context: ImportContext, *, mapping: dict[str, str] | None = None
    ) -> ImportResult[OrderRow]:
        positions = require_columns(table=table, required=())
        layout = self.layout_for(positions) or self.layouts[0]
        positions = require_columns(table=table, required=layout.required())
        result: ImportResult[OrderRow] = ImportResult()
        orders = self._orders(table, layout, positions, result)
        currencies = {order.currency.upper() for order in orders if order.currency}
        foreign = currencies - {context.currency}
        if foreign:
            raise BadFile(
                _(
                    "This file's orders are in %(found)s, and your business counts in "
                    "%(currency)s. Export the orders in %(currency)s, or change your "
                    "business's currency first."
                )
                % {"found": ", ".join(sorted(foreign)), "currency": context.currency}
            )
        read_date = read_dates(
            result=result,
            values=[order.date_text for order in orders],
            context=context,
            day_first=layout.day_first,
        )
        texts = translator()
        for order in orders:
            self._count(order, read_date, context, result, texts)
        reported = codes_with_report_totals(rows=result.rows, context=context)
        if reported:
            result.facts.append(
                _(
                    "Codes %(codes)s have totals from a Sales by discount report: these "
                    "orders replace them (a code's sales come from one kind of file)."
                )
                % {"codes": ", ".join(reported)}
            )
        return result

    def _orders(
        self,
        table: Table,
        layout: OrderLayout,
        positions: dict[str, int],
        result: ImportResult[OrderRow],
    ) -> list[_Order]:
        """The file's orders, each once, in the order of the file."""
        column = {name: positions.get(normalised(name)) for name in layout.required()}
        status_at = positions.get(normalised(layout.status)) if layout.status else None
        cancelled_at = (
            positions.get(normalised(layout.cancelled_at)) if layout.cancelled_at else None
        )
        currency_at = positions.get(normalised(layout.currency)) if layout.currency else None
        refunded_at = positions.get(normalised(layout.refunded)) if layout.refunded else None
        orders: dict[str, _Order] = {}
        for record in table.records[1:]:
            values = record.cells
            ref = cell(values, column[layout.order])
            if not ref:
                result.errors.append(
                    (
                        record.row,
                        _("the order number (%(column)s) is empty") % {"column": layout.order},
                    )
                )
                continue
            if len(ref) > ORDER_REF_LENGTH:
                result.errors.append(
                    (
                        record.row,
                        _(
                            "the order number “%(order)s…” is longer than %(most)s characters: "
                            "is it the right column?"
                        )
                        % {"order": ref[:20], "most": ORDER_REF_LENGTH},
                    )
                )
                continue
            order = orders.get(ref)
            if order is not None:
                # A later line saying the order was refunded or voided (Square's Refund row,
                # which may come after its payment) leaves the whole order out.
                status = cell(values, status_at).lower()
                if order_state(status) in layout.skipped_statuses:
                    order.status = status
            if order is not None and not layout.sum_lines:
                continue  # the order's first line carried its totals, status and codes
            total_text = " + ".join(cell(values, column[name]) for name in layout.total)
            total = _total(values, [column[name] for name in layout.total], table.decimal_comma)
            codes = [
                code.strip()
                for code in re.findall(layout.code_pattern, cell(values, column[layout.codes]))
                if code.strip()
            ]
            if total is not None and refunded_at is not None:
                # A partly refunded order counts for what the customer kept paying.
                refund = cells.parse_number(
                    cell(values, refunded_at), decimal_comma=table.decimal_comma
                )
                total -= abs(refund or 0)
            if order is None:
                orders[ref] = _Order(
                    row=record.row,
                    ref=ref,
                    date_text=cell(values, column[layout.date]),
                    total=total,
                    total_text=total_text,
                    codes=codes,
                    status=cell(values, status_at).lower(),
                    currency=cell(values, currency_at),
                    cancelled=bool(cell(values, cancelled_at)),
                    skipped=layout.skipped_statuses,
                )
            else:
                order.total = None if total is None or order.total is None else order.total + total
                order.codes += codes
        return list(orders.values())

    def _count(
        self,
        order: _Order,
        read_date: Callable[[str], datetime.date | None],
        context: ImportContext,
        result: ImportResult[OrderRow],
        _: Callable[[str], str],
    ) -> None:
        entered = list(dict.fromkeys(code.upper() for code in order.codes))
        if not entered:
            return  # an order without a code has nothing to do with the campaign
        code = next((code for code in entered if code in context.codes), None)
        if code is None:
            result.leave_out(
                order.row,
                _("order %(order)s used code %(code)s, which is not one of this campaign's")
                % {"order": order.ref, "code": ", ".join(entered)},
                group=_("code %(code)s is not in this campaign") % {"code": ", ".join(entered)},
            )
            return
        whose = context.partner_names.get(context.codes[code], "")
        status = order_state(order.status)
        if order.cancelled or status in order.skipped:
            # A cancelled order may still say it was paid (its money not given back yet).
            status = _("cancelled") if order.cancelled else status
            result.leave_out(
                order.row,
                _("order %(order)s was %(status)s: not counted")
                % {"order": order.ref, "status": status},
                whose=whose,
                group=status,
            )
            return
        if order.ref in context.known_orders:
            result.leave_out(
                order.row,
                _("order %(order)s was imported before") % {"order": order.ref},
                whose=whose,
                group=_("imported before"),
            )
            return
        problems = []
        day = read_date(order.date_text)
        if day is None:
            problems.append(_("the date “%(value)s” is not a date") % {"value": order.date_text})
        if order.total is None or order.total < 0:
            problems.append(
                _("the total “%(value)s” is not an amount") % {"value": order.total_text}
            )
        if problems or day is None or order.total is None:
            result.errors.append(
                (
                    order.row,
                    _("order %(order)s: %(problems)s")
                    % {"order": order.ref, "problems": "; ".join(problems)},
                )
            )
            return
        result.rows.append(
            OrderRow(order.row, order.ref, day, order.total, code, context.codes[code])
        )

    def whose(self, row: OrderRow, context: ImportContext) -> str:
        return context.partner_names.get(row.partnership_id, "")

    @transaction.atomic
    def save(self, rows: Sequence[OrderRow], *, owner: User, context: ImportContext) -> int:
        """Promo-code uses (each order number once per partnership: the database refuses a
        second copy, and the whole import with it). The codes' totals from a Sales by
        discount report are removed: their orders now count one by one."""
        remove_imported(
            context=context,
            influencer_ids={context.partner_influencers.get(row.partnership_id) for row in rows},
            source=Source.SHOP,
        )
        return len(
            Redemption.objects.bulk_create(
                [
                    Redemption(
                        owner=owner,
                        partnership_id=row.partnership_id,
                        date=row.date,
                        order_ref=row.order_ref,
                        revenue=row.revenue,
                        source=Source.SHOP,
                    )
                    for row in rows
                ],
                batch_size=2000,
            )
        )

    def amount(self, row: OrderRow) -> Decimal:
        return row.revenue

    def describe(self, row: OrderRow, context: ImportContext) -> PreviewRow:
        return PreviewRow(
            row=row.row,
            date=row.date,
            what=_("Order %(order)s, code %(code)s") % {"order": row.order_ref, "code": row.code},
            whose=self.whose(row, context),
            number=row.revenue,
            money=True,
        )


def _total(
    values: Sequence[str], positions: Sequence[int | None], decimal_comma: bool
) -> Decimal | None:
    total = Decimal(0)
    for position in positions:
        number = cells.parse_number(cell(values, position), decimal_comma=decimal_comma)
        if number is None:
            return None
        total += number
    return total
