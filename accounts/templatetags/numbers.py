"""Counts, money and percentages in templates, through ``accounts.formatting``: every page,
PDF and e-mail loads this one library, so a figure reads the same on all of them."""

from decimal import Decimal

from django import template

from accounts.formatting import (
    as_decimal,
    format_count,
    format_money,
    format_percent,
    format_whole,
    rounded,
)
from accounts.models import DEFAULT_CURRENCY

register = template.Library()


@register.simple_tag(takes_context=True)
def money(context, amount, places=2):
    """``{% money campaign.cash_budget %}`` -> "£1,250.00" in the owner's currency."""
    business = context.get("business")
    return format_money(
        amount, currency=business.currency if business else DEFAULT_CURRENCY, places=places
    )


@register.filter
def percent(value, places=0):
    """0.4567 is not a percentage here: pass percentages (45.67) and get "46%"."""
    return format_percent(value, places=places)


@register.filter
def count(value):
    """1234.00 -> "1,234"; 12.5 -> "12.50"; None -> "—"."""
    return format_count(value)


@register.filter
def whole(value):
    """A count as a whole number: 1234.4 -> "1,234"; None -> "—"."""
    return format_whole(value)


@register.simple_tag(takes_context=True)
def kpi_value(context, value, kpi):
    """A value of ``kpi`` as the owner reads it: "£1,250.00" for revenue, "42" for clicks.
    Counts (customers, clicks, followers) are whole numbers wherever they are shown."""
    if kpi.definition.money:
        return money(context, value)
    return format_whole(value)


@register.filter
def width_class(percentage):
    """A CSS class for a bar of this width (our CSP forbids inline style attributes)."""
    number = int(rounded(as_decimal(percentage) or Decimal(0)))
    return f"w-pct-{max(0, min(100, number))}"
