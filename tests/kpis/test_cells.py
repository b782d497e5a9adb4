"""Numbers and dates as exports and spreadsheets in several countries write them."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpis.cells import decide_order, parse_count, parse_date, parse_number


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1234", "1234"),
        ("1,234.50", "1234.50"),
        ("1 234", "1234"),
        ("£12.50", "12.50"),
        ("EUR 12", "12"),
        ("12.5%", "12.5"),
        ("12.3k", "12300"),
        ("1.2M", "1200000"),
        ("(45.00)", "-45.00"),
        ("-3", "-3"),
        ("12,5", "12.5"),
        ("€1.234,56", "1234.56"),
        ("1\u202f234,50 €", "1234.50"),
        ("GBP 1,234.00", "1234.00"),
    ],
)
def test_numbers_as_written(value, number):
    assert parse_number(value) == Decimal(number)


@pytest.mark.parametrize("value", ["", "abc", "1.2.3", "12,34,5", "1,2.3,4", "--", "k"])
def test_not_numbers(value):
    assert parse_number(value) is None


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_both_thousands_conventions_read_the_same_number(number):
    english = f"{number:,.2f}"
    continental = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    assert parse_number(english) == number
    assert parse_number(continental, decimal_comma=True) == number


DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31))


@given(DAYS)
def test_every_written_form_of_a_day_is_that_day(day):
    month = day.strftime("%b")
    for written, day_first in [
        (day.isoformat(), True),
        (day.strftime("%Y%m%d"), True),
        (day.strftime("%d/%m/%Y"), True),
        (day.strftime("%m/%d/%Y"), False),
        (day.strftime("%m/%d/%y"), False),
        (day.strftime("%d.%m.%Y"), False),
        (f"{day.day} {month} {day.year}", True),
        (f"{month} {day.day}, {day.year}", True),
        (f"{day.isoformat()} 10:15:00 +0000", True),
    ]:
        assert parse_date(written, day_first=day_first) == day, written


@pytest.mark.parametrize(
    "value",
    [
        "14 nov. 2026",
        "14. November 2026",
        "14 de noviembre de 2026",
        "14 novembre 2026",
        "14 Nov 2026",
        "Nov 14, 2026",
        "14. Nov. 2026",
        "sábado, 14 de noviembre de 2026",
        "14-Nov-2026",  # Excel's dd-mmm-yyyy
        "14-Nov-2026 10:00",
        "Nov 14, 2026 10:00 AM -0500",  # an offset after a time is still an offset
    ],
)
def test_month_names_in_four_languages(value):
    assert parse_date(value) == datetime.date(2026, 11, 14)


def test_a_time_with_a_zone_becomes_the_local_day(settings):
    settings.TIME_ZONE = "Europe/London"
    assert parse_date("2026-11-03 23:30:00 -0500") == datetime.date(2026, 11, 4)


def test_the_file_settles_the_order_when_it_can_else_the_country_says_so():
    assert decide_order(["03/04/2026", "25/04/2026"], day_first=False).day_first is True
    assert decide_order(["03/04/2026", "04/25/2026"], day_first=True).day_first is False
    decided = decide_order(["03/04/2026"], day_first=False)
    assert decided.day_first is False and "month first" in decided.decided
    assert decide_order(["2026-04-03"], day_first=True).decided == ""


def test_numbers_no_real_reading_has_are_not_numbers():
    assert parse_number("99999999999999999999999") is None
    assert parse_number("1,000,000,000") == Decimal(1_000_000_000)


@pytest.mark.parametrize(
    ("written", "decimal_comma", "count"),
    [
        ("9.100", False, 9100),  # a German Excel's tab-separated file: nothing else tells
        ("9,100", False, 9100),
        ("1.502", True, 1502),
        ("12.3K", False, 12300),
        ("18,400", False, 18400),
        ("45.5", False, Decimal("45.5")),  # a fraction either way: left for the caller
    ],
)
def test_a_count_has_no_fraction_so_a_lone_mark_before_three_digits_groups(
    written, decimal_comma, count
):
    assert parse_count(written, decimal_comma=decimal_comma) == count


@pytest.mark.parametrize("written", ["2026/11/03", "2026.11.03", "2026/11/03 10:15"])
def test_year_first_dates_with_slashes_or_points(written):
    assert parse_date(written) == datetime.date(2026, 11, 3)
