"""Real-format export files built from invented records, and Excel's re-saved variants.

Each product's column set follows its documentation and public examples (Shopify's orders
export and Sales by discount report, WooCommerce Analytics → Orders and the Customer / Order /
Coupon Export orders CSV, Square's transactions export, Etsy's EtsySoldOrders, GA4's report
downloads, Meta Business Suite's per-day account insights, TikTok Studio's Overview and
Follower History, YouTube Studio's Chart data). The tests work out expected totals from
the records here, never by reading a file back with the app's parser.
``python -m tests.kpis.exports`` writes the files under samples/.
"""

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CAMPAIGN_START = datetime.date(2026, 11, 1)
CAMPAIGN_END = datetime.date(2026, 11, 30)
PARTNERS = {"BREADLOVER": "Bristol Bread Lover", "MAYA10": "Maya Cooks Clifton"}


@dataclass(frozen=True)
class Order:
    number: str
    date: datetime.date
    total: Decimal
    code: str = ""
    status: str = "paid"  # paid, refunded, voided, cancelled
    items: tuple = ("Country sourdough loaf",)
    currency: str = "GBP"

    @property
    def counts(self):
        """Whether the campaign counts it: a partner's code, paid, within the campaign."""
        return (
            self.code in PARTNERS
            and self.status == "paid"
            and CAMPAIGN_START - datetime.timedelta(days=7) <= self.date <= CAMPAIGN_END
        )


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
            totals[order.code] = (count + 1, revenue + order.total)
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


@dataclass(frozen=True)
class Visits:
    date: datetime.date
    source: str  # session source / medium
    sessions: int


VISITS = (
    Visits(datetime.date(2026, 11, 2), "google / organic", 1240),
    Visits(datetime.date(2026, 11, 2), "bristol-bread-lover / influencer", 318),
    Visits(datetime.date(2026, 11, 2), "maya-cooks-clifton / influencer", 164),
    Visits(datetime.date(2026, 11, 3), "bristol-bread-lover / influencer", 1502),
    Visits(datetime.date(2026, 11, 3), "(direct) / (none)", 611),
    Visits(datetime.date(2026, 11, 3), "maya-cooks-clifton / instagram", 22),
    Visits(datetime.date(2026, 10, 1), "maya-cooks-clifton / influencer", 40),  # before
)
GA4_NAMES = {
    "en": (
        "Session source / medium",
        "Date",
        "Sessions",
        "Engaged sessions",
        "Grand total",
        "Start date",
        "End date",
    ),
    "fr": (
        "Source / support de la session",
        "Date",
        "Sessions",
        "Sessions avec engagement",
        "Total général",
        "Date de début",
        "Date de fin",
    ),
    "de": (
        "Sitzungsquelle/-medium",
        "Datum",
        "Sitzungen",
        "Sitzungen mit Interaktionen",
        "Gesamtsumme",
        "Startdatum",
        "Enddatum",
    ),
    "es": (
        "Fuente / medio de la sesión",
        "Fecha",
        "Sesiones",
        "Sesiones con interacción",
        "Total general",
        "Fecha de inicio",
        "Fecha de finalización",
    ),
}


def influencer_visits(visits=VISITS):
    """{(day, influencer name): sessions} the campaign counts, from the records."""
    slugs = {
        "bristol-bread-lover": "Bristol Bread Lover",
        "maya-cooks-clifton": "Maya Cooks Clifton",
    }
    totals = {}
    for visit in visits:
        name = slugs.get(visit.source.split(" / ")[0])
        if name and CAMPAIGN_START - datetime.timedelta(days=7) <= visit.date <= CAMPAIGN_END:
            totals[(visit.date, name)] = totals.get((visit.date, name), 0) + visit.sessions
    return totals


def ga4_preamble(language, *, start, end):
    names = GA4_NAMES[language]
    return [
        "# ----------------------------------------",
        "# Traffic acquisition: Session source / medium",
        "# Account: Rosie's Bakery",
        "# Property: rosies-bakery.example - GA4",
        "# ----------------------------------------",
        "#",
        "# All Users",
        f"# {names[5]}: {start:%Y%m%d}",
        f"# {names[6]}: {end:%Y%m%d}",
        "# ----------------------------------------",
    ]


def ga4_source_by_date(language="en", visits=VISITS):
    """Session source / medium with the secondary dimension Date, a Grand total row, and a
    second table (by date) after a blank row, as a GA4 report download holds."""
    names = GA4_NAMES[language]
    header = [names[0], names[1], names[2], names[3]]
    total = sum(visit.sessions for visit in visits)
    rows = [[names[4], "", total, total // 2]] + [
        [visit.source, visit.date.strftime("%Y%m%d"), visit.sessions, visit.sessions // 2]
        for visit in visits
    ]
    second = [[], [names[1], names[2]]] + [
        [visit.date.strftime("%Y%m%d"), visit.sessions] for visit in visits[:2]
    ]
    preamble = ga4_preamble(
        language, start=min(v.date for v in visits), end=max(v.date for v in visits)
    )
    return header, rows + second, preamble


# ---------------------------------------------------------------- writing and re-saving


def render(header, rows, *, variant="plain", preamble=(), quote_all=False):
    """Bytes of a file as the product writes it (``plain``: UTF-8, commas, LF, the comment
    lines bare) or as Excel saves it again: ``bom`` (CSV UTF-8: BOM, CRLF, comment lines
    padded with commas), ``cp1252`` (CSV on Windows), ``semicolon`` (CSV in countries with a
    decimal comma), ``utf16`` (Unicode Text: UTF-16 with BOM, tabs). ``quote_all``: every
    cell in quotes, as TikTok and Meta write them (Excel drops them when it saves again)."""
    delimiter = {"semicolon": ";", "utf16": "\t"}.get(variant, ",")
    decimal = "," if variant == "semicolon" else "."
    newline = "\n" if variant == "plain" else "\r\n"
    width = len(header)
    buffer = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all and variant == "bom" else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    for line in preamble:
        if variant == "plain":
            buffer.write(line + newline)
        else:
            writer.writerow([line] + [""] * (width - 1))
    writer.writerow(header)
    for row in rows:
        writer.writerow([_format(value, decimal) for value in row])
    text = buffer.getvalue()
    encoding = {"bom": "utf-8-sig", "cp1252": "cp1252", "utf16": "utf-16"}.get(variant, "utf-8")
    return text.encode(encoding)


VARIANTS = ("plain", "bom", "cp1252", "semicolon", "utf16")


def _format(value, decimal):
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", decimal)
    return "" if value is None else str(value)


def _ga4(language, variant):
    header, rows, preamble = ga4_source_by_date(language)
    return render(header, rows, variant=variant, preamble=preamble)


@dataclass(frozen=True)
class SocialPost:
    post_id: str
    account: str
    date: datetime.date
    reach: int
    likes: int
    comments: int
    shares: int
    saves: int = 0
    kind: str = "IG carousel"


POSTS = (
    SocialPost(
        "17900000000000001", "bristolbreadlover", datetime.date(2026, 11, 3), 5900, 410, 35, 12, 20
    ),
    SocialPost(
        "17900000000000002",
        "bristolbreadlover",
        datetime.date(2026, 11, 9),
        12_300,
        1_204,
        88,
        40,
        61,
        "IG reel",
    ),
    SocialPost("17900000000000003", "mayacooks", datetime.date(2026, 11, 10), 2_100, 150, 9, 3),
    SocialPost("17900000000000004", "someoneelse", datetime.date(2026, 11, 10), 800, 50, 2, 1),
)
INSTAGRAM_HEADER = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]


def instagram(posts=POSTS):
    """Meta Business Suite's posts export: dates month first with a time, a caption with a
    line break and an emoji."""
    rows = [
        [
            post.post_id,
            "17841400000000000",
            post.account,
            post.account.title(),
            "New loaf!\nCome by 🍞",
            "",
            post.date.strftime("%m/%d/%Y 10:15"),
            f"https://www.instagram.com/p/{post.post_id[-6:]}/",
            post.kind,
            "",
            "Lifetime",
            post.reach * 2,
            post.reach,
            post.likes,
            post.shares,
            3,
            post.comments,
            post.saves,
        ]
        for post in posts
    ]
    return INSTAGRAM_HEADER, rows


def counted_interactions(posts=POSTS, handles=("bristolbreadlover", "mayacooks")):
    """{account: (posts, likes + comments + shares, reach)} of the partners' posts."""
    totals = {}
    for post in posts:
        if post.account in handles:
            count, interactions, reach = totals.get(post.account, (0, 0, 0))
            totals[post.account] = (
                count + 1,
                interactions + post.likes + post.comments + post.shares,
                reach + post.reach,
            )
    return totals


@dataclass(frozen=True)
class AccountDay:
    """One day of an account's insights."""

    date: datetime.date
    views: int
    reach: int
    likes: int
    comments: int
    shares: int
    followers: int

    @property
    def engagement(self):
        return self.likes + self.comments + self.shares

    @property
    def counts(self):
        return CAMPAIGN_START - datetime.timedelta(days=7) <= self.date <= CAMPAIGN_END


ACCOUNT_DAYS = (
    AccountDay(datetime.date(2026, 10, 10), 300, 210, 12, 1, 0, 1_180),  # before
    AccountDay(datetime.date(2026, 11, 2), 1_850, 1_204, 96, 7, 3, 1_232),
    AccountDay(datetime.date(2026, 11, 3), 12_400, 8_930, 1_310, 84, 41, 1_297),
    AccountDay(datetime.date(2026, 11, 4), 2_070, 1_511, 104, 9, 0, 1_301),
)


def counted_days(days=ACCOUNT_DAYS, part="engagement"):
    """{day: number} of the days the campaign counts, from the records."""
    return {day.date: getattr(day, part) for day in days if day.counts}


def meta_days(metric="reach", days=ACCOUNT_DAYS):
    """Meta Business Suite's export of one number per day: Excel's "sep=," line, the
    number's name, then Date (with a time) and Primary. (header, rows, preamble)."""
    title, part = {
        "reach": ("Instagram reach", "reach"),
        "interactions": ("Content interactions", "engagement"),
        "follows": ("Instagram follows", "followers"),
    }[metric]
    rows = [[f"{day.date.isoformat()}T00:00:00", getattr(day, part)] for day in days]
    return ["Date", "Primary"], rows, ["sep=,", title]


def meta_file(metric="reach", days=ACCOUNT_DAYS):
    """As Meta writes it: UTF-16 with a byte-order mark, commas, every cell quoted."""
    header, rows, preamble = meta_days(metric, days)
    buffer = io.StringIO()
    for line in preamble[:1]:
        buffer.write(line + "\n")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(preamble[1:])
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-16")


# TikTok Studio's files: UTF-8 with a byte-order mark, every cell in quotes.
TIKTOK_WRITES = {"variant": "bom", "quote_all": True}


def tiktok_overview(days=ACCOUNT_DAYS):
    """TikTok Studio's Overview.csv: days without the year ("November 3")."""
    header = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
    rows = [
        [f"{day.date:%B} {day.date.day}", day.views, 14, day.likes, day.comments, day.shares]
        for day in days
    ]
    return header, rows


def tiktok_followers(days=ACCOUNT_DAYS):
    """TikTok Studio's FollowerHistory.csv: days without the year ("3 November")."""
    header = ["Date", "Followers", "Difference in followers from previous day"]
    rows, previous = [], None
    for day in days:
        change = 0 if previous is None else day.followers - previous
        rows.append([f"{day.date.day} {day.date:%B}", day.followers, change])
        previous = day.followers
    return header, rows


def youtube_chart(days=ACCOUNT_DAYS):
    """YouTube Studio's Chart data.csv split by content: a row per day and video (a day's
    numbers shared between two videos), under a Total row."""
    header = ["Date", "Content", "Video title", "Views", "Likes", "Comments added", "Shares"]
    total = ["Total", "", ""] + [
        sum(getattr(day, part) for day in days) for part in ("views", "likes", "comments", "shares")
    ]
    rows = [total]
    videos = (("dQw4w9WgXcQ", "Sourdough at home, part 2"), ("kJQP7kiw5Fk", "Our bakery tour"))
    for day in days:
        numbers = [day.views, day.likes, day.comments, day.shares]
        second = [number // 3 for number in numbers]
        first = [number - share for number, share in zip(numbers, second, strict=True)]
        for (video, title), part in zip(videos, (first, second), strict=True):
            rows.append([day.date.isoformat(), video, title, *part])
    return header, rows


FILES: dict[str, Callable[[], bytes]] = {
    "shopify_orders_line_items.csv": lambda: render(*shopify()),
    "woocommerce_analytics_orders.csv": lambda: render(*woocommerce_analytics()),
    "square_transactions.csv": lambda: render(*square()),
    "etsy_sold_orders.csv": lambda: render(*etsy()),
    "shopify_sales_by_discount_by_day.csv": lambda: render(*shopify_discounts()),
    "shopify_sales_by_discount.csv": lambda: render(*shopify_discounts(by_day=False)),
    "ga4_source_medium_by_date.csv": lambda: _ga4("en", "plain"),
    "ga4_source_medium_by_date_fr_excel.csv": lambda: _ga4("fr", "semicolon"),
    "ga4_source_medium_by_date_de_unicode.txt": lambda: _ga4("de", "utf16"),
    "ga4_source_medium_by_date_es.csv": lambda: _ga4("es", "bom"),
    "shopify_orders_excel_windows.csv": lambda: render(*shopify(), variant="cp1252"),
    "instagram_posts_meta_business_suite.csv": lambda: render(*instagram(), variant="utf16"),
    "meta_instagram_reach_per_day.csv": meta_file,
    "meta_content_interactions_per_day.csv": lambda: meta_file("interactions"),
    "tiktok_studio_overview.csv": lambda: render(*tiktok_overview(), **TIKTOK_WRITES),
    "tiktok_studio_follower_history.csv": lambda: render(*tiktok_followers(), **TIKTOK_WRITES),
    "youtube_studio_chart_data.csv": lambda: render(*youtube_chart()),
}


if __name__ == "__main__":
    for name, build in FILES.items():
        (SAMPLES / name).write_bytes(build())
