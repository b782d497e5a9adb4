"""A campaign's results as an honest range, and a keep-or-stop line per influencer.

- counted for sure: code uses and sales from tracked links and imports (the single figures);
- likely: plus survey answers and till taps naming the campaign, worth the average order;
  an answer that says a promo code was used is already counted, and answers over the
  survey's daily cap are left out;
- at most: plus the rise over the weeks before the start, where sales, revenue or visits
  were recorded for them. The rise is the campaign's: nothing tells whose posts brought it,
  so each influencer's "at most" counts the whole of it (the most any one of them can have
  brought), and their at-most ends do not add up to the campaign's.

The formulas are in ``metrics``; this module only gathers the counts (a fixed number of
queries) and picks which end the owner should trust.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Partnership

from . import metrics
from .catalogue import KPIKind
from .models import HeardFrom, SurveyAnswer, TillTap
from .services import CampaignRows, PartnershipResult, ReturnRatios, ROISummary


@dataclass
class ResultEnd(ReturnRatios):
    """One end of the range: how many sales, what they brought in (None when unknown)."""

    sales: int
    revenue: Decimal | None
    cost: Decimal
    gross_margin: Decimal

    @property
    def roas(self) -> Decimal | None:
        return None if self.revenue is None else super().roas

    @property
    def profit_roi(self) -> Decimal | None:
        if self.revenue is None:
            return None
        return metrics.profit_roi_percent(
            revenue=self.revenue, cost=self.cost, gross_margin_percent=self.gross_margin
        )

    @property
    def pays_back(self) -> bool:
        return self.profit_roi is not None and self.profit_roi >= 0


TRUST_SENTENCES: dict[str, str | Promise] = {
    "agree": _(
        "All three ends agree: every sale here was counted from codes, links or imports, "
        "so trust these figures."
    ),
    "sure": _(
        "Trust the counted end: even counting only sales that are certain, the campaign has "
        "paid for itself; customers' answers only add to it."
    ),
    "likely": _(
        "The counted end has not paid back yet, the likely end has: the difference rests on "
        "what customers told you, so keep asking at the till before you decide."
    ),
    "at_most": _(
        "Only the highest end pays back, and it includes a rise in sales that the season or "
        "the weather may have brought: trust the lower ends."
    ),
    "none": _(
        "Even the highest end has not paid back the cost so far: trust the counted end, and "
        "look at what to change."
    ),
    "no_cost": _(
        "Nothing has been spent on this campaign yet, so there is no cost to pay back: the "
        "range shows only what came in."
    ),
    "unknown": _(
        "No sale has a value yet, so the ends cannot be compared in money: record a sale or "
        "a promo code use with its amount."
    ),
}


# The same judgement for one influencer, against their own cost.
INFLUENCER_TRUST_SENTENCES: dict[str, str | Promise] = {
    "agree": _("Every sale of theirs was counted from their code, link or imports: trust it."),
    "sure": _("Trust the counted end: their certain sales alone have paid back what they cost."),
    "likely": _(
        "Their counted sales have not paid back what they cost, the likely ones have: that "
        "rests on what customers told you, so keep asking at the till."
    ),
    "at_most": _(
        "Only their highest end pays back, and it counts the whole rise over the weeks "
        "before the start as theirs: trust the lower ends."
    ),
    "none": _("Even their highest end has not paid back what they cost: trust the counted end."),
    "no_cost": _("They have cost nothing so far, so there is nothing to pay back."),
    "unknown": _("None of their sales has a value yet, so the ends cannot be compared in money."),
}


@dataclass
class ResultsRange:
    sure: ResultEnd
    likely: ResultEnd
    at_most: ResultEnd
    survey_sales: int = 0
    tap_sales: int = 0
    baseline_sales: int = 0
    has_baseline: bool = False
    suspect_answers: int = 0
    at_most_note: str | Promise = (
        ""  # how each influencer's at-most end is counted, or why there is none
    )

    @property
    def trust(self) -> str:
        """Which end to trust, as a key of TRUST_SENTENCES."""
        return trusted_end(sure=self.sure, likely=self.likely, at_most=self.at_most)

    @property
    def trust_sentence(self) -> str | Promise:
        return TRUST_SENTENCES[self.trust]


def trusted_end(*, sure: ResultEnd, likely: ResultEnd, at_most: ResultEnd) -> str:
    """Which end of a range to trust, as a key of TRUST_SENTENCES: the lowest that pays
    back its cost (or why none can be named). Ends that agree need no choosing, unless
    there is no sale at all."""
    if not sure.cost:
        return "no_cost"
    if likely.revenue is None:
        return "unknown"
    if sure.sales and sure.sales == at_most.sales and sure.revenue == at_most.revenue:
        return "agree"  # (with no sale at all, there is nothing to agree on)
    for key, end in (("sure", sure), ("likely", likely), ("at_most", at_most)):
        if end.pays_back:
            return key
    return "none"


@dataclass
class VoiceCounts:
    """Customers who named an influencer (or the campaign, under None), per partnership."""

    survey: defaultdict[int | None, int] = field(default_factory=lambda: defaultdict(int))
    taps: defaultdict[int | None, int] = field(default_factory=lambda: defaultdict(int))
    suspect: int = 0

    def likely_extra(self, partnership_id: int | None = None) -> int:
        """Extra likely sales of one influencer, or of the whole campaign (None)."""
        if partnership_id is None:
            return sum(self.survey.values()) + sum(self.taps.values())
        return self.survey[partnership_id] + self.taps[partnership_id]


def voice_counts(*, campaign: Campaign) -> VoiceCounts:
    """Survey answers and till taps of the campaign per influencer, in two queries."""
    counts = VoiceCounts()
    answers = (
        SurveyAnswer.objects.filter(survey__campaign=campaign, heard_from=HeardFrom.INFLUENCER)
        .values("partnership_id")
        .annotate(
            counted=Count("id", filter=Q(suspect=False, used_code=False)),
            suspect=Count("id", filter=Q(suspect=True)),
        )
    )
    for row in answers:
        counts.survey[row["partnership_id"]] += row["counted"]
        counts.suspect += row["suspect"]
    taps = (
        TillTap.objects.filter(campaign=campaign).values("partnership_id").annotate(n=Count("id"))
    )
    for row in taps:
        counts.taps[row["partnership_id"]] += row["n"]
    return counts


BASELINE_KINDS: tuple[str, ...] = (KPIKind.ORDERS, KPIKind.REVENUE, KPIKind.WEBSITE_VISITS)


def baseline_rises(
    *, campaign: Campaign, today: date, rows: CampaignRows | None = None
) -> dict[str, Decimal | None]:
    """{kind: rise over the weeks before the start} for sales, revenue and visits recorded
    before the campaign started (kinds without such readings are left out), from the same
    readings the figures are added up from (``rows``: one query when not given)."""
    start = campaign.start_date
    if not start or today < start:
        return {}
    end = min(today, campaign.end_date or today)
    before: dict[str, Decimal] = defaultdict(Decimal)
    first: dict[str, date] = {}
    during: dict[str, Decimal] = defaultdict(Decimal)
    for row in (rows or CampaignRows([campaign])).readings[campaign.pk]:
        kind, day = row["kpi__kind"], row["date"]
        if kind not in BASELINE_KINDS:
            continue
        if day < start:
            before[kind] += row["total"]
            first[kind] = min(first.get(kind, day), day)
        elif day <= end:
            during[kind] += row["total"]
    days_used = metrics.campaign_days(start=start, end=end)
    return {
        kind: metrics.rise_over_baseline(
            before_total=metrics.two_places(total),
            before_days=(start - first[kind]).days,
            during_total=metrics.two_places(during.get(kind)),
            during_days=days_used,
        )
        for kind, total in before.items()
    }


@dataclass(frozen=True)
class BaselineRise:
    """The rise over the weeks before the start, in sales and what they brought in.
    ``known`` is False when nothing was recorded before the start (or it has not come)."""

    known: bool
    sales: int = 0
    revenue: Decimal | None = Decimal(0)
    # True when the sales come from a rise in visits at the clicks' conversion rate: then
    # every new click may change them.
    moves_with_clicks: bool = False


def baseline_rise(
    *, campaign: Campaign, roi: ROISummary, today: date, rows: CampaignRows | None = None
) -> BaselineRise:
    """The campaign's rise over its baseline, from its ROI summary (the average order and the
    clicks' conversion value a rise in sales or visits)."""
    rises = baseline_rises(campaign=campaign, today=today, rows=rows)
    if not rises:
        return BaselineRise(known=False)
    rise = rises.get(KPIKind.ORDERS)
    visits = rises.get(KPIKind.WEBSITE_VISITS)
    from_visits = rise is None and visits is not None
    if from_visits and roi.conversion_rate:
        rise = visits * roi.conversion_rate / metrics.HUNDRED
    sales = int(rise or 0)
    revenue = rises.get(KPIKind.REVENUE)
    if revenue is None:
        revenue = metrics.value_of_sales(sales=sales, revenue=roi.revenue, orders=roi.orders)
    return BaselineRise(known=True, sales=sales, revenue=revenue, moves_with_clicks=from_visits)


def _add(revenue: Decimal | None, extra: Decimal | None) -> Decimal | None:
    return None if revenue is None or extra is None else revenue + extra


def at_most_end(*, likely: ResultEnd, rise: BaselineRise) -> ResultEnd:
    """The at-most end: the likely end plus the whole rise over the baseline, for the campaign
    and for each influencer alike. The rise is the campaign's and nothing tells whose posts
    brought it, so the whole of it is the most any one influencer can have brought; sharing
    it out would be a guess, not a bound."""
    return ResultEnd(
        sales=likely.sales + rise.sales,
        revenue=_add(likely.revenue, rise.revenue),
        cost=likely.cost,
        gross_margin=likely.gross_margin,
    )


AT_MOST_PER_INFLUENCER = _(
    "Each influencer's “at most” adds the whole rise over the weeks before the start: "
    "nothing tells whose posts brought it, so it is the most any one of them can have brought, "
    "and these ends do not add up to the campaign's."
)
NO_AT_MOST_BEFORE_START = _(
    "No “at most” yet: the campaign has not started, so there is no rise over the "
    "weeks before it to count."
)
NO_AT_MOST_NO_BASELINE = _(
    "No “at most”: no sales, revenue or visits were recorded for the weeks before "
    "the start, so there is nothing to compare the campaign's weeks with."
)


def at_most_note(*, campaign: Campaign, rise: BaselineRise, today: date) -> str | Promise:
    """One plain sentence under the per-influencer ends: how their "at most" is counted, or
    why there is none."""
    if rise.known:
        return AT_MOST_PER_INFLUENCER
    if not campaign.start_date or today < campaign.start_date:
        return NO_AT_MOST_BEFORE_START
    return NO_AT_MOST_NO_BASELINE


def campaign_range(
    *,
    campaign: Campaign,
    roi: ROISummary,
    counts: VoiceCounts,
    rise: BaselineRise,
    today: date | None = None,
) -> ResultsRange:
    """The campaign's range, from its ROI summary (the counted end), ``voice_counts`` and
    ``baseline_rise``."""
    today = today or timezone.localdate()
    sure = ResultEnd(
        sales=roi.orders, revenue=roi.revenue, cost=roi.cost, gross_margin=roi.gross_margin
    )
    extra = counts.likely_extra()
    likely = ResultEnd(
        sales=sure.sales + extra,
        revenue=_add(
            sure.revenue,
            metrics.value_of_sales(sales=extra, revenue=roi.revenue, orders=roi.orders),
        ),
        cost=roi.cost,
        gross_margin=roi.gross_margin,
    )
    return ResultsRange(
        sure=sure,
        likely=likely,
        at_most=at_most_end(likely=likely, rise=rise),
        survey_sales=sum(counts.survey.values()),
        tap_sales=sum(counts.taps.values()),
        baseline_sales=rise.sales,
        has_baseline=rise.known,
        suspect_answers=counts.suspect,
        at_most_note=at_most_note(campaign=campaign, rise=rise, today=today),
    )


@dataclass
class KeepOrStop:
    """Whether an influencer is on course to pay back their cost by the deadline."""

    partnership: Partnership
    sure: ResultEnd
    likely: ResultEnd
    at_most: ResultEnd | None  # None without a baseline (see ``at_most_note``)
    break_even: int | None  # sales at their average order that pay back their cost
    needed: int | None  # more sales still needed (0: paid back)
    at_pace: int | None  # more sales to expect by the deadline at the pace so far
    deadline: date | None
    ended: bool

    @property
    def verdict(self) -> str:
        if self.needed is None:
            return "unknown"
        if self.needed == 0:
            return "paid_back"
        if self.ended or self.at_pace is None:
            return "short"
        return "keep" if self.at_pace >= self.needed else "stop"

    @property
    def trust_sentence(self) -> str | Promise:
        """Which of their ends to trust (without a baseline, the likely end is the highest)."""
        key = trusted_end(sure=self.sure, likely=self.likely, at_most=self.at_most or self.likely)
        return INFLUENCER_TRUST_SENTENCES[key]


def keep_or_stop_lines(
    *,
    campaign: Campaign,
    results: Iterable[PartnershipResult],
    roi: ROISummary,
    counts: VoiceCounts,
    rise: BaselineRise,
    today: date | None = None,
) -> list[KeepOrStop]:
    """One keep-or-stop line per influencer, counting their likely sales (codes, links,
    imports, survey answers and till taps), each at their own average order (the
    campaign's while they have none of their own), with their three ends."""
    today = today or timezone.localdate()
    start, end = campaign.start_date, campaign.end_date
    days_used = days_left = None
    if start and end and today >= start:
        days_used = metrics.campaign_days(start=start, end=min(today, end))
        days_left = max((end - today).days, 0)
    lines = []
    for result in results:
        own_average = metrics.average_order(revenue=result.revenue, orders=result.orders)
        average = own_average or roi.average_order_value
        # Their extra sales are worth their own average order, else the campaign's.
        worth = (result.revenue, result.orders) if own_average else (roi.revenue, roi.orders)
        extra = counts.likely_extra(result.partnership.pk)
        sure = ResultEnd(
            sales=result.orders,
            revenue=result.revenue,
            cost=result.cost,
            gross_margin=roi.gross_margin,
        )
        likely = ResultEnd(
            sales=result.orders + extra,
            revenue=_add(
                result.revenue,
                metrics.value_of_sales(sales=extra, revenue=worth[0], orders=worth[1]),
            ),
            cost=result.cost,
            gross_margin=roi.gross_margin,
        )
        break_even = metrics.break_even_sales(
            cost=result.cost, average_order_value=average, gross_margin_percent=roi.gross_margin
        )
        if not result.cost:
            break_even = 0
        lines.append(
            KeepOrStop(
                partnership=result.partnership,
                sure=sure,
                likely=likely,
                at_most=at_most_end(likely=likely, rise=rise) if rise.known else None,
                break_even=break_even,
                needed=metrics.sales_still_needed(break_even=break_even, sales_so_far=likely.sales),
                at_pace=metrics.sales_at_pace(
                    sales_so_far=likely.sales, days_used=days_used, days_left=days_left
                ),
                deadline=end,
                ended=bool(end and today > end),
            )
        )
    return lines
