"""The sane ranges of what owners type: money, percentages, goal numbers and dates.

One definition each, used by the models (so every ModelForm gets them) and by the plain forms
of the plan wizard. Each refusal says, in plain words, what is allowed. Lives at the bottom of
the import chain so that every app can use it.
"""

import datetime
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

# Far above any small business's campaign, far below what breaks a sum or a chart.
MAX_MONEY = Decimal("10000000")
MAX_COUNT = Decimal("1000000000")
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)
MAX_CAMPAIGN_DAYS = 731  # two years, a leap day included

MONEY_VALIDATORS = [
    MinValueValidator(Decimal("0"), message=_("An amount cannot be below zero.")),
    MaxValueValidator(
        MAX_MONEY, message=_("Enter an amount of at most 10,000,000: this looks like a typo.")
    ),
]
PERCENT_VALIDATORS = [
    MinValueValidator(Decimal("0"), message=_("Enter a percentage from 0 to 100.")),
    MaxValueValidator(Decimal("100"), message=_("Enter a percentage from 0 to 100.")),
]
AT_MOST_MAX_COUNT = MaxValueValidator(
    MAX_COUNT, message=_("Enter a number of at most 1,000,000,000: this looks like a typo.")
)
# A goal or a target: something to reach, so more than nothing.
GOAL_VALIDATORS = [
    MinValueValidator(Decimal("0.01"), message=_("Enter a number above zero.")),
    AT_MOST_MAX_COUNT,
]
# Where a number stands, or a reading: zero or more.
COUNT_VALIDATORS = [
    MinValueValidator(Decimal("0"), message=_("Enter zero or more.")),
    AT_MOST_MAX_COUNT,
]
DATE_VALIDATORS = [
    MinValueValidator(EARLIEST_DATE, message=_("Enter a date in the year 2000 or later.")),
    MaxValueValidator(LATEST_DATE, message=_("Enter a date before the year 2100.")),
]


def campaign_days(*, start: datetime.date, end: datetime.date) -> int:
    """Days from ``start`` to ``end`` with both counted, the one way a campaign's length (or
    the part of it used so far) is counted: 1 to 31 March is 31 days, a one-day campaign 1."""
    return (end - start).days + 1


def campaign_too_long(*, start: datetime.date | None, end: datetime.date | None) -> str | None:
    """The plain refusal of a campaign longer than two years, or None."""
    if start and end and campaign_days(start=start, end=end) > MAX_CAMPAIGN_DAYS:
        return _("A campaign can run for at most two years: pick a deadline before %(latest)s.") % {
            "latest": (start + datetime.timedelta(days=MAX_CAMPAIGN_DAYS)).isoformat()
        }
    return None


# The largest id a row can have on every engine (a 64-bit whole number).
MAX_ROW_ID = 2**63 - 1


def is_row_id(value: object) -> bool:
    """True when ``value`` (as sent by a form) can be a row's id: digits, within range."""
    text = str(value)
    return text.isascii() and text.isdigit() and int(text) <= MAX_ROW_ID


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing a value that cannot be an id (a word, a number past what the
    database holds) as not one of the choices, before it reaches a query."""

    def clean(self, value):
        for chosen in value if isinstance(value, list | tuple) else ():
            if not is_row_id(chosen):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": chosen},
                )
        return super().clean(value)
