"""Reading a campaign's numbers: where each KPI stands, from measurements, clicks and codes.

Every function here works on a whole campaign with a fixed number of queries, however many
measurements or clicks there are: pages built on it do not slow down as data grows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignStatus, Partnership

from . import metrics
from .catalogue import KPIKind, Source, definition
from .models import CampaignKPI, ClickDay, Measurement, Post, Redemption

# Which KPI kinds each automatic source can feed, and how.
LINK_KINDS = {KPIKind.LINK_CLICKS, KPIKind.WEBSITE_VISITS}
REDEMPTION_KINDS = {KPIKind.REDEMPTIONS, KPIKind.ORDERS, KPIKind.REVENUE, KPIKind.NEW_CUSTOMERS}
# Counted from the campaign's posts (typed by the owner, sent by the influencer or read from
# a social insights file: one row per post, so never twice).
POST_KINDS = {KPIKind.ENGAGEMENT: "engagement", KPIKind.REACH: "reach"}


def _grouped(rows, key):
    """{key(row): [rows]}, empty for a campaign without any."""
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


class CampaignRows:
    """The rows a set of campaigns' figures are worked out from. Each kind is read once for
    all the campaigns together, the first time a figure needs it, and each campaign then
    takes its own share: one campaign or thirty cost the same queries."""

    def __init__(self, campaigns):
        self.campaigns = {campaign.pk: campaign for campaign in campaigns}

    @cached_property
    def kpis(self):
        """{campaign id: [CampaignKPI]}, in the campaign's order."""
        kpis = list(CampaignKPI.objects.filter(campaign__in=self.campaigns))
        for kpi in kpis:
            kpi.campaign = self.campaigns[kpi.campaign_id]
        return _grouped(kpis, lambda kpi: kpi.campaign_id)

    @cached_property
    def levels(self):
        """{campaign id: [{kpi_id, date, value}]}: every reading of a snapshot KPI, oldest
        first (its level on a day is its last reading that day)."""
        snapshot_kpis = [
            kpi.pk for kpis in self.kpis.values() for kpi in kpis if not kpi.cumulative
        ]
        rows = (
            Measurement.objects.filter(kpi__in=snapshot_kpis)
            .order_by("date", "id")
            .values("kpi__campaign_id", "kpi_id", "date", "value")
        )
        return _grouped(rows, lambda row: row["kpi__campaign_id"])

    @cached_property
    def readings(self):
        """{campaign id: [{kpi__kind, influencer_id, date, total}]}: readings summed per kind,
        influencer and day."""
        rows = (
            Measurement.objects.filter(kpi__campaign__in=self.campaigns)
            .values("kpi__campaign_id", "kpi__kind", "influencer_id", "date")
            .annotate(total=Sum("value"))
            .order_by()
        )
        return _grouped(rows, lambda row: row["kpi__campaign_id"])

    @cached_property
    def human_clicks(self):
        """{campaign id: {(partnership id, day): clicks by people}}, from the daily counts
        (one row per link and day), never the clicks: the same few rows at 50 clicks or 5
        million."""
        rows = ClickDay.objects.filter(
            link__partnership__campaign__in=self.campaigns, people__gt=0
        ).values_list(
            "link__partnership__campaign_id",
            "link__partnership_id",
            "link__partnership__influencer_id",
            "day",
            "people",
        )
        counts = defaultdict(lambda: defaultdict(int))
        for campaign_id, partnership_id, influencer_id, day, people in rows:
            counts[campaign_id][(partnership_id, day)] += people
            self.clicked_partners[partnership_id] = influencer_id
        return counts

    @cached_property
    def clicked_partners(self):
        """{partnership id: influencer id} of the partnerships with clicks (filled in with
        ``human_clicks``, from the same rows)."""
        return {}

    @cached_property
    def code_uses(self):
        """{campaign id: [{partnership__influencer_id, date, uses, revenue, first_time}]}."""
        rows = (
            Redemption.objects.filter(partnership__campaign__in=self.campaigns)
            .values("partnership__campaign_id", "partnership__influencer_id", "date")
            .annotate(
                uses=Count("id"),
                revenue=Sum("revenue"),
                first_time=Count("id", filter=Q(new_customer=True)),
            )
            .order_by()
        )
        return _grouped(rows, lambda row: row["partnership__campaign_id"])

    @cached_property
    def posts(self):
        """{campaign id: [(influencer id, day, interactions, views)]}, one per post."""
        rows = Post.objects.filter(partnership__campaign__in=self.campaigns).values_list(
            "partnership__campaign_id",
            "partnership__influencer_id",
            "posted_on",
            "views",
            "likes",
            "comments",
            "shares",
        )
        posts = defaultdict(list)
        for campaign_id, influencer_id, day, views, likes, comments, shares in rows:
            interactions = metrics.post_interactions(likes=likes, comments=comments, shares=shares)
            posts[campaign_id].append((influencer_id, day, interactions, metrics.post_reach(views)))
        return posts

    @cached_property
    def partnerships(self):
        """{campaign id: [Partnership]} with each influencer and their profiles."""
        partnerships = list(
            Partnership.objects.filter(campaign__in=self.campaigns)
            .select_related("influencer")
            .prefetch_related("influencer__profiles")
        )
        for partnership in partnerships:
            partnership.campaign = self.campaigns[partnership.campaign_id]
        return _grouped(partnerships, lambda partnership: partnership.campaign_id)


def _rows_for(campaign, rows):
    return rows if rows is not None else CampaignRows([campaign])


def is_automatic(kpi):
    """True when the app counts this KPI itself (the check-in form shows it, read-only)."""
    if kpi.source == Source.LINKS:
        return kpi.kind in LINK_KINDS
    if kpi.source in (Source.PROMO_CODES, Source.SHOP):
        return kpi.kind in REDEMPTION_KINDS
    if kpi.source == Source.SOCIAL:
        return kpi.kind in POST_KINDS
    return False


def human_clicks(campaign, rows=None):
    """{(partnership id, day): clicks by people} on the campaign's tracked links, bots left
    out, from the daily counts. Serves both the sums per day and per influencer."""
    return _rows_for(campaign, rows).human_clicks[campaign.pk]


def human_clicks_by_day(campaign, clicks=None):
    """{date: clicks by people} over all the campaign's tracked links. Pass ``human_clicks``
    if you already have them, to save their queries."""
    clicks = human_clicks(campaign) if clicks is None else clicks
    by_day = defaultdict(Decimal)
    for (_partnership, day), count in clicks.items():
        by_day[day] += count
    return dict(by_day)


@dataclass
class CampaignFigures:
    """A campaign's cumulative figures per kind, per influencer and per day, read once.

    Each figure is what ``metrics.FIGURE_PARTS`` says it is: the readings typed in or
    imported for it, plus what the app counts itself (clicks on tracked links, promo-code
    uses). The KPI cards, the comparison table and the ROI panel all add up these same
    cells, so a figure is the same wherever it is shown, and the influencers' rows plus the
    readings for the whole campaign add up to the campaign's total.
    """

    # {kind: {(influencer id or None, day): value}}
    cells: dict = field(default_factory=dict)
    tracked_clicks: dict = field(default_factory=dict)  # {day: clicks by people on our links}

    def add(self, kind, influencer_id, day, value):
        cells = self.cells.setdefault(kind, defaultdict(Decimal))
        cells[(influencer_id, day)] += value

    def by_day(self, kind):
        days = defaultdict(Decimal)
        for (_influencer, day), value in self.cells.get(kind, {}).items():
            days[day] += value
        return dict(days)

    def by_influencer(self, kind):
        people = defaultdict(Decimal)
        for (influencer, _day), value in self.cells.get(kind, {}).items():
            people[influencer] += value
        return dict(people)

    def total(self, kind):
        return sum(self.cells.get(kind, {}).values(), Decimal(0))


def campaign_figures(campaign, clicks=None, partnerships=None, rows=None):
    """Every cumulative figure of the campaign (``CampaignFigures``) in five queries at most:
    fewer when ``human_clicks`` or the campaign's partnerships are passed in, and none more
    for each further campaign of ``rows`` (``CampaignRows``)."""
    rows = _rows_for(campaign, rows)
    figures = CampaignFigures()
    for row in rows.readings[campaign.pk]:
        if definition(row["kpi__kind"]).cumulative:
            value = metrics.two_places(row["total"])
            figures.add(row["kpi__kind"], row["influencer_id"], row["date"], value)

    if clicks is None:
        clicks = human_clicks(campaign, rows)
        partners = rows.clicked_partners
    else:
        partners = {}
    if partnerships is not None:
        partners = {p.pk: p.influencer_id for p in partnerships}
    elif clicks and not partners:
        partners = dict(campaign.partnerships.values_list("pk", "influencer_id"))
    tracked = defaultdict(Decimal)
    for (partnership_id, day), count in clicks.items():
        tracked[day] += count
        figures.add(KPIKind.LINK_CLICKS, partners.get(partnership_id), day, Decimal(count))
    figures.tracked_clicks = dict(tracked)

    for row in rows.code_uses[campaign.pk]:
        for kind, part in metrics.FIGURE_PARTS.items():
            if part in row:
                value = metrics.two_places(row[part]) if part == "revenue" else Decimal(row[part])
                figures.add(kind, row["partnership__influencer_id"], row["date"], value)

    # Posts count for engagement and reach unless the owner chose to type that KPI in by
    # hand: then their typed totals already hold the posts' numbers.
    typed = {kpi.kind for kpi in rows.kpis[campaign.pk] if kpi.source != Source.SOCIAL}
    for influencer_id, day, engagement, reach in rows.posts[campaign.pk]:
        if KPIKind.ENGAGEMENT not in typed:
            figures.add(KPIKind.ENGAGEMENT, influencer_id, day, Decimal(engagement))
        if KPIKind.REACH not in typed:
            figures.add(KPIKind.REACH, influencer_id, day, Decimal(reach))
    return figures


def daily_values(kpi, figures):
    """{date: value} of a cumulative KPI: its figure, or for website visits counted from
    the tracked links, the clicks on them."""
    if kpi.kind == KPIKind.WEBSITE_VISITS and is_automatic(kpi):
        days = defaultdict(Decimal, figures.by_day(kpi.kind))
        for day, count in figures.tracked_clicks.items():
            days[day] += count
        return dict(days)
    return figures.by_day(kpi.kind)


@dataclass
class KPIStatus:
    kpi: CampaignKPI
    series: list = field(default_factory=list)  # [(date, running value)], oldest first
    current: Decimal = Decimal(0)
    progress: Decimal | None = None
    expected: Decimal | None = None
    percent_of_pace: Decimal | None = None
    pace: str = metrics.PaceStatus.NO_DATA
    projected: Decimal | None = None
    projected_progress: Decimal | None = None
    days_until_projection: int = 0  # more days of the campaign a projection waits for

    @property
    def pace_label(self):
        return metrics.PaceStatus(self.pace).label

    @property
    def below_adjustment_threshold(self):
        """The owner's own rule from the plan: act when a KPI falls below N% of pace."""
        threshold = self.kpi.campaign.adjustment_threshold
        return self.percent_of_pace is not None and self.percent_of_pace < threshold


def running_series(kpi, daily_values):
    """Turn {date: value} into [(date, running value)]: a running total for cumulative kinds,
    the level itself for snapshot kinds."""
    if not kpi.cumulative:
        return [(day, daily_values[day]) for day in sorted(daily_values)]
    series = []
    running = Decimal(kpi.baseline)
    for day in sorted(daily_values):
        running += daily_values[day]
        series.append((day, running))
    return series


def campaign_kpi_statuses(campaign, today=None, clicks=None, figures=None, rows=None):
    """Where every KPI of the campaign stands today, in seven queries at most (fewer when
    ``human_clicks`` or ``campaign_figures`` are passed in), none more for each further
    campaign of ``rows`` (``CampaignRows``)."""
    today = today or timezone.localdate()
    rows = _rows_for(campaign, rows)
    kpis = rows.kpis[campaign.pk]
    if figures is None and any(kpi.cumulative for kpi in kpis):
        figures = campaign_figures(campaign, clicks, rows=rows)
    snapshots = {kpi.pk: {} for kpi in kpis if not kpi.cumulative}
    if snapshots:
        for reading in rows.levels[campaign.pk]:
            snapshots[reading["kpi_id"]][reading["date"]] = reading["value"]
    statuses = []
    for kpi in kpis:
        values = daily_values(kpi, figures) if kpi.cumulative else snapshots[kpi.pk]
        statuses.append(kpi_status(kpi, running_series(kpi, values), today))
    return statuses


def kpi_status(kpi, series, today):
    campaign = kpi.campaign
    start, end = campaign.start_date, campaign.end_date
    current = series[-1][1] if series else Decimal(kpi.baseline)
    progress = (
        metrics.progress_percent(current=current, baseline=kpi.baseline, target=kpi.target)
        if series
        else None
    )
    expected = metrics.expected_progress_percent(start=start, end=end, today=today)
    projected = metrics.projected_end_value(
        series,
        start=start,
        end=end,
        today=today,
        baseline=kpi.baseline,
        cumulative=kpi.cumulative,
        whole=not kpi.definition.money,
    )
    projected_progress = metrics.progress_percent(
        current=projected, baseline=kpi.baseline, target=kpi.target
    )
    return KPIStatus(
        kpi=kpi,
        series=series,
        current=current,
        progress=progress,
        expected=expected,
        percent_of_pace=metrics.percent_of_pace(progress=progress, expected=expected),
        pace=metrics.pace_status(
            progress=progress, expected=expected, projected_progress=projected_progress
        ),
        projected=projected,
        projected_progress=projected_progress,
        days_until_projection=metrics.days_until_projection(start=start, today=today)
        if start
        else 0,
    )


def day_of_campaign(campaign, today=None):
    """(day number, total days), e.g. (12, 30); day 0 before it starts."""
    today = today or timezone.localdate()
    if not campaign.start_date or not campaign.end_date:
        return None, None
    total = metrics.campaign_days(start=campaign.start_date, end=campaign.end_date)
    if today < campaign.start_date:
        return 0, total
    return min(metrics.campaign_days(start=campaign.start_date, end=today), total), total


def checkin_dates(campaign):
    """Every planned check-in date from the start to the deadline (the deadline included)."""
    if not campaign.start_date or not campaign.end_date:
        return []
    step = campaign.checkin_frequency
    dates = []
    day = campaign.start_date.toordinal() + step
    while day < campaign.end_date.toordinal():
        dates.append(date.fromordinal(day))
        day += step
    dates.append(campaign.end_date)
    return dates


def results_due(campaign, today=None):
    """True once the campaign runs: launched and started. Before that it has a cost, and
    no results to show."""
    return metrics.results_due(
        launched=campaign.status != CampaignStatus.DRAFT,
        start=campaign.start_date,
        today=today or timezone.localdate(),
    )


class ReturnRatios:
    """What came back for the money, for anything with a ``revenue``, a ``cost`` and a
    ``running`` flag: a campaign, an influencer on it, or all campaigns together. A plan not
    running yet has no results, only its cost."""

    running = True

    @property
    def roas(self):
        return metrics.roas(revenue=self.revenue, cost=self.cost) if self.running else None

    @property
    def cash_roi(self):
        return (
            metrics.cash_roi_percent(revenue=self.revenue, cost=self.cost) if self.running else None
        )


@dataclass
class ROISummary(ReturnRatios):
    """What the campaign cost, what it brought in, and the ratios between the two."""

    revenue: Decimal
    orders: int
    new_customers: int
    clicks: int
    engagements: int
    costs: metrics.CostBreakdown
    gross_margin: Decimal
    running: bool = True  # False for a plan not launched, or launched but not started

    @property
    def cost(self):
        return self.costs.total

    @property
    def profit_roi(self):
        if not self.running:
            return None
        return metrics.profit_roi_percent(
            revenue=self.revenue, cost=self.cost, gross_margin_percent=self.gross_margin
        )

    @property
    def profit(self):
        if not self.running:
            return None
        return (
            metrics.gross_profit(revenue=self.revenue, gross_margin_percent=self.gross_margin)
            - self.cost
        )

    @property
    def average_order_value(self):
        return metrics.average_order(revenue=self.revenue, orders=self.orders)

    @property
    def break_even_sales(self):
        return metrics.break_even_sales(
            cost=self.cost,
            average_order_value=self.average_order_value,
            gross_margin_percent=self.gross_margin,
        )

    @property
    def cpc(self):
        return metrics.cost_per(cost=self.cost, count=self.clicks) if self.running else None

    @property
    def cpa(self):
        return metrics.cost_per(cost=self.cost, count=self.new_customers) if self.running else None

    @property
    def cpe(self):
        return metrics.cost_per(cost=self.cost, count=self.engagements) if self.running else None

    @property
    def conversion(self):
        return metrics.conversion(sales=self.orders, clicks=self.clicks)

    @property
    def conversion_rate(self):
        return self.conversion.rate

    reference_return = metrics.INDUSTRY_RETURN_PER_UNIT
    new_customers_counted = metrics.NEW_CUSTOMERS_COUNTED


@dataclass
class PartnershipResult(ReturnRatios):
    partnership: Partnership
    clicks: int
    orders: int
    new_customers: int
    revenue: Decimal
    cost: Decimal
    engagement: object  # influencers.metrics.Engagement of the main profile, or None
    engagement_profile: object = None  # the influencer's main profile, whose rate it is
    running: bool = True

    @property
    def engagement_rate(self):
        return self.engagement.rate if self.engagement else None

    @property
    def engagement_basis(self):
        """Which profile's rate, and by what: "Instagram @maya, by reach"."""
        if self.engagement_rate is None:
            return ""
        return metrics.engagement_source(
            profile=self.engagement_profile, engagement=self.engagement
        )

    @property
    def cpa(self):
        return metrics.cost_per(cost=self.cost, count=self.new_customers) if self.running else None

    @property
    def name(self):
        return self.partnership.influencer.name

    @property
    def promo_code(self):
        return self.partnership.promo_code


@dataclass
class WholeCampaignResult:
    """The comparison table's last row: numbers typed in for the whole campaign rather than
    for one influencer, and the campaign's other costs. With it the rows add up to the
    campaign's figures on the cards and in the ROI panel."""

    clicks: int
    orders: int
    new_customers: int
    revenue: Decimal
    cost: Decimal
    name = _("The whole campaign (not one influencer)")
    promo_code = ""
    # Ratios of leftovers would mean nothing: the row only makes the sums add up.
    cpa = roas = cash_roi = engagement_rate = None
    engagement_basis = ""

    @property
    def shown(self):
        return any((self.clicks, self.orders, self.new_customers, self.revenue, self.cost))


def comparison_rows(campaign, results, figures):
    """The comparison table: one row per influencer, then the whole campaign's own row
    when it has anything in it."""
    whole = WholeCampaignResult(
        clicks=metrics.whole_number(figures.by_influencer(KPIKind.LINK_CLICKS).get(None, 0)),
        orders=metrics.whole_number(figures.by_influencer(KPIKind.ORDERS).get(None, 0)),
        new_customers=metrics.whole_number(
            figures.by_influencer(KPIKind.NEW_CUSTOMERS).get(None, 0)
        ),
        revenue=metrics.two_places(figures.by_influencer(KPIKind.REVENUE).get(None)),
        cost=metrics.two_places(campaign.other_costs),
    )
    return [*results, whole] if whole.shown else list(results)


def campaign_partnerships(campaign):
    """The campaign's partnerships with their influencers and profiles (two queries)."""
    return list(
        campaign.partnerships.select_related("influencer").prefetch_related("influencer__profiles")
    )


def partnership_results(campaign, clicks=None, figures=None, partnerships=None):
    """One row per influencer on the campaign, for side-by-side comparison (fixed queries).
    Pass ``human_clicks``, ``campaign_figures`` or ``campaign_partnerships`` if you already
    have them, to save their queries."""
    if partnerships is None:
        partnerships = campaign_partnerships(campaign)
    if figures is None:
        figures = campaign_figures(campaign, clicks, partnerships)
    per_person = {kind: figures.by_influencer(kind) for kind in metrics.COUNTED_FIGURES}
    running = results_due(campaign)
    results = []
    for partnership in partnerships:
        person = partnership.influencer_id
        revenue = metrics.two_places(per_person[KPIKind.REVENUE].get(person))
        commission = metrics.commission_due(
            revenue=revenue, rate_percent=partnership.commission_rate
        )
        profile = partnership.influencer.main_profile
        results.append(
            PartnershipResult(
                partnership=partnership,
                clicks=metrics.whole_number(per_person[KPIKind.LINK_CLICKS].get(person, 0)),
                orders=metrics.whole_number(per_person[KPIKind.ORDERS].get(person, 0)),
                new_customers=metrics.whole_number(
                    per_person[KPIKind.NEW_CUSTOMERS].get(person, 0)
                ),
                revenue=revenue,
                cost=partnership.fixed_cost + commission,
                engagement=profile.engagement if profile else None,
                engagement_profile=profile,
                running=running,
            )
        )
    return results


def campaign_roi(campaign, results=None, figures=None):
    """The campaign's ROI panel, with every cost counted. Pass ``partnership_results`` and
    ``campaign_figures`` if you already have them, to save their queries."""
    if results is None:
        partnerships = campaign_partnerships(campaign)
        figures = figures or campaign_figures(campaign, partnerships=partnerships)
        results = partnership_results(campaign, figures=figures, partnerships=partnerships)
    elif figures is None:
        figures = campaign_figures(campaign, partnerships=[r.partnership for r in results])
    partnerships = [result.partnership for result in results]
    costs = metrics.CostBreakdown(
        fees=sum((p.fee for p in partnerships), Decimal(0)),
        products=sum((p.product_value for p in partnerships), Decimal(0)),
        shipping=sum((p.shipping for p in partnerships), Decimal(0)),
        commission=sum((r.cost - r.partnership.fixed_cost for r in results), Decimal(0)),
        other=campaign.other_costs,
    )
    return ROISummary(
        revenue=metrics.two_places(figures.total(KPIKind.REVENUE)),
        orders=metrics.whole_number(figures.total(KPIKind.ORDERS)),
        new_customers=metrics.whole_number(figures.total(KPIKind.NEW_CUSTOMERS)),
        clicks=metrics.whole_number(figures.total(KPIKind.LINK_CLICKS)),
        engagements=metrics.whole_number(figures.total(KPIKind.ENGAGEMENT)),
        costs=costs,
        gross_margin=campaign.gross_margin,
        running=results_due(campaign),
    )
