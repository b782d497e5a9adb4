from decimal import Decimal

from accounts.templatetags.money import format_money, width_class


def test_format_money_rounds_half_up_and_groups_thousands():
    assert format_money(Decimal("1234.565"), "GBP") == "£1,234.57"
    assert format_money(Decimal("-5"), "USD") == "-$5.00"
    assert format_money(None) == "—"


def test_width_class_is_clamped():
    assert width_class(Decimal("45.6")) == "w-pct-46"
    assert width_class(140) == "w-pct-100"
    assert width_class(-3) == "w-pct-0"
    assert width_class(None) == "w-pct-0"
