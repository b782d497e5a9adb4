"""Reading a campaign's numbers: where each KPI stands, from measurements, clicks and codes.

Every function here works on a whole campaign with a fixed number of queries, however many
measurements or clicks there are: pages built on it do not slow down as data grows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from . import metrics
from .catalogue import KPIKind, Source
from .models import CampaignKPI, Click, Measurement, Redemption

# Which KPI kinds each automatic source can feed, and how.
LINK_KINDS = {KPIKind.LINK_CLICKS, KPIKind.WEBSITE_VISITS}
REDEMPTION_KINDS = {KPIKind.REDEMPTIONS, KPIKind.ORDERS, KPIKind.REVENUE, KPIKind.NEW_CUSTOMERS}
AUTOMATIC_SOURCES = {Source.LINKS, Source.PROMO_CODES, Source.SHOP}


def is_automatic(kpi):
    """True when the app counts this KPI itself (the check-in form shows it, read-only)."""
    if kpi.source == Source.LINKS:
        return kpi.kind in LINK_KINDS
    if kpi.source in (Source.PROMO_CODES, Source.SHOP):
        return kpi.kind in REDEMPTION_KINDS
    return False


def human_clicks_by_day(campaign):
    """{date: clicks by people} over all the campaign's tracked links, bots left out."""
    rows = (
        Click.objects.filter(link__partnership__campaign=campaign, is_bot=False)
        .annotate(day=TruncDate("at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(clicks=Count("id"))
    )
    return {row["day"]: Decimal(row["clicks"]) for row in rows}


def redemptions_by_day(campaign):
    """{date: {"orders", "revenue", "customers"}} from the campaign's promo-code uses."""
    rows = (
        Redemption.objects.filter(partnership__campaign=campaign)
        .values("date")
        .annotate(
            orders=Count("id"),
            revenue=Sum("revenue"),
            customers=Count("id", filter=Q(new_customer=True)),
        )
    )
    return {
        row["date"]: {
            KPIKind.ORDERS: Decimal(row["orders"]),
            KPIKind.REDEMPTIONS: Decimal(row["orders"]),
            KPIKind.REVENUE: row["revenue"] or Decimal(0),
            KPIKind.NEW_CUSTOMERS: Decimal(row["customers"]),
        }
        for row in rows
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
    series = []
    running = Decimal(kpi.baseline)
    for day in sorted(daily_values):
        if kpi.cumulative:
            running += daily_values[day]
            series.append((day, running))
        else:
            series.append((day, daily_values[day]))
    return series


def campaign_kpi_statuses(campaign, today=None):
    """Where every KPI of the campaign stands today, in four queries in all."""
    today = today or timezone.localdate()
    kpis = list(CampaignKPI.objects.filter(campaign=campaign).select_related("campaign"))
    daily = {kpi.pk: defaultdict(Decimal) for kpi in kpis}
    snapshots = {kpi.pk: {} for kpi in kpis}

    measurements = (
        Measurement.objects.filter(kpi__campaign=campaign)
        .values("kpi_id", "date")
        .annotate(total=Sum("value"))
    )
    latest_levels = Measurement.objects.filter(kpi__campaign=campaign).order_by("date", "id")
    needs_levels = any(not kpi.cumulative for kpi in kpis)
    by_pk = {kpi.pk: kpi for kpi in kpis}
    for row in measurements:
        if by_pk[row["kpi_id"]].cumulative:
            daily[row["kpi_id"]][row["date"]] += row["total"]
    if needs_levels:
        for reading in latest_levels.filter(kpi__in=[k for k in kpis if not k.cumulative]).values(
            "kpi_id", "date", "value"
        ):
            snapshots[reading["kpi_id"]][reading["date"]] = reading["value"]

    automatic = [kpi for kpi in kpis if is_automatic(kpi)]
    clicks = human_clicks_by_day(campaign) if any(k.kind in LINK_KINDS for k in automatic) else {}
    codes = (
        redemptions_by_day(campaign) if any(k.kind in REDEMPTION_KINDS for k in automatic) else {}
    )
    for kpi in automatic:
        if kpi.kind in LINK_KINDS:
            for day, count in clicks.items():
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
