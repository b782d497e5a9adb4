"""The campaign formulas, as plain functions on plain values. Money and rates are Decimal.

Percentages are returned as percentages (45.5 means 45.5%). A formula that has no sensible
answer (nothing measured yet, a cost of zero, a target equal to the baseline) returns None,
and the pages say so in words instead of showing a made-up number.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from influencers.metrics import engagement_rate  # noqa: F401 - one formula, shared

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)

# The often-quoted industry average return of influencer marketing per unit of currency spent.
# Shown as a reference line, never as a promise.
INDUSTRY_RETURN_PER_UNIT = Decimal("6.50")

# Within this share of the expected progress counts as on track (0.9 to 1.1 of pace).
ON_TRACK_BAND = Decimal("0.10")


class PaceStatus(models.TextChoices):
    AHEAD = "ahead", _("Ahead of plan")
    ON_TRACK = "on_track", _("On track")
    BEHIND = "behind", _("Behind plan")
    NOT_STARTED = "not_started", _("Not started yet")
    NO_DATA = "no_data", _("No numbers yet")


def _round(value):
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def two_places(value):
    """A database sum as an exact two-place Decimal (SQLite hands sums back as floats), and
    0.00 for the sum of nothing."""
    return _round(value or 0)


def _ratio(numerator, denominator, scale=1):
    if numerator is None or not denominator:
        return None
    return _round(Decimal(numerator) / Decimal(denominator) * scale)


def progress_percent(current, baseline, target):
    """How far from the baseline to the target the KPI has come: 0 at the start, 100 at target.

    Can go below 0 (it fell) or above 100 (beaten). None when the target equals the baseline.
    """
    if current is None or target == baseline:
        return None
    return _ratio(
        Decimal(current) - Decimal(baseline), Decimal(target) - Decimal(baseline), HUNDRED
    )


def expected_progress_percent(start, end, today):
    """The share of the campaign's days used so far (today included), as the progress one
    would expect: day 1 of 31 expects 3.23%, the deadline 100%, the day before the start 0."""
    if start is None or end is None:
        return None
    if today < start:
        return Decimal(0)
    if today >= end:
        return HUNDRED
    return _ratio((today - start).days + 1, (end - start).days + 1, HUNDRED)


def percent_of_pace(progress, expected):
    """Progress as a share of where it should be by now: 100 is exactly on pace."""
    if progress is None or not expected:
        return None
    return _ratio(progress, expected, HUNDRED)


def pace_status(progress, expected):
    if expected is None or expected == 0:
        return PaceStatus.NOT_STARTED
    if progress is None:
        return PaceStatus.NO_DATA
    share = Decimal(progress) / Decimal(expected)
    if share > 1 + ON_TRACK_BAND:
        return PaceStatus.AHEAD
    if share >= 1 - ON_TRACK_BAND:
        return PaceStatus.ON_TRACK
    return PaceStatus.BEHIND


def projected_end_value(points, start, end, baseline):
    """Where the KPI will be at ``end`` if it keeps its trend so far.

    ``points`` are (date, value) readings of the running value. The baseline on the start date
    counts as the first reading; the trend is a least-squares straight line through them all.
    None when there is nothing measured yet or the dates are unknown.
    """
    if not points or start is None or end is None:
        return None
    readings = [(0, Decimal(baseline))]
    readings += [((day - start).days, Decimal(value)) for day, value in points]
    n = Decimal(len(readings))
    mean_x = sum(Decimal(x) for x, _ in readings) / n
    mean_y = sum(y for _, y in readings) / n
    spread = sum((Decimal(x) - mean_x) ** 2 for x, _ in readings)
    if spread == 0:
        return _round(readings[-1][1])
    slope = sum((Decimal(x) - mean_x) * (y - mean_y) for x, y in readings) / spread
    intercept = mean_y - slope * mean_x
    return _round(intercept + slope * Decimal((end - start).days))


@dataclass(frozen=True)
class CostBreakdown:
    """Every cost of a campaign, so the ROI is honest: gifts at cost, shipping, tools too."""

    fees: Decimal = Decimal(0)
    products: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    commission: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def total(self):
        return _round(self.fees + self.products + self.shipping + self.commission + self.other)


def commission_due(revenue, rate_percent):
    return _round(Decimal(revenue) * Decimal(rate_percent) / HUNDRED)


def cost_per(cost, count):
    """Cost per click (CPC), per new customer (CPA) or per interaction (CPE)."""
    return _ratio(cost, count)


def conversion_rate(conversions, clicks):
    """Conversions per click (or visit), as a percentage."""
    return _ratio(conversions, clicks, HUNDRED)


def roas(revenue, cost):
    """Return on ad spend: revenue for each 1 spent (3.5 means 3.50 back per 1)."""
    return _ratio(revenue, cost)


def cash_roi_percent(revenue, cost):
    """(revenue - cost) / cost: what the takings returned, before paying for the goods sold."""
    if not cost:
        return None
    return _ratio(Decimal(revenue) - Decimal(cost), cost, HUNDRED)


def gross_profit(revenue, gross_margin_percent):
    """What the owner keeps of the revenue after paying for the goods sold."""
    return _round(Decimal(revenue) * Decimal(gross_margin_percent) / HUNDRED)


def profit_roi_percent(revenue, cost, gross_margin_percent):
    """(revenue x gross margin - cost) / cost: what the campaign returned in profit.

    With a margin of 100% this is the cash ROI.
    """
    if not cost:
        return None
    return _ratio(gross_profit(revenue, gross_margin_percent) - Decimal(cost), cost, HUNDRED)


def break_even_sales(cost, average_order_value, gross_margin_percent):
    """How many sales of the average order value pay the campaign back. None when unknowable."""
    if not average_order_value or not gross_margin_percent:
        return None
    profit_per_sale = Decimal(average_order_value) * Decimal(gross_margin_percent) / HUNDRED
    if profit_per_sale <= 0:
        return None
    return math.ceil(Decimal(cost) / profit_per_sale)


def post_interactions(likes, comments, shares):
    """A post's engagement: likes, comments and shares (saves and views are not interactions).
    Numbers not given count as 0. The engagement KPI and the cost per interaction add these."""
    return (likes or 0) + (comments or 0) + (shares or 0)


def post_reach(views):
    """A post's views or reach, as its insights show it (not given counts as 0): what the
    "Views and reach" KPI adds up."""
    return views or 0
