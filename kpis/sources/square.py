"""Square Dashboard: Transactions → Export (one line per payment, its total collected), and
Item sales → Export (one line per item; a payment's lines added up). The discount's name is
the promo code; refunds are left out.
"""

from django.utils.translation import gettext_lazy as _

from .orders import OrderLayout, OrderSource

REFUNDS = frozenset({"refund", "refunded", "failed", "voided", "canceled", "cancelled"})


class Square(OrderSource):
    key = "square"
    label = _("Square transactions or item sales (discount name as the code)")
    where = _(
        "Square Dashboard → Transactions → Export → Transactions CSV, or Reports → Item sales "
        "→ Export. Name each influencer's discount after their promo code."
    )
    layouts = (
        OrderLayout(
            order="Transaction ID",
            date="Date",
            total=("Total Collected",),
            codes="Discount Name",
            status="Event Type",
            skipped_statuses=REFUNDS,
        ),
        OrderLayout(
            order="Transaction ID",
            date="Date",
            total=("Net Sales", "Tax"),
            codes="Discount Name",
            status="Event Type",
            skipped_statuses=REFUNDS,
            sum_lines=True,
        ),
    )
