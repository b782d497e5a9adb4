"""WooCommerce, in its two downloads: Analytics → Orders → Download (one line per order,
coupons as "summer20, maya10", net sales as the revenue), and the orders CSV of the
Customer / Order / Coupon Export extension (``coupon_items`` as "code:maya10|amount:1.20",
several joined by ";").
"""

from django.utils.translation import gettext_lazy as _

from .orders import OrderLayout, OrderSource

NOT_PAID = frozenset({"refunded", "cancelled", "failed", "pending", "pending payment", "trash"})


class WooCommerce(OrderSource):
    key = "woocommerce"
    label = _("WooCommerce orders (Analytics → Orders, or the orders CSV export)")
    where = _(
        "Analytics → Orders → Download, or WooCommerce → Export → Orders (CSV). Refunded, "
        "cancelled, failed and unpaid orders are left out."
    )
    layouts = (
        OrderLayout(
            order="Order #",
            date="Date",
            total=("Net sales",),
            codes="Coupon(s)",
            status="Status",
            skipped_statuses=NOT_PAID,
        ),
        OrderLayout(
            order="order_number",
            date="order_date",
            total=("order_total",),
            codes="coupon_items",
            status="status",
            skipped_statuses=NOT_PAID,
            currency="order_currency",
            code_pattern=r"code:([^|;]+)",
        ),
    )
