"""Shop orders as Shopify, WooCommerce, Square and Etsy export them, and Shopify's Sales by
discount report."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .writing import CAMPAIGN_END, CAMPAIGN_START, PARTNERS


@dataclass(frozen=True)
class Order:
    number: str
    date: datetime.date
    total: Decimal
    code: str = ""
    status: str = "paid"  # paid, refunded, voided, cancelled
    items: tuple = ("Country sourdough loaf",)
    currency: str = "GBP"
    refunded: Decimal = Decimal(0)  # part of the total given back (Shopify: partially_refunded)

    @property
    def counts(self):
        """Whether the campaign counts it: a partner's code, paid, from the start to the end."""
        return (
            self.code in PARTNERS
            and self.status in PAID
            and CAMPAIGN_START <= self.date <= CAMPAIGN_END
        )


PAID = {"paid", "partially_refunded"}
ORDERS = (
    Order("1001", datetime.date(2026, 11, 3), Decimal("6.82"), "BREADLOVER"),
    Order("1002", datetime.date(2026, 11, 4), Decimal("12.94"), "MAYA10", items=("Bun", "Loaf")),
    Order(
        "1003", datetime.date(2026, 11, 5), Decimal("1234.50"), "BREADLOVER", items=("Cake",) * 3
    ),
    Order("1004", datetime.date(2026, 11, 6), Decimal("9.00"), "WELCOME5"),
    Order("1005", datetime.date(2026, 11, 7), Decimal("15.40"), "MAYA10", status="refunded"),
    Order("1006", datetime.date(2026, 11, 8), Decimal("22.00")),
    Order("1007", datetime.date(2026, 10, 2), Decimal("30.00"), "BREADLOVER"),  # before
    Order("1008", datetime.date(2026, 11, 12), Decimal("8.75"), "MAYA10", status="cancelled"),
    Order("1009", datetime.date(2026, 11, 14), Decimal("18.20"), "MAYA10", items=("Tart", "Pie")),
    Order("1010", datetime.date(2026, 11, 15), Decimal("3.10"), "BREADLOVER", status="voided"),
)


def counted_revenue(orders=ORDERS):
    """{promo code: (orders counted, revenue)} worked out from the records."""
    totals = {}
    for order in orders:
        if order.counts:
            count, revenue = totals.get(order.code, (0, Decimal(0)))
            totals[order.code] = (count + 1, revenue + order.total - order.refunded)
    return totals


# ---------------------------------------------------------------- the products' layouts

SHOPIFY_HEADER = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Fulfilled at",
    "Accepts Marketing",
    "Currency",
    "Subtotal",
    "Shipping",
    "Taxes",
    "Total",
    "Discount Code",
    "Discount Amount",
    "Shipping Method",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem compare at price",
    "Lineitem sku",
    "Lineitem requires shipping",
    "Lineitem taxable",
    "Lineitem fulfillment status",
    "Billing Name",
    "Billing Street",
    "Billing City",
    "Billing Zip",
    "Billing Country",
    "Notes",
    "Cancelled at",
    "Payment Method",
    "Refunded Amount",
    "Vendor",
    "Id",
    "Tags",
    "Risk Level",
    "Source",
    "Lineitem discount",
    "Phone",
]


def shopify(orders=ORDERS):
    """One line per item; only the order's first line carries its totals and code. A note
    with a line break, as customers type them."""
    rows = []
    for order in orders:
        status = {"cancelled": "paid"}.get(order.status, order.status)
        stamp = f"{order.date.isoformat()} 10:15:00 +0000"
        for index, item in enumerate(order.items):
            first = index == 0
            row = dict.fromkeys(SHOPIFY_HEADER, "")
            row.update(
                {
                    "Name": f"#{order.number}",
                    "Lineitem quantity": 1,
                    "Lineitem name": item,
                    "Lineitem price": Decimal("3.20"),
                    "Created at": stamp,
                }
            )
            if first:
                row.update(
                    {
                        "Email": f"customer{order.number}@example.com",
                        "Financial Status": status,
                        "Paid at": stamp,
                        "Currency": order.currency,
                        "Subtotal": order.total,
                        "Shipping": Decimal("0.00"),
                        "Taxes": Decimal("0.00"),
                        "Total": order.total,
                        "Discount Code": order.code,
                        "Billing Name": "Zoë Brontë" if order.number == "1003" else "Alice Hart",
                        "Billing Street": "12 Park Row",
                        "Billing City": "Bristol",
                        "Notes": "Please ring twice,\nthe bell is broken"
                        if order.number == "1002"
                        else "",
                        "Cancelled at": stamp if order.status == "cancelled" else "",
                        "Refunded Amount": order.refunded or "",
                        "Id": f"55510{order.number}",
                    }
                )
            rows.append([row[name] for name in SHOPIFY_HEADER])
    return SHOPIFY_HEADER, rows


WOO_ANALYTICS_HEADER = [
    "Date",
    "Order #",
    "Status",
    "Customer",
    "Customer type",
    "Product(s)",
    "Items sold",
    "Coupon(s)",
    "Net sales",
    "Attribution",
]
WOO_STATUS = {
    "paid": "Completed",
    "refunded": "Refunded",
    "cancelled": "Cancelled",
    "voided": "Failed",
}


def woocommerce_analytics(orders=ORDERS):
    rows = [
        [
            order.date.isoformat(),
            order.number,
            WOO_STATUS[order.status],
            "Alice Hart",
            "new",
            ", ".join(order.items),
            len(order.items),
            order.code.lower(),
            order.total,
            "Direct",
        ]
        for order in orders
    ]
    return WOO_ANALYTICS_HEADER, rows


SQUARE_HEADER = [
    "Date",
    "Time",
    "Time Zone",
    "Gross Sales",
    "Discounts",
    "Service Charges",
    "Net Sales",
    "Gift Card Sales",
    "Tax",
    "Tip",
    "Partial Refunds",
    "Total Collected",
    "Source",
    "Card",
    "Card Entry Methods",
    "Cash",
    "Square Gift Card",
    "Other Tender",
    "Other Tender Type",
    "Other Tender Note",
    "Fees",
    "Net Total",
    "Transaction ID",
    "Payment ID",
    "Card Brand",
    "PAN Suffix",
    "Device Name",
    "Staff Name",
    "Staff ID",
    "Details",
    "Description",
    "Event Type",
    "Location",
    "Dining Option",
    "Customer ID",
    "Customer Name",
    "Customer Reference ID",
    "Device Nickname",
    "Discount Name",
    "Transaction Status",
]


def square(orders=ORDERS):
    rows = []
    for order in orders:
        row = dict.fromkeys(SQUARE_HEADER, "")
        row.update(
            {
                "Date": order.date.isoformat(),
                "Time": "10:15:00",
                "Time Zone": "London",
                "Total Collected": order.total,
                "Net Sales": order.total,
                "Tax": Decimal("0.00"),
                "Transaction ID": f"sq{order.number}",
                "Event Type": "Refund" if order.status != "paid" else "Payment",
                "Description": ", ".join(order.items),
                "Location": "Rosie's Bakery",
                "Discount Name": order.code,
                "Transaction Status": "Complete",
            }
        )
        rows.append([row[name] for name in SQUARE_HEADER])
    return SQUARE_HEADER, rows


ETSY_HEADER = [
    "Sale Date",
    "Order ID",
    "Buyer User ID",
    "Full Name",
    "First Name",
    "Last Name",
    "Number of Items",
    "Payment Method",
    "Date Shipped",
    "Street 1",
    "Street 2",
    "Ship City",
    "Ship State",
    "Ship Zipcode",
    "Ship Country",
    "Currency",
    "Order Value",
    "Coupon Code",
    "Coupon Details",
    "Discount Amount",
    "Shipping Discount",
    "Shipping",
    "Sales Tax",
    "Order Total",
    "Status",
    "Card Processing Fees",
    "Order Net",
    "Adjusted Order Total",
    "Adjusted Card Processing Fees",
    "Adjusted Net Order Amount",
    "Buyer",
    "Order Type",
    "Payment Type",
    "InPerson Discount",
    "InPerson Location",
    "SKU",
]


def etsy(orders=ORDERS):
    rows = []
    for order in orders:
        row = dict.fromkeys(ETSY_HEADER, "")
        row.update(
            {
                "Sale Date": order.date.strftime("%m/%d/%y"),
                "Order ID": f"31{order.number}",
                "Full Name": "Alice Hart",
                "Number of Items": len(order.items),
                "Currency": order.currency,
                "Order Value": order.total,
                "Coupon Code": order.code,
                "Order Total": order.total,
                "Status": {"paid": "Completed", "refunded": "Refunded"}.get(
                    order.status, "Canceled"
                ),
                "Order Type": "online",
            }
        )
        rows.append([row[name] for name in ETSY_HEADER])
    return ETSY_HEADER, rows


@dataclass(frozen=True)
class DiscountSales:
    """One line of Shopify's Sales by discount report: a discount's orders on a day."""

    code: str  # "" for an automatic discount (no code typed)
    date: datetime.date
    orders: int
    gross: Decimal
    discounts: Decimal
    returns: Decimal = Decimal(0)
    shipping: Decimal = Decimal("3.50")
    name: str = ""

    @property
    def total_sales(self):
        return self.gross - self.discounts - self.returns + self.shipping

    @property
    def counts(self):
        return (
            self.code in PARTNERS
            and CAMPAIGN_START - datetime.timedelta(days=7) <= self.date <= CAMPAIGN_END
        )


DISCOUNT_SALES = (
    DiscountSales("BREADLOVER", datetime.date(2026, 11, 3), 4, Decimal("64.00"), Decimal("6.40")),
    DiscountSales("MAYA10", datetime.date(2026, 11, 3), 2, Decimal("1240.00"), Decimal("124.00")),
    DiscountSales(
        "BREADLOVER",
        datetime.date(2026, 11, 4),
        3,
        Decimal("48.00"),
        Decimal("4.80"),
        returns=Decimal("16.00"),
    ),
    DiscountSales("WELCOME5", datetime.date(2026, 11, 4), 5, Decimal("80.00"), Decimal("5.00")),
    DiscountSales(
        "",
        datetime.date(2026, 11, 4),
        7,
        Decimal("70.00"),
        Decimal("7.00"),
        name="Free delivery over £30",
    ),
    DiscountSales("MAYA10", datetime.date(2026, 10, 2), 1, Decimal("20.00"), Decimal("2.00")),
)
SHOPIFY_DISCOUNTS_HEADER = [
    "Discount name",
    "Discount code",
    "Discount method",
    "Discount type",
    "Orders",
    "Gross sales",
    "Discounts",
    "Returns",
    "Net sales",
    "Shipping charges",
    "Taxes",
    "Total sales",
]


def shopify_discounts(sales=DISCOUNT_SALES, *, by_day=True):
    """Analytics → Reports → Sales by discount, grouped by Day (or not: one line per
    discount for the whole period). Discounts are written negative, as Shopify does."""
    lines = {}
    for sale in sales:
        key = (sale.date if by_day else None, sale.code, sale.name)
        lines.setdefault(key, []).append(sale)
    rows = []
    for (day, code, name), group in lines.items():
        gross = sum(sale.gross for sale in group)
        discounts = sum(sale.discounts for sale in group)
        returns = sum(sale.returns for sale in group)
        shipping = sum(sale.shipping for sale in group)
        row = [
            name or f"{code.title()} influencer code",
            code,
            "Discount code" if code else "Automatic",
            "Percentage",
            sum(sale.orders for sale in group),
            gross,
            -discounts,
            -returns,
            gross - discounts - returns,
            shipping,
            Decimal("0.00"),
            sum(sale.total_sales for sale in group),
        ]
        rows.append(([day.isoformat()] if by_day else []) + row)
    return (["Day"] if by_day else []) + SHOPIFY_DISCOUNTS_HEADER, rows


def counted_discount_sales(sales=DISCOUNT_SALES, *, by_day=True):
    """{promo code: (orders, total sales)} the campaign counts, from the records (without
    dates by row, every line of a partner's code counts)."""
    totals = {}
    for sale in sales:
        if sale.counts or (not by_day and sale.code in PARTNERS):
            orders, revenue = totals.get(sale.code, (0, Decimal(0)))
            totals[sale.code] = (orders + sale.orders, revenue + sale.total_sales)
    return totals
