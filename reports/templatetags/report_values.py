"""Showing KPI values the way each kind is counted: money in the owner's currency, counts
as whole numbers where they are whole."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from accounts.templatetags.money import money
from kpis.metrics import whole_number

register = template.Library()


@register.filter
def count(value):
    """1234.00 -> "1,234"; 12.5 -> "12.50"; None -> "—"."""
    if value is None or value == "":
        return "—"
    number = Decimal(value)
    places = 0 if number == number.to_integral_value() else 2
    return number_format(number, decimal_pos=places, force_grouping=True)


@register.simple_tag(takes_context=True)
def kpi_value(context, value, kpi):
    """A value of ``kpi`` as the owner reads it: "£1,250.00" for revenue, "42" for clicks.
    Counts (customers, clicks, followers) are whole numbers wherever they are shown."""
    if value is None:
        return "—"
    if kpi.definition.money:
        return money(context, value)
    return whole(value)


@register.filter
def whole(value):
    """A count as a whole number: 1234.4 -> "1,234"; None -> "—"."""
    if value is None or value == "":
        return "—"
    return number_format(whole_number(value), force_grouping=True)
