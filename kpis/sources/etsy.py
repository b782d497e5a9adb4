"""Etsy: Shop Manager → Settings → Options → Download Data → Orders (EtsySoldOrders.csv).
One line per order; its dates are always month first (11/14/26), whatever the country.
"""

from django.utils.translation import gettext_lazy as _

from .orders import OrderLayout, OrderSource


class Etsy(OrderSource):
    key = "etsy"
    label = _("Etsy sold orders (coupon codes)")
    where = _("Shop Manager → Settings → Options → Download Data → CSV type “Orders”.")
    layouts = (
        OrderLayout(
            order="Order ID",
            date="Sale Date",
            total=("Order Total",),
            codes="Coupon Code",
            status="Status",
            skipped_statuses=frozenset({"canceled", "cancelled", "refunded"}),
            currency="Currency",
            day_first=False,
        ),
    )
