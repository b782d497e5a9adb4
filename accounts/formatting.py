"""How numbers read wherever an owner or an influencer sees them: pages, e-mails, PDFs and
the text of exports. Counts "1,234", money "£1,234.50" in the business's currency,
percentages "46%"; nothing known reads "—". Rounding is half up, as on a till receipt.

Spreadsheet cells that hold numbers keep them as numbers: this module is only for text.
The template filters in ``accounts/templatetags/numbers.py`` call these functions, so a
page, a PDF and a message say the same figure the same way.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format

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
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def rounded(number: Decimal, *, places: int = 0) -> Decimal:
    """``number`` (a Decimal) rounded half up to ``places`` decimals: 2.5 -> 3."""
    return number.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)


def grouped(number: Decimal, *, places: int = 0) -> str:
    """A Decimal with thousands grouped and ``places`` decimals: 1234.5 -> "1,234.50"."""
    return number_format(rounded(number, places=places), decimal_pos=places, force_grouping=True)


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
