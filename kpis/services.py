"""Reading a campaign's numbers: where each KPI stands, from measurements, clicks and codes.

Every function here works on a whole campaign with a fixed number of queries, however many
measurements or clicks there are: pages built on it do not slow down as data grows. The rows
come from ``CampaignRows``, which reads them for many campaigns at once: pass one to every
function to work out a whole portfolio in the same few queries as one campaign.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone

from campaigns.models import Partnership

from . import metrics
from .catalogue import KPIKind, Source
from .models import CampaignKPI, ClickDay, Measurement, Redemption

# Which KPI kinds each automatic source can feed, and how.
LINK_KINDS = {KPIKind.LINK_CLICKS, KPIKind.WEBSITE_VISITS}
REDEMPTION_KINDS = {KPIKind.REDEMPTIONS, KPIKind.ORDERS, KPIKind.REVENUE, KPIKind.NEW_CUSTOMERS}
AUTOMATIC_SOURCES = {Source.LINKS, Source.PROMO_CODES, Source.SHOP}


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
    def daily_measurements(self):
        """{campaign id: [{kpi_id, date, total}]}: the readings of each KPI summed per day."""
        rows = self._measurement_sums("kpi__campaign_id", "kpi_id", "date")
        return _grouped(rows, lambda row: row["kpi__campaign_id"])

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
    def measured_totals(self):
        """{campaign id: {(kind, influencer_id): total}} of every measurement."""
        totals = defaultdict(dict)
        for row in self._measurement_sums("kpi__campaign_id", "kpi__kind", "influencer_id"):
            totals[row["kpi__campaign_id"]][(row["kpi__kind"], row["influencer_id"])] = (
                metrics.two_places(row["total"])
            )
        return totals

    @cached_property
    def human_clicks(self):
        """{campaign id: {(partnership id, day): clicks by people}}, from the daily counts."""
        rows = ClickDay.objects.filter(
            link__partnership__campaign__in=self.campaigns, people__gt=0
        ).values_list("link__partnership__campaign_id", "link__partnership_id", "day", "people")
        counts = defaultdict(lambda: defaultdict(int))
        for campaign_id, partnership_id, day, people in rows:
            counts[campaign_id][(partnership_id, day)] += people
        return counts

    @cached_property
    def redemption_days(self):
        """{campaign id: [{date, orders, revenue, customers}]} of promo-code uses."""
        rows = self._redemption_sums("partnership__campaign_id", "date")
        return _grouped(rows, lambda row: row["partnership__campaign_id"])

    @cached_property
    def redemptions_by_partnership(self):
        """{partnership id: {orders, revenue, customers}} of promo-code uses."""
        return {row["partnership_id"]: row for row in self._redemption_sums("partnership_id")}

    def _measurement_sums(self, *group_by):
        return (
            Measurement.objects.filter(kpi__campaign__in=self.campaigns)
            .values(*group_by)
            .annotate(total=Sum("value"))
            .order_by()
        )

    def _redemption_sums(self, *group_by):
        return (
            Redemption.objects.filter(partnership__campaign__in=self.campaigns)
            .values(*group_by)
            .annotate(
                orders=Count("id"),
                revenue=Sum("revenue"),
                customers=Count("id", filter=Q(new_customer=True)),
            )
            .order_by()
        )

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
    return False


def human_clicks(campaign, rows=None):
    """{(partnership id, day): clicks by people} on the campaign's tracked links, bots left
    out. Read from the daily counts (one row per link and day), never the clicks: the same
    few rows at 50 clicks or 5 million. Serves both the sums per day and per influencer."""
    return _rows_for(campaign, rows).human_clicks[campaign.pk]


def human_clicks_by_day(campaign, clicks=None):
    """{date: clicks by people} over all the campaign's tracked links. Pass ``human_clicks``
    if you already have them, to save their queries."""
    clicks = human_clicks(campaign) if clicks is None else clicks
    by_day = defaultdict(Decimal)
    for (_partnership, day), count in clicks.items():
        by_day[day] += count
    return dict(by_day)


def redemptions_by_day(campaign, rows=None):
    """{date: {"orders", "revenue", "customers"}} from the campaign's promo-code uses."""
    return {
        row["date"]: {
            KPIKind.ORDERS: Decimal(row["orders"]),
            KPIKind.REDEMPTIONS: Decimal(row["orders"]),
            KPIKind.REVENUE: metrics.two_places(row["revenue"]),
            KPIKind.NEW_CUSTOMERS: Decimal(row["customers"]),
        }
        for row in _rows_for(campaign, rows).redemption_days[campaign.pk]
    }


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


def campaign_kpi_statuses(campaign, today=None, clicks=None, rows=None):
    """Where every KPI of the campaign stands today, in five queries at most (three when
    ``human_clicks`` are passed in); none more for each further campaign in ``rows``."""
    today = today or timezone.localdate()
    rows = _rows_for(campaign, rows)
    kpis = rows.kpis[campaign.pk]
    daily = {kpi.pk: defaultdict(Decimal) for kpi in kpis}
    snapshots = {kpi.pk: {} for kpi in kpis}

    cumulative = {kpi.pk for kpi in kpis if kpi.cumulative}
    if cumulative:
        for row in rows.daily_measurements[campaign.pk]:
            if row["kpi_id"] in cumulative:
                daily[row["kpi_id"]][row["date"]] += metrics.two_places(row["total"])
    if any(not kpi.cumulative for kpi in kpis):
        for reading in rows.levels[campaign.pk]:
            snapshots[reading["kpi_id"]][reading["date"]] = reading["value"]

    automatic = [kpi for kpi in kpis if is_automatic(kpi)]
    if any(k.kind in LINK_KINDS for k in automatic):
        clicks = human_clicks(campaign, rows) if clicks is None else clicks
        clicks_by_day = human_clicks_by_day(campaign, clicks)
    else:
        clicks_by_day = {}
    codes = (
        redemptions_by_day(campaign, rows)
        if any(k.kind in REDEMPTION_KINDS for k in automatic)
        else {}
    )
    for kpi in automatic:
        if kpi.kind in LINK_KINDS:
            for day, count in clicks_by_day.items():
                daily[kpi.pk][day] += count
        else:
            for day, values in codes.items():
                daily[kpi.pk][day] += values[kpi.kind]

    statuses = []
    for kpi in kpis:
        values = daily[kpi.pk] if kpi.cumulative else snapshots[kpi.pk]
        statuses.append(kpi_status(kpi, running_series(kpi, values), today))
    return statuses


def kpi_status(kpi, series, today):
    campaign = kpi.campaign
    current = series[-1][1] if series else Decimal(kpi.baseline)
    progress = metrics.progress_percent(current, kpi.baseline, kpi.target) if series else None
    expected = metrics.expected_progress_percent(campaign.start_date, campaign.end_date, today)
    return KPIStatus(
        kpi=kpi,
        series=series,
        current=current,
        progress=progress,
        expected=expected,
        percent_of_pace=metrics.percent_of_pace(progress, expected),
        pace=metrics.pace_status(progress, expected),
        projected=metrics.projected_end_value(
            series, campaign.start_date, campaign.end_date, kpi.baseline
        ),
    )


def day_of_campaign(campaign, today=None):
    """(day number, total days), e.g. (12, 30); day 0 before it starts."""
    today = today or timezone.localdate()
    if not campaign.start_date or not campaign.end_date:
        return None, None
    total = (campaign.end_date - campaign.start_date).days + 1
    if today < campaign.start_date:
        return 0, total
    return min((today - campaign.start_date).days + 1, total), total


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


class ReturnRatios:
    """What came back for the money, for anything with a ``revenue`` and a ``cost``: a
    campaign, an influencer on it, or all campaigns together."""

    @property
    def roas(self):
        return metrics.roas(self.revenue, self.cost)

    @property
    def cash_roi(self):
        return metrics.cash_roi_percent(self.revenue, self.cost)


@dataclass
class ROISummary(ReturnRatios):
    """What the campaign cost, what it brought in, and the ratios between the two."""

    revenue: Decimal
    orders: int
    new_customers: int
    clicks: int
    engagements: Decimal
    costs: metrics.CostBreakdown
    gross_margin: Decimal

    @property
    def cost(self):
        return self.costs.total

    @property
    def profit_roi(self):
        return metrics.profit_roi_percent(self.revenue, self.cost, self.gross_margin)

    @property
    def profit(self):
        return metrics.gross_profit(self.revenue, self.gross_margin) - self.cost

    @property
    def average_order_value(self):
        return metrics.cost_per(self.revenue, self.orders)

    @property
    def break_even_sales(self):
        return metrics.break_even_sales(self.cost, self.average_order_value, self.gross_margin)

    @property
    def cpc(self):
        return metrics.cost_per(self.cost, self.clicks)

    @property
    def cpa(self):
        return metrics.cost_per(self.cost, self.new_customers)

    @property
    def cpe(self):
        return metrics.cost_per(self.cost, self.engagements)

    @property
    def conversion_rate(self):
        return metrics.conversion_rate(self.orders, self.clicks)

    reference_return = metrics.INDUSTRY_RETURN_PER_UNIT


def _measured_totals(campaign, rows=None):
    """{(kind, influencer_id): total} of measurements of cumulative KPIs of the campaign."""
    return _rows_for(campaign, rows).measured_totals[campaign.pk]


def _total_for(measured, kind, influencer_id=None):
    """Sum of measurements of a kind: for one influencer, or for the whole campaign."""
    return sum(
        (
            total
            for (measured_kind, measured_influencer), total in measured.items()
            if measured_kind == kind
            and (influencer_id is None or influencer_id == measured_influencer)
        ),
        Decimal(0),
    )


@dataclass
class PartnershipResult(ReturnRatios):
    partnership: object
    clicks: int
    orders: int
    new_customers: int
    revenue: Decimal
    cost: Decimal
    engagement_rate: Decimal | None

    @property
    def cpa(self):
        return metrics.cost_per(self.cost, self.new_customers)


def partnership_results(campaign, clicks=None, rows=None):
    """One row per influencer on the campaign, for side-by-side comparison (fixed queries).
    Pass ``human_clicks`` if you already have them, to save their queries."""
    rows = _rows_for(campaign, rows)
    partnerships = rows.partnerships[campaign.pk]
    clicks = human_clicks(campaign, rows) if clicks is None else clicks
    clicks_by_partnership = defaultdict(int)
    for (partnership_id, _day), count in clicks.items():
        clicks_by_partnership[partnership_id] += count
    codes = rows.redemptions_by_partnership
    measured = _measured_totals(campaign, rows)
    results = []
    for partnership in partnerships:
        influencer_id = partnership.influencer_id
        code_row = codes.get(partnership.pk, {})
        revenue = metrics.two_places(code_row.get("revenue")) + _total_for(
            measured, KPIKind.REVENUE, influencer_id
        )
        orders = code_row.get("orders", 0) + int(
            _total_for(measured, KPIKind.ORDERS, influencer_id)
        )
        customers = code_row.get("customers", 0) + int(
            _total_for(measured, KPIKind.NEW_CUSTOMERS, influencer_id)
        )
        commission = metrics.commission_due(revenue, partnership.commission_rate)
        rates = [
            metrics.engagement_rate(
                p.avg_likes, p.avg_comments, p.avg_shares, p.avg_reach or p.followers
            )
            for p in partnership.influencer.profiles.all()
        ]
        known_rates = [rate for rate in rates if rate is not None]
        results.append(
            PartnershipResult(
                partnership=partnership,
                clicks=clicks_by_partnership[partnership.pk],
                orders=orders,
                new_customers=customers,
                revenue=revenue,
                cost=partnership.fixed_cost + commission,
                engagement_rate=max(known_rates) if known_rates else None,
            )
        )
    return results


def campaign_roi(campaign, results=None, rows=None):
    """The campaign's ROI panel, with every cost counted. Pass ``partnership_results`` if you
    already have them, to save their queries."""
    rows = _rows_for(campaign, rows)
    results = partnership_results(campaign, rows=rows) if results is None else results
    measured = _measured_totals(campaign, rows)
    # Readings typed in for the whole campaign, not for one influencer.
    unattributed = {kind: measured.get((kind, None), Decimal(0)) for kind in KPIKind}
    partnerships = [result.partnership for result in results]
    costs = metrics.CostBreakdown(
        fees=sum((p.fee for p in partnerships), Decimal(0)),
        products=sum((p.product_value for p in partnerships), Decimal(0)),
        shipping=sum((p.shipping for p in partnerships), Decimal(0)),
        commission=sum((r.cost - r.partnership.fixed_cost for r in results), Decimal(0)),
        other=campaign.other_costs,
    )
    return ROISummary(
        revenue=sum((r.revenue for r in results), unattributed[KPIKind.REVENUE]),
        orders=sum((r.orders for r in results), int(unattributed[KPIKind.ORDERS])),
        new_customers=sum(
            (r.new_customers for r in results), int(unattributed[KPIKind.NEW_CUSTOMERS])
        ),
        clicks=sum(r.clicks for r in results),
        engagements=_total_for(measured, KPIKind.ENGAGEMENT),
        costs=costs,
        gross_margin=campaign.gross_margin,
    )
