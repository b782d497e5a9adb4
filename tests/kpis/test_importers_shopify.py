"""Shopify's orders export: one line per item, each order counted once, codes to partners."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kpis import importers
from kpis.importers import BadFile

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CODES = {"BREADLOVER": 1, "MAYA10": 2, "SAMEATS": 3}
HEADER = (
    "Name,Email,Financial Status,Paid at,Subtotal,Shipping,Taxes,Total,Discount Code,"
    "Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price\n"
)


def parse(text, known_orders=frozenset()):
    return importers.parse_shopify_orders(text, CODES, known_orders)


def order(name, total, code, status="paid", created="2026-11-04 10:07:12 +0000", item="Loaf"):
    return (
        f"{name},a@example.com,{status},{created},{total},0.00,0.00,{total},{code},0.00,"
        f"{created},1,{item},{total}\n"
    )


def item_line(name, item="Bun", created="2026-11-04 10:07:12 +0000"):
    return f"{name},a@example.com,,,,,,,,,{created},2,{item},3.20\n"


def test_the_sample_export_counts_each_order_once():
    text = importers.decode((SAMPLES / "shopify_orders_export.csv").read_bytes())

    result = parse(text)

    refs = [row.order_ref for row in result.rows]
    assert result.errors == []
    assert len(refs) == len(set(refs))
    assert "#1002" in refs  # an order spread over two item lines
    assert {row.code for row in result.rows} <= set(CODES)
    # #1010 was refunded and #1014 voided; #1006 used another shop code.
    assert "#1010" not in refs and "#1014" not in refs
    noted = " ".join(reason for _line, reason in result.notes)
    assert "#1010 was refunded" in noted and "#1014 was voided" in noted
    assert "WELCOME5" in noted


def test_an_order_over_several_item_lines_counts_once_with_its_total():
    text = HEADER + order("#1", "21.40", "maya10") + item_line("#1") + item_line("#1", "Rye")

    result = parse(text)

    assert len(result.rows) == 1
    row = result.rows[0]
    assert (row.line, row.order_ref, row.revenue, row.code, row.partnership_id) == (
        2,
        "#1",
        Decimal("21.40"),
        "MAYA10",
        2,
    )
    assert row.date == datetime.date(2026, 11, 4)


def test_orders_without_a_code_are_ignored_without_a_word():
    result = parse(HEADER + order("#1", "9.00", "") + item_line("#1"))

    assert (result.rows, result.errors, result.notes) == ([], [], [])


def test_an_unknown_code_is_left_out_with_a_note_not_an_error():
    result = parse(HEADER + order("#7", "9.00", "XMAS20"))

    assert result.errors == []
    assert result.notes == [(2, "order #7 used code XMAS20, which is not one of this campaign's")]


@pytest.mark.parametrize("status", ["refunded", "voided", "Refunded"])
def test_refunded_and_voided_orders_are_not_counted(status):
    result = parse(HEADER + order("#8", "12.00", "SAMEATS", status=status))

    assert result.rows == []
    assert result.notes == [(2, f"order #8 was {status.lower()}: not counted")]


def test_orders_imported_before_are_left_out():
    text = HEADER + order("#1", "9.00", "SAMEATS") + order("#2", "5.00", "SAMEATS")

    result = parse(text, known_orders={"#1"})

    assert [row.order_ref for row in result.rows] == ["#2"]
    assert result.notes == [(2, "order #1 was imported before")]


def test_bad_rows_are_named_by_line():
    text = (
        HEADER
        + order("#1", "lots", "SAMEATS")
        + order("#2", "9.00", "SAMEATS", created="04/11/26")
        + item_line("#3")  # an order whose first line is not the one with its total
        + ",a@example.com,paid,,9,0,0,9,SAMEATS,0,2026-11-04,1,Loaf,9\n"
    )

    result = parse(text)

    assert result.rows == []
    assert [line for line, _reason in result.errors] == [2, 3, 4, 5]
    assert "“lots” is not an amount" in result.errors[0][1]
    assert "“04/11/26” is not a date" in result.errors[1][1]
    assert "#3 starts without its total" in result.errors[2][1]
    assert "order number" in result.errors[3][1]


def test_semicolon_exports_and_european_decimals():
    text = (
        (HEADER + order("#1", "1.234,50", "SAMEATS"))
        .replace(",", ";")
        .replace("1.234;50", "1.234,50")
    )

    result = parse(text)

    assert result.rows[0].revenue == Decimal("1234.50")


def test_a_file_that_is_not_an_orders_export_names_the_missing_columns():
    with pytest.raises(BadFile) as error:
        parse("date,kpi,value\n2026-11-02,customers,3\n")

    message = str(error.value)
    for column in ("“Name”", "“Created at”", "“Total”", "“Discount Code”"):
        assert column in message
