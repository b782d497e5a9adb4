"""Money and percentage display in the business's own currency."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

from accounts.models import CURRENCY_SYMBOLS

register = template.Library()


def format_money(amount, currency="GBP", places=2):
    if amount is None or amount == "":
        return "—"
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        return "—"
    quantum = Decimal(1).scaleb(-places) if places else Decimal(1)
    value = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    return f"{sign}{symbol}{intcomma(abs(value))}"


@register.simple_tag(takes_context=True)
def money(context, amount, places=2):
    """``{% money campaign.cash_budget %}`` -> "£1,250.00" in the owner's currency."""
    business = context.get("business")
    currency = business.currency if business else "GBP"
    return format_money(amount, currency, places)


@register.filter
def percent(value, places=0):
    """0.4567 is not a percentage here: pass percentages (45.67) and get "46%"."""
    if value is None:
        return "—"
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return "—"
    quantum = Decimal(1).scaleb(-int(places)) if int(places) else Decimal(1)
    return f"{number.quantize(quantum, rounding=ROUND_HALF_UP)}%"


@register.filter
def width_class(percentage):
    """A CSS class for a bar of this width (our CSP forbids inline style attributes)."""
    try:
        number = int(Decimal(percentage or 0).quantize(Decimal(1)))
    except (InvalidOperation, TypeError, ValueError):
        number = 0
    return f"w-pct-{max(0, min(100, number))}"
