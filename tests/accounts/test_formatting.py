"""Counts, money and percentages read one way on every page, PDF, e-mail and export text."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from accounts.formatting import format_count, format_money, format_percent, format_whole
from accounts.models import currency_of
from accounts.templatetags.numbers import width_class
from tests.factories.accounts import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def test_counts_group_thousands_and_show_decimals_only_when_there_are_some():
    assert format_count(Decimal("1234.00")) == "1,234"
    assert format_count(1234567) == "1,234,567"
    assert format_count(Decimal("1234.5")) == "1,234.50"
    assert format_count(Decimal("12.345")) == "12.35"
    assert format_count(2.5) == "2.50"
    assert format_count(Decimal("-1234")) == "-1,234"
    assert format_count(None) == "—"
    assert format_count("") == "—"
    assert format_count("not a number") == "—"
    assert format_count("NaN") == "—"
    assert format_count(Decimal("-Infinity")) == "—"


def test_whole_counts_round_half_up():
    assert format_whole(Decimal("1234.5")) == "1,235"
    assert format_whole(Decimal("1234.4")) == "1,234"
    assert format_whole(Decimal("-1234.4")) == "-1,234"
    assert format_whole(0) == "0"
    assert format_whole(None) == "—"


def test_money_rounds_half_up_groups_thousands_and_puts_the_sign_first():
    assert format_money(Decimal("1234.565"), currency="GBP") == "£1,234.57"
    assert format_money(Decimal("-1234.5"), currency="USD") == "-$1,234.50"
    assert format_money(Decimal("1250"), currency="EUR", places=0) == "€1,250"
    assert format_money(5, currency="CHF") == "CHF 5.00"
    assert format_money(None) == "—"
    assert format_money("Infinity") == "—"


def test_a_currency_without_a_symbol_shows_its_code():
    assert format_money(Decimal("12"), currency="JPY") == "JPY 12.00"


def test_percentages_round_half_up_and_group_thousands():
    assert format_percent(Decimal("45.5")) == "46%"
    assert format_percent(Decimal("-12.345"), places=1) == "-12.3%"
    assert format_percent(Decimal("3.456"), places=2) == "3.46%"
    assert format_percent(Decimal("1234")) == "1,234%"
    assert format_percent(None) == "—"


def test_width_class_is_clamped():
    assert width_class(Decimal("45.6")) == "w-pct-46"
    assert width_class(140) == "w-pct-100"
    assert width_class(-3) == "w-pct-0"
    assert width_class(None) == "w-pct-0"


@pytest.mark.django_db
def test_money_is_in_the_business_currency():
    owner = UserFactory(business__currency="EUR")
    assert currency_of(owner) == "EUR"
    rendered = Template("{% load numbers %}{% money amount %}").render(
        Context({"business": owner.business, "amount": Decimal("1234.5")})
    )
    assert rendered == "€1,234.50"


@pytest.mark.django_db
def test_an_owner_without_business_details_sees_the_default_currency():
    owner = get_user_model().objects.create_user("bare@example.com", "bare@example.com", "x")
    assert currency_of(owner) == "GBP"
    rendered = Template("{% load numbers %}{% money 1234 %}").render(Context({}))
    assert rendered == "£1,234.00"


def test_templates_format_numbers_only_through_the_numbers_library():
    """floatformat and humanize's intcomma write 1234 on one page and 1,234 on another."""
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted((ROOT / "templates").rglob("*.*"))
        for match in re.finditer(r"floatformat|intcomma|\bhumanize\b", path.read_text())
    ]
    assert not found, "use the filters of {% load numbers %} instead:\n" + "\n".join(found)


def test_code_groups_thousands_only_through_the_formatting_module():
    """A count written with Python's own grouping (f"{n:,}") or Django's number_format
    would read differently from the pages the moment either changes."""
    apps = ("accounts", "campaigns", "influencers", "kpis", "reports", "config")
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for app in apps
        for path in sorted((ROOT / app).rglob("*.py"))
        if path.name != "formatting.py" and "migrations" not in path.parts
        for match in re.finditer(r"\{[^{}]*:,[^{}]*\}|number_format\(|intcomma", path.read_text())
    ]
    assert not found, "use accounts.formatting instead:\n" + "\n".join(found)
