"""How numbers read wherever an owner or an influencer sees them: pages, e-mails, PDFs and
the text of exports. Counts "1,234", money "£1,234.50" in the business's currency,
percentages "46%"; nothing known reads "—". Rounding is half up, as on a till receipt.

Spreadsheet cells that hold numbers keep them as numbers: this module is only for text.
The template filters in ``accounts/templatetags/numbers.py`` call these functions, so a
page, a PDF and a message say the same figure the same way.
"""

import functools
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import get_format, number_format
from django.utils.translation import get_language

from .models import CURRENCY_SYMBOLS, DEFAULT_CURRENCY

UNKNOWN = "—"


def as_decimal(value: object) -> Decimal | None:
    """``value`` as a Decimal, or None when it is empty or not a number."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = str(value)
    if not isinstance(value, Decimal | int | str):
        return None
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None  # "NaN" and "Infinity" are not amounts


def rounded(number: Decimal, *, places: int = 0) -> Decimal:
    """``number`` (a Decimal) rounded half up to ``places`` decimals: 2.5 -> 3."""
    return number.quantize(_quantum(int(places)), rounding=ROUND_HALF_UP)


@functools.cache
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def grouped(number: Decimal, *, places: int = 0) -> str:
    """A Decimal with thousands grouped and ``places`` decimals: 1234.5 -> "1,234.50", in the
    language's separators, as Django's ``number_format`` writes it."""
    number = rounded(number, places=places)
    language = get_language()
    separators = (
        get_format("THOUSAND_SEPARATOR", language),
        get_format("DECIMAL_SEPARATOR", language),
    )
    if get_format("NUMBER_GROUPING", language) != 3 or abs(number.adjusted()) > 150:
        return number_format(number, decimal_pos=places, force_grouping=True)
    # Groups of three, as Python's own format writes them: a third of number_format's time,
    # on the figures every page shows by the hundred. Zero has no sign, as with Django.
    text = f"{number if number else abs(number):,.{places}f}"
    return text.translate(_separators(*separators))


@functools.cache
def _separators(thousands: str, decimals: str) -> dict[int, str]:
    return str.maketrans({",": thousands, ".": decimals})


def format_count(value: object) -> str:
    """A figure as it was counted: 1234.00 -> "1,234"; 12.5 -> "12.50"; None -> "—"."""
    number = as_decimal(value)
    if number is None:
        return UNKNOWN
    return grouped(number, places=0 if number == number.to_integral_value() else 2)


def format_whole(value: object) -> str:
    """A count, which has no fractions: 1234.4 -> "1,234"; None -> "—"."""
    number = as_decimal(value)
    return UNKNOWN if number is None else grouped(number)


def currency_symbol(currency: str) -> str:
    """ "£" for GBP; a currency we have no symbol for is shown by its code: "JPY "."""
    return CURRENCY_SYMBOLS.get(currency, f"{currency} ")


def format_money(amount: object, *, currency: str = DEFAULT_CURRENCY, places: int = 2) -> str:
    """1234.565 in GBP -> "£1,234.57"; -5 in USD -> "-$5.00"; None -> "—"."""
    number = as_decimal(amount)
    if number is None:
        return UNKNOWN
    number = rounded(number, places=places)
    sign = "-" if number < 0 else ""
    return f"{sign}{currency_symbol(currency)}{grouped(abs(number), places=places)}"


def format_percent(value: object, *, places: int = 0) -> str:
    """A percentage (45.67, not 0.4567) -> "46%"; None -> "—"."""
    number = as_decimal(value)
    return UNKNOWN if number is None else f"{grouped(number, places=int(places))}%"


def megabytes(size: int) -> str:
    """A size in bytes as megabytes to one decimal, as upload limits are told: "5.0"."""
    return f"{size / (1024 * 1024):.1f}"
