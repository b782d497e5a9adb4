"""Every shop's orders export, as the shop writes it and as Excel saves it again, counts each
campaign order once with its total; expected totals come from the records."""

import datetime
from decimal import Decimal

import pytest

from accounts import reader
from kpis import sources

from . import exports
from .import_context import PARTNERSHIPS, campaign_context

SHOPS = {
    "shopify": exports.shopify,
    "woocommerce": exports.woocommerce_analytics,
    "square": exports.square,
    "etsy": exports.etsy,
}


def read(data, key=None, **context):
    table = reader.read_table(data)
    source = sources.get(key) if key else sources.recognise(table)
    return source, source.read(table, campaign_context(**context))


def totals_by_code(result):
    code_of = {pk: code for code, pk in PARTNERSHIPS.items()}
    totals = {}
    for row in result.rows:
        count, revenue = totals.get(code_of[row.partnership_id], (0, Decimal(0)))
        totals[code_of[row.partnership_id]] = (count + 1, revenue + row.revenue)
    return totals


@pytest.mark.parametrize("variant", [*exports.VARIANTS, "utf16_de"])
@pytest.mark.parametrize("key", SHOPS)
def test_each_campaign_order_counts_once_with_its_total(key, variant):
    data = exports.render(*SHOPS[key](), variant=variant)

    source, result = read(data)

    assert source.key == key
    assert result.errors == []
    assert totals_by_code(result) == exports.counted_revenue()


@pytest.mark.parametrize("key", SHOPS)
def test_refunded_cancelled_and_early_orders_are_listed_as_left_out(key):
    _source, result = read(exports.render(*SHOPS[key]()))

    left_out = " ".join(item.reason for item in result.left_out)
    not_counted = [o for o in exports.ORDERS if o.code in exports.PARTNERS and not o.counts]
    assert len(result.left_out) == len(not_counted) + 1  # and WELCOME5, not a campaign code
    assert "WELCOME5" in left_out
    assert "before the campaign starts" in left_out


def test_spreadsheet_rows_not_lines_name_an_order():
    """Order 1002's note has a line break: the orders after it keep their spreadsheet row."""
    header, rows = exports.shopify()
    for row in rows:
        if row[0] == "#1009":
            row[header.index("Total")] = "twelve"
    expected_row = 1 + next(i for i, row in enumerate(rows, start=1) if row[0] == "#1009")

    _source, result = read(exports.render(header, rows))

    assert result.errors == [(expected_row, "order #1009: the total “twelve” is not an amount")]


def test_orders_in_another_currency_are_refused():
    orders = [exports.Order("1", exports.CAMPAIGN_START, Decimal(5), "MAYA10", currency="EUR")]
    with pytest.raises(reader.BadFile, match="in EUR, and your business counts in GBP"):
        read(exports.render(*exports.shopify(orders)))


@pytest.mark.parametrize("key", SHOPS)
def test_an_order_in_the_week_before_the_start_is_not_the_campaigns(key):
    """Readings may reach back a week before the start (the baseline); a code used then is
    neither a result nor a baseline, so the preview says it is left out."""
    early = exports.CAMPAIGN_START - datetime.timedelta(days=2)
    orders = [
        exports.Order("2001", early, Decimal("40.00"), "MAYA10"),
        exports.Order("2002", exports.CAMPAIGN_START, Decimal("12.00"), "MAYA10"),
    ]

    _source, result = read(exports.render(*SHOPS[key](orders)))

    assert [row.revenue for row in result.rows] == [Decimal("12.00")]
    assert [item.reason for item in result.left_out] == [
        f"{early.isoformat()} is before the campaign starts ({exports.CAMPAIGN_START.isoformat()})"
    ]


def test_an_order_number_longer_than_we_keep_is_named_in_the_preview():
    long_number = "9" * 61
    orders = [exports.Order(long_number, exports.CAMPAIGN_START, Decimal("12.00"), "MAYA10")]

    _source, result = read(exports.render(*exports.shopify(orders)))

    assert result.rows == []
    [(_row, message)] = result.errors
    assert message.endswith("…” is longer than 60 characters: is it the right column?")


def test_a_partly_refunded_shopify_order_counts_what_the_customer_kept_paying():
    orders = [
        exports.Order(
            "2101",
            exports.CAMPAIGN_START,
            Decimal("50.00"),
            "BREADLOVER",
            status="partially_refunded",
            refunded=Decimal("30.00"),
        ),
        exports.Order("2102", exports.CAMPAIGN_START, Decimal("20.00"), "BREADLOVER"),
    ]

    _source, result = read(exports.render(*exports.shopify(orders)))

    assert result.errors == []
    assert (
        totals_by_code(result)
        == exports.counted_revenue(orders)
        == {"BREADLOVER": (2, Decimal("40.00"))}
    )


def test_a_square_refund_row_after_its_payment_leaves_the_payment_out():
    """Sorted oldest first, Square's Refund row of a transaction comes after its Payment."""
    header, rows = exports.square(
        [exports.Order("3001", exports.CAMPAIGN_START, Decimal("6.82"), "BREADLOVER")]
    )
    refund = list(rows[0])
    refund[header.index("Event Type")] = "Refund"
    refund[header.index("Total Collected")] = "-6.82"

    _source, result = read(exports.render(header, [rows[0], refund]))

    assert result.rows == []
    assert ["was refunded: not counted" in item.reason for item in result.left_out] == [True]


def test_orders_imported_before_are_not_counted_again():
    _source, result = read(exports.render(*exports.shopify()), known_orders=frozenset({"#1001"}))

    assert "#1001" not in {row.order_ref for row in result.rows}
    assert any("order #1001 was imported before" in item.reason for item in result.left_out)


def test_the_woocommerce_orders_csv_export_layout():
    header = [
        "order_id",
        "order_number",
        "order_date",
        "status",
        "order_total",
        "order_currency",
        "coupon_items",
    ]
    rows = [
        [
            "71",
            "1071",
            "2026-11-03 09:12:40",
            "completed",
            Decimal("20.00"),
            "GBP",
            "code:maya10|amount:2.00",
        ],
        [
            "72",
            "1072",
            "2026-11-04 10:00:00",
            "refunded",
            Decimal("8.00"),
            "GBP",
            "code:maya10|amount:0.80",
        ],
        [
            "73",
            "1073",
            "2026-11-05 11:00:00",
            "processing",
            Decimal("5.50"),
            "GBP",
            "code:x|amount:1;code:breadlover|amount:0.50",
        ],
    ]

    source, result = read(exports.render(header, rows))

    assert source.key == "woocommerce"
    assert totals_by_code(result) == {
        "MAYA10": (1, Decimal("20.00")),
        "BREADLOVER": (1, Decimal("5.50")),
    }


@pytest.mark.parametrize("name", exports.FILES)
def test_the_samples_are_the_records_here(name):
    """So the totals worked out from the records are the samples' totals too."""
    assert (exports.SAMPLES / name).read_bytes() == exports.FILES[name]()


def test_square_item_sales_add_up_each_payments_lines():
    header = [
        "Date",
        "Time",
        "Time Zone",
        "Category",
        "Item",
        "Qty",
        "Price Point Name",
        "SKU",
        "Modifiers Applied",
        "Gross Sales",
        "Discounts",
        "Net Sales",
        "Tax",
        "Transaction ID",
        "Payment ID",
        "Device Name",
        "Notes",
        "Details",
        "Event Type",
        "Location",
        "Discount Name",
    ]
    lines = [  # (payment, net sales, tax, event, discount name)
        ("p1", Decimal("4.32"), Decimal("0.00"), "Payment", "MAYA10"),
        ("p1", Decimal("2.88"), Decimal("0.58"), "Payment", "MAYA10"),
        ("p2", Decimal("9.00"), Decimal("1.80"), "Payment", ""),
        ("p3", Decimal("5.00"), Decimal("1.00"), "Refund", "BREADLOVER"),
    ]
    rows = [
        [
            "2026-11-03",
            "10:15:00",
            "London",
            "Bread",
            "Loaf",
            1,
            "",
            "",
            "",
            net,
            "",
            net,
            tax,
            payment,
            f"{payment}-1",
            "Till",
            "",
            "",
            event,
            "Rosie's",
            code,
        ]
        for payment, net, tax, event, code in lines
    ]

    source, result = read(exports.render(header, rows, variant="semicolon"))

    assert source.key == "square"
    paid = [(net + tax) for payment, net, tax, event, code in lines if payment == "p1"]
    assert totals_by_code(result) == {"MAYA10": (1, sum(paid))}
    assert [item.group for item in result.left_out] == ["refunded"]


def test_a_cancelled_order_is_left_out_as_cancelled_even_when_it_says_paid():
    # Shopify keeps "paid" on an order cancelled before its money was given back.
    header, rows = exports.shopify()
    (row,) = [row for row in rows if row[0] == "#1008"]
    assert row[header.index("Financial Status")] == "paid" and row[header.index("Cancelled at")]

    _source, result = read(exports.render(header, rows))

    assert "order #1008 was cancelled: not counted" in [item.reason for item in result.left_out]
