"""Numbers and dates as exports and spreadsheets write them, in several countries' ways.

Pure functions: a cell's text in, a ``Decimal`` or a ``date`` out, or None when it is not one.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

CURRENCY = re.compile(
    r"^(?:[A-Z]{3}|CA\$|A\$|NZ\$|US\$|[£$€¥]|kr|CHF|Fr\.?)\s*|\s*(?:[A-Z]{3}|[£$€¥]|kr|CHF)$"
)
SUFFIXES = {"k": Decimal(1_000), "m": Decimal(1_000_000)}
PLAIN = re.compile(r"-?\d{1,9}(?:\.\d{1,2})?")  # no thousands mark in any country
# Above this no small business's reading or order is real, and the database holds no more.
LARGEST = Decimal(1_000_000_000)


def parse_number(value, *, decimal_comma=False):
    """A Decimal from a cell: '1234', '1,234.50', '1.234,50', '1 234', '£12.50', 'EUR 12',
    '12.5%', '12.3k', '(45.00)' (negative), '-3'. ``decimal_comma``: the file writes 12,5 for
    twelve and a half (then '1.234' is a thousand and more). None when it is not a number,
    or larger than any real reading (a billion)."""
    text = value.strip()
    if PLAIN.fullmatch(text):
        return Decimal(text)  # most cells of most exports: no need for the rest
    text = text.replace("\u2212", "-")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = CURRENCY.sub("", re.sub(r"[\s\u00a0\u202f']", "", text))
    if text.startswith("-") or text.endswith("-"):
        negative, text = not negative, text.strip("-")
    text = CURRENCY.sub("", text.removeprefix("+")).removesuffix("%")
    multiplier = Decimal(1)
    if text[-1:].lower() in SUFFIXES:
        multiplier, text = SUFFIXES[text[-1].lower()], text[:-1]
    text = _plain_digits(text, decimal_comma=decimal_comma)
    if text is None:
        return None
    try:
        number = Decimal(text) * multiplier
    except InvalidOperation:
        return None
    if number > LARGEST:
        return None
    return -number if negative else number


def parse_count(value, *, decimal_comma=False):
    """A count from a cell, as ``parse_number`` reads it, except that a count has no fraction:
    '9.100' in a file whose decimal mark is a point (Excel's tab-separated "Unicode Text"
    from a German Excel, say, where nothing else tells) is 9,100, not nine and a tenth."""
    number = parse_number(value, decimal_comma=decimal_comma)
    if number is not None and number != number.to_integral_value():
        grouped = parse_number(value, decimal_comma=not decimal_comma)
        if grouped is not None and grouped == grouped.to_integral_value():
            return grouped
    return number


def _plain_digits(text, *, decimal_comma):
    if not re.fullmatch(r"\d[\d.,]*", text):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _sep, fraction = text.rpartition(decimal)
        if not re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})*", whole) or not fraction.isdigit():
            return None
        return whole.replace(thousands, "") + "." + fraction
    mark = "," if "," in text else "." if "." in text else None
    if mark is None:
        return text
    grouped = re.fullmatch(rf"\d{{1,3}}(\{mark}\d{{3}})+", text)
    # 1,234 is a thousand and more where the decimal mark is a point, and so is 1.234 where
    # it is a comma; 12,5 and 12.5 are twelve and a half either way.
    thousands_mark = "." if decimal_comma else ","
    if grouped and mark == thousands_mark:
        return text.replace(mark, "")
    if text.count(mark) == 1:
        return text.replace(mark, ".")
    if grouped:
        return text.replace(mark, "")
    return None


# ---------------------------------------------------------------- dates

MONTHS = {}
for number, names in enumerate(
    [
        "jan january janv janvier januar jän jänner ene enero",
        "feb february fév févr février februar febrero",
        "mar march mars mär märz marzo",
        "apr april avr avril abr abril",
        "may mai mayo",
        "jun june juin juni junio",
        "jul july juil juillet juli julio",
        "aug august août ago agosto",
        "sep sept september septembre septiembre setiembre",
        "oct october octobre okt oktober octubre",
        "nov november novembre noviembre",
        "dec december déc décembre dez dezember dic diciembre",
    ],
    start=1,
):
    MONTHS.update(dict.fromkeys(names.split(), number))

ISO = re.compile(
    # Year first, then month and day, whatever the mark: 2026-11-03, 2026/11/03, 2026.11.03.
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
NUMERIC = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,].*)?")
WORDS = re.compile(r"[^\W\d_]+\.?|\d+(?::\d+)*|(?<!\S)[+-]\d{4}", re.UNICODE)


@dataclass(frozen=True)
class DateOrder:
    """How to read 03/04/2026: day first (3 April) or month first (March 4)."""

    day_first: bool
    decided: str = ""  # why, in words, when the file's own dates did not settle it


def default_day_first(currency):
    """Month first in the United States, day first nearly everywhere else. (A business has a
    currency, not a country: the dollar stands for the United States.)"""
    return currency != "USD"


def decide_order(values, *, day_first):
    """The order a column's numeric dates are written in: settled by a value over 12 in the
    first or second place, else ``day_first`` (the business's country), said so."""
    first_over_12 = second_over_12 = ambiguous = False
    for value in values:
        match = NUMERIC.fullmatch(value.strip())
        if not match or match.group(2) == ".":
            continue  # 14.11.2026 is always day first
        first, second = int(match.group(1)), int(match.group(3))
        first_over_12 |= first > 12
        second_over_12 |= second > 12
        ambiguous |= first <= 12 and second <= 12 and first != second
    if first_over_12 and not second_over_12:
        return DateOrder(day_first=True)
    if second_over_12 and not first_over_12:
        return DateOrder(day_first=False)
    if not ambiguous:
        return DateOrder(day_first=day_first)
    example = datetime.date(2026, 4, 3).strftime("%d/%m/%Y" if day_first else "%m/%d/%Y")
    return DateOrder(
        day_first=day_first,
        decided=(
            _(
                "Dates such as %(example)s were read as 3 April 2026 (day first), as usual "
                "where your business is."
            )
            if day_first
            else _(
                "Dates such as %(example)s were read as April 3, 2026 (month first), as "
                "usual where your business is."
            )
        )
        % {"example": example},
    )


def parse_date(value, *, day_first=True, zone=None):
    """A date from a cell: 2026-11-14 or 2026/11/14 (with a time and a time zone, turned into
    the local day of ``zone``, the current time zone by default), 20261114 (Google Analytics),
    14/11/2026 or 11/14/2026 (by ``day_first``), 14.11.2026, '14 Nov 2026', 'Nov 14, 2026',
    '14 nov. 2026', '14. November 2026', '14 de noviembre de 2026', '14-Nov-2026'. None when
    it is none of these."""
    text = value.strip()
    if not text:
        return None
    try:
        if match := ISO.fullmatch(text):
            return _iso(match, zone)
        if match := COMPACT.fullmatch(text):
            return datetime.date(*(int(part) for part in match.groups()))
        if match := NUMERIC.fullmatch(text):
            first, separator, second, year = match.groups()
            day, month = (first, second) if day_first or separator == "." else (second, first)
            return datetime.date(_year(year), int(month), int(day))
        return _with_month_name(text)
    except (ValueError, OverflowError):
        return None


def _year(text):
    return int(text) + 2000 if len(text) == 2 else int(text)


def _iso(match, zone):
    year, month, day, hour, minute, second, offset = match.groups()
    day_only = datetime.date(int(year), int(month), int(day))
    if offset is None:
        return day_only
    moment = datetime.datetime(
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second or 0),
        tzinfo=_offset(offset),
    )
    return moment.astimezone(zone or timezone.get_current_timezone()).date()


@functools.lru_cache(maxsize=64)
def _offset(text):
    if text in ("Z", "UTC", "GMT"):
        return ZoneInfo("UTC")
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return datetime.timezone(
        sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    )


def _with_month_name(text):
    month = day = year = None
    for word in WORDS.findall(text.lower()):
        if ":" in word or word[0] in "+-":
            continue  # a time of day or a time zone offset
        if word.isdigit():
            if len(word) == 4 and year is None:
                year = int(word)
            elif len(word) <= 2 and day is None:
                day = int(word)
            elif len(word) <= 2 and year is None:
                year = _year(word)
            else:
                return None
        elif word.rstrip(".") in MONTHS:
            if month is not None:
                return None
            month = MONTHS[word.rstrip(".")]
    if None in (month, day, year):
        return None
    return datetime.date(year, month, day)
