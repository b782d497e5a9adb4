"""The campaign formulas, as plain functions on plain values. Money and rates are Decimal.

Percentages are returned as percentages (45.5 means 45.5%). A formula that has no sensible
answer (nothing measured yet, a cost of zero, a target equal to the baseline) returns None,
and the pages say so in words instead of showing a made-up number.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, overload

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.bounds import campaign_days

# The engagement rate is defined once, beside the influencer profiles it is read from (that
# app sits below this one): the roster and the campaign's table both read it from there.
from influencers.metrics import Engagement, engagement_rate, profile_engagement  # noqa: F401

from .catalogue import KPIKind

if TYPE_CHECKING:  # only for the annotations
    from influencers.models import Profile

# A number as the formulas take it: a Decimal, a count, or a database sum (a float on SQLite).
Number = Decimal | int | float

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)

# The often-quoted industry average return of influencer marketing per unit of currency spent.
# A US figure, in dollars: shown as a reference line with the business's currency sign and a
# note saying so, never as a promise.
INDUSTRY_RETURN_PER_UNIT = Decimal("6.50")

# Within this share of the target (by the forecast) or of the pace so far counts as on track.
ON_TRACK_BAND = Decimal("0.10")


class PaceStatus(models.TextChoices):
    AHEAD = "ahead", _("Ahead of plan")
    ON_TRACK = "on_track", _("On track")
    BEHIND = "behind", _("Behind plan")
    NOT_STARTED = "not_started", _("Not started yet")
    NO_DATA = "no_data", _("No numbers yet")


def _round(value: Number | str) -> Decimal:
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def two_places(value: Number | None) -> Decimal:
    """A database sum as an exact two-place Decimal (SQLite hands sums back as floats), and
    0.00 for the sum of nothing."""
    return _round(value or 0)


def _ratio(
    numerator: Number | None, denominator: Number | None, scale: Decimal | int = 1
) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return _round(Decimal(numerator) / Decimal(denominator) * scale)


def progress_percent(*, current: Number | None, baseline: Number, target: Number) -> Decimal | None:
    """How far from the baseline to the target the KPI has come: 0 at the start, 100 at target.

    Can go below 0 (it fell) or above 100 (beaten). None when the target equals the baseline.
    """
    if current is None or target == baseline:
        return None
    return _ratio(
        Decimal(current) - Decimal(baseline), Decimal(target) - Decimal(baseline), HUNDRED
    )


def expected_progress_percent(
    *, start: date | None, end: date | None, today: date
) -> Decimal | None:
    """The share of the campaign's days used so far (today included), as the progress one
    would expect: day 1 of 31 expects 3.23%, the deadline 100%, the day before the start 0."""
    if start is None or end is None:
        return None
    if today < start:
        return Decimal(0)
    if today >= end:
        return HUNDRED
    return _ratio(
        campaign_days(start=start, end=today), campaign_days(start=start, end=end), HUNDRED
    )


def percent_of_pace(*, progress: Number | None, expected: Number | None) -> Decimal | None:
    """Progress as a share of where it should be by now: 100 is exactly on pace."""
    if progress is None or not expected:
        return None
    return _ratio(progress, expected, HUNDRED)


# A forecast from fewer days than this swings with every reading (one busy Saturday), so
# the dashboard says how many days it still needs instead.
DAYS_BEFORE_PROJECTING = 7


def days_until_projection(*, start: date | None, today: date) -> int:
    """How many more days of the campaign a projection waits for; 0 when it can be made."""
    if start is None:
        return DAYS_BEFORE_PROJECTING
    used = campaign_days(start=start, end=today)
    return max(0, DAYS_BEFORE_PROJECTING - max(used, 0))


def projected_end_value(
    points: Iterable[tuple[date, Number]],
    *,
    start: date | None,
    end: date | None,
    today: date,
    baseline: Number,
    cumulative: bool = True,
    whole: bool = False,
) -> Decimal | int | None:
    """Where the KPI will be at ``end`` if it keeps its trend since the start.

    ``points`` are (date, running value) readings, oldest first. Readings of the baseline
    week are the starting point, not the trend: for a running total, the baseline plus what
    was recorded before the start date; for a level such as followers, the last reading on
    or before the start date (else the baseline). The trend is the average change per day
    from there to the latest value, carried on to the deadline. A running total never
    projects below what is already recorded, a level never below zero; ``whole`` rounds a
    count to a whole number.

    None when the dates are unknown, fewer than ``DAYS_BEFORE_PROJECTING`` days of the
    campaign have passed, or nothing is measured since the start.
    """
    if start is None or end is None or days_until_projection(start=start, today=today):
        return None
    readings = [(day, Decimal(value)) for day, value in points]
    if cumulative:
        before = [value for day, value in readings if day < start]
        since = [(day, value) for day, value in readings if day >= start]
    else:
        before = [value for day, value in readings if day <= start]
        since = [(day, value) for day, value in readings if day > start]
    if not since:
        return None
    origin = before[-1] if before else Decimal(baseline)
    current = since[-1][1]
    if cumulative:
        # Counted up to today (clicks arrive every day), over the days used so far.
        days_so_far = campaign_days(start=start, end=min(today, end))
        days_left = max((end - today).days, 0)
    else:
        # A level stands on the day it was read.
        days_so_far = (since[-1][0] - start).days
        days_left = max((end - since[-1][0]).days, 0)
    projected = current + (current - origin) / Decimal(days_so_far) * Decimal(days_left)
    projected = max(projected, current) if cumulative else max(projected, Decimal(0))
    return whole_number(projected) if whole else _round(projected)


@overload
def whole_number(value: Number) -> int: ...
@overload
def whole_number(value: None) -> None: ...
def whole_number(value: Number | None) -> int | None:
    """A count (customers, clicks, followers) as the whole number people say: 47.97 is 48."""
    if value is None:
        return None
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pace_status(
    *,
    progress: Number | None,
    expected: Number | None,
    projected_progress: Number | None = None,
) -> PaceStatus:
    """Ahead, on track or behind: the one rule, from both the progress so far and the
    projection, so the badge cannot contradict the forecast beside it.

    The measure is the projection's progress at the deadline (100 means it lands on the
    target) once there is a projection, and before that the progress as a share of where it
    should be by now (the same number for a steady trend). Above 110 is ahead, 90 to 110 on
    track, below 90 behind. A projection at or past the target is therefore never "behind",
    and one short of it never "ahead".
    """
    if expected is None or expected == 0:
        return PaceStatus.NOT_STARTED
    if progress is None:
        return PaceStatus.NO_DATA
    if projected_progress is not None:
        measure = Decimal(projected_progress)
    else:
        measure = Decimal(progress) / Decimal(expected) * HUNDRED
    if measure > HUNDRED * (1 + ON_TRACK_BAND):
        return PaceStatus.AHEAD
    if measure >= HUNDRED * (1 - ON_TRACK_BAND):
        return PaceStatus.ON_TRACK
    return PaceStatus.BEHIND


@dataclass(frozen=True)
class CostBreakdown:
    """Every cost of a campaign, so the ROI is honest: gifts at cost, shipping, tools too."""

    fees: Decimal = Decimal(0)
    products: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    commission: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return _round(self.fees + self.products + self.shipping + self.commission + self.other)


# What makes up each cumulative figure besides the readings typed in or imported for it:
# clicks on the campaign's tracked links (bots left out) and its promo-code uses. The check-in
# form says so, so no one types in what is already counted.
FIGURE_PARTS: dict[str, str] = {
    KPIKind.LINK_CLICKS: "clicks",
    KPIKind.ORDERS: "uses",
    KPIKind.REDEMPTIONS: "uses",
    KPIKind.REVENUE: "revenue",
    # A customer is new once: a code use marked first-time, or one typed in at a check-in.
    KPIKind.NEW_CUSTOMERS: "first_time",
}
# The figures the comparison table and the ROI panel read, per influencer and in total.
COUNTED_FIGURES = (*FIGURE_PARTS, KPIKind.ENGAGEMENT)

NEW_CUSTOMERS_COUNTED = _(
    "New customers are the first-time customers you typed in or imported at check-ins, plus "
    "promo-code uses marked first-time. Each is counted once: code uses are counted for you, "
    "so leave them out of the numbers you type in."
)


def results_due(*, launched: bool, start: date | None, today: date) -> bool:
    """A plan shows results once it runs (launched, and its start date reached): before
    that it has a cost and nothing to set against it, and a "-100%" would only alarm."""
    # Launched without a start date: it runs from the launch.
    return bool(launched and (start is None or start <= today))


def engagement_source(*, profile: "Profile", engagement: "Engagement") -> str | Promise:
    """Whose rate it is and what it is divided by: "Instagram @maya, by reach (3.67% by
    followers)". A rate by reach comes with the rate by followers, so both can be compared."""
    source = _("%(platform)s @%(handle)s, %(basis)s") % {
        "platform": profile.get_platform_display(),
        "handle": profile.handle,
        "basis": engagement.label,
    }
    if engagement.basis == "reach" and engagement.by_followers is not None:
        source = _("%(source)s (%(rate)s%% by followers)") % {
            "source": source,
            "rate": engagement.by_followers,
        }
    return source


def commission_due(*, revenue: Number, rate_percent: Number) -> Decimal:
    return _round(Decimal(revenue) * Decimal(rate_percent) / HUNDRED)


def cost_per(*, cost: Number | None, count: Number | None) -> Decimal | None:
    """Cost per click (CPC), per new customer (CPA) or per interaction (CPE)."""
    return _ratio(cost, count)


def average_order(*, revenue: Number | None, orders: Number | None) -> Decimal | None:
    """What one sale brought in, on average."""
    return _ratio(revenue, orders)


def conversion_rate(*, conversions: Number | None, clicks: Number | None) -> Decimal | None:
    """Conversions per click (or visit), as a percentage."""
    return _ratio(conversions, clicks, HUNDRED)


@dataclass(frozen=True)
class Conversion:
    """Sales attributed to the campaign per click on its links.

    Promo codes are often typed without clicking anything, so sales can outnumber clicks:
    then there is no rate (a rate over 100% means nothing) and the pages say it in words.
    """

    sales: int
    clicks: int

    @property
    def more_sales_than_clicks(self) -> bool:
        return self.sales > self.clicks

    @property
    def rate(self) -> Decimal | None:
        if self.more_sales_than_clicks:
            return None
        return conversion_rate(conversions=self.sales, clicks=self.clicks)


def conversion(*, sales: int, clicks: int) -> Conversion:
    return Conversion(sales=sales, clicks=clicks)


def roas(*, revenue: Number | None, cost: Number | None) -> Decimal | None:
    """Return on ad spend: revenue for each 1 spent (3.5 means 3.50 back per 1)."""
    return _ratio(revenue, cost)


def cash_roi_percent(*, revenue: Number, cost: Number | None) -> Decimal | None:
    """(revenue - cost) / cost: what the takings returned, before paying for the goods sold."""
    if not cost:
        return None
    return _ratio(Decimal(revenue) - Decimal(cost), cost, HUNDRED)


def gross_profit(*, revenue: Number, gross_margin_percent: Number) -> Decimal:
    """What the owner keeps of the revenue after paying for the goods sold."""
    return _round(Decimal(revenue) * Decimal(gross_margin_percent) / HUNDRED)


def profit_roi_percent(
    *, revenue: Number, cost: Number | None, gross_margin_percent: Number
) -> Decimal | None:
    """(revenue x gross margin - cost) / cost: what the campaign returned in profit.

    With a margin of 100% this is the cash ROI.
    """
    if not cost:
        return None
    profit = gross_profit(revenue=revenue, gross_margin_percent=gross_margin_percent)
    return _ratio(profit - Decimal(cost), cost, HUNDRED)


def break_even_sales(
    *, cost: Number, average_order_value: Number | None, gross_margin_percent: Number | None
) -> int | None:
    """How many sales of the average order value pay the campaign back. None when unknowable."""
    if not average_order_value or not gross_margin_percent:
        return None
    profit_per_sale = Decimal(average_order_value) * Decimal(gross_margin_percent) / HUNDRED
    if profit_per_sale <= 0:
        return None
    return math.ceil(Decimal(cost) / profit_per_sale)


# Results as a range: what was counted for sure, what is likely, and what it is at most.


def value_of_sales(
    *, sales: Number | None, revenue: Number | None, orders: Number | None
) -> Decimal | None:
    """What ``sales`` are worth at the average order counted so far, ``revenue`` over
    ``orders`` (survey answers and till taps carry no amount), rounded once: three sales at an
    average of £33.333... are £100.00, not three times £33.33. None when no order value is
    known yet."""
    if not sales:
        return Decimal(0)
    if revenue is None or not orders:
        return None
    return _round(Decimal(sales) * Decimal(revenue) / Decimal(orders))


def rise_over_baseline(
    *,
    before_total: Number | None,
    before_days: int | None,
    during_total: Number | None,
    during_days: int | None,
) -> Decimal | None:
    """How much more came in during the campaign's days so far than at the pace of the weeks
    before it: (during per day - before per day) x days of the campaign so far, never below 0.
    None without days before the start (no baseline) or with no campaign day yet."""
    if not before_days or not during_days or before_total is None:
        return None
    before_per_day = Decimal(before_total) / Decimal(before_days)
    rise = Decimal(during_total or 0) - before_per_day * Decimal(during_days)
    return _round(max(rise, Decimal(0)))


def sales_still_needed(*, break_even: int | None, sales_so_far: Number) -> int | None:
    """Sales still to come before an influencer pays back their cost: 0 once they have."""
    if break_even is None:
        return None
    return max(break_even - int(sales_so_far), 0)


def sales_at_pace(
    *, sales_so_far: Number, days_used: int | None, days_left: int | None
) -> int | None:
    """How many more sales to expect by the deadline if they keep coming at the rate so far
    (whole sales, rounded down: a keep-or-stop line should not promise a part of one)."""
    if not days_used or days_left is None:
        return None
    return math.floor(Decimal(sales_so_far) / Decimal(days_used) * Decimal(max(days_left, 0)))


def post_interactions(*, likes: int | None, comments: int | None, shares: int | None) -> int:
    """A post's engagement: likes, comments and shares (saves and views are not interactions).
    Numbers not given count as 0. The engagement KPI and the cost per interaction add these."""
    return (likes or 0) + (comments or 0) + (shares or 0)


def post_reach(views: int | None) -> int:
    """A post's views or reach, as its insights show it (not given counts as 0): what the
    "Views and reach" KPI adds up."""
    return views or 0
