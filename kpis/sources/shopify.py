"""Shopify: Orders → Export → “CSV for Excel, Numbers, or other spreadsheet programs”.

One line per item bought; the order's first line carries its totals, status and codes
(several codes are written "CODE1, CODE2").
"""

from django.utils.translation import gettext_lazy as _

from .orders import OrderLayout, OrderSource


class Shopify(OrderSource):
    key = "shopify"
    label = _("Shopify orders export (promo codes and revenue)")
    where = _(
        "Orders → Export → All orders → “CSV for Excel, Numbers, or other spreadsheet programs”."
    )
    layouts = (
        OrderLayout(
            order="Name",
            date="Created at",
            total=("Total",),
            codes="Discount Code",
            status="Financial Status",
            skipped_statuses=frozenset({"refunded", "voided"}),
            cancelled_at="Cancelled at",
            currency="Currency",
            refunded="Refunded Amount",
        ),
    )
