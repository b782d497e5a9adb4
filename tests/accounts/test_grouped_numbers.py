"""Our quick grouping of thousands writes every number exactly as Django's ``number_format``
does, in every language's separators (and falls back to it where groups are not of three)."""

from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from hypothesis import example, given, settings
from hypothesis import strategies as st

from accounts.formatting import grouped, rounded

# Commas and points (English), the other way round (German), spaces (French: a no-break
# space), and no grouping at all (Hindi, which Django's own path writes).
LANGUAGES = ["en-gb", "de", "fr", "hi"]

amounts = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, places=4
)


@settings(max_examples=300, deadline=None)
@given(
    amount=amounts,
    places=st.integers(min_value=0, max_value=2),
    language=st.sampled_from(LANGUAGES),
)
@example(amount=Decimal("-0.4"), places=0, language="en-gb")  # rounds to a zero with a sign
@example(amount=Decimal("-0.004"), places=2, language="de")
@example(amount=Decimal("999.995"), places=2, language="fr")  # rounds up into a new group
@example(amount=Decimal("-1234567.5"), places=0, language="en-gb")
def test_grouped_reads_as_djangos_number_format(amount, places, language):
    with translation.override(language):
        expected = number_format(
            rounded(amount, places=places), decimal_pos=places, force_grouping=True
        )
        assert grouped(amount, places=places) == expected


def test_grouped_uses_the_languages_separators():
    with translation.override("de"):
        assert grouped(Decimal("1234567.5"), places=2) == "1.234.567,50"
    with translation.override("en-gb"):
        assert grouped(Decimal("-0.4")) == "0"
        assert grouped(Decimal("1234567.5"), places=2) == "1,234,567.50"
