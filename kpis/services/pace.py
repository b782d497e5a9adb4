"""Where each KPI stands today: its running series, progress, the pace it keeps and where
it is heading; the campaign's calendar."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from campaigns.models import Campaign, CampaignStatus

from .. import metrics
from ..models import CampaignKPI
from .figures import CampaignFigures, Clicks, campaign_figures, daily_values
from .rows import CampaignRows, rows_for


@dataclass
class KPIStatus:
    kpi: CampaignKPI
    series: list[tuple[date, Decimal]] = field(
        default_factory=list
    )  # [(date, running value)], oldest first
    current: Decimal = Decimal(0)
    progress: Decimal | None = None
    expected: Decimal | None = None
    percent_of_pace: Decimal | None = None
    pace: str = metrics.PaceStatus.NO_DATA
    projected: Decimal | int | None = None
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


def running_series(
    *, kpi: CampaignKPI, daily_values: dict[date, Decimal]
) -> list[tuple[date, Decimal]]:
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


def campaign_kpi_statuses(
    *,
    campaign: Campaign,
    today: date | None = None,
    clicks: Clicks | None = None,
    figures: CampaignFigures | None = None,
    rows: CampaignRows | None = None,
    kpis: list[CampaignKPI] | None = None,
) -> list[KPIStatus]:
    """Where every KPI of the campaign (or only ``kpis``) stands today, in seven queries at
    most (fewer when ``human_clicks`` or ``campaign_figures`` are passed in), none more for
    each further campaign of ``rows`` (``CampaignRows``)."""
    today = today or timezone.localdate()
    rows = rows_for(campaign, rows)
    if kpis is None:
        kpis = rows.kpis[campaign.pk]
    if figures is None and any(kpi.cumulative for kpi in kpis):
        figures = campaign_figures(campaign=campaign, clicks=clicks, rows=rows)
    snapshots: dict[int, dict[date, Decimal]] = {kpi.pk: {} for kpi in kpis if not kpi.cumulative}
    if snapshots:
        for reading in rows.levels[campaign.pk]:
            snapshots[reading["kpi_id"]][reading["date"]] = reading["value"]
    statuses = []
    for kpi in kpis:
        if figures is not None and kpi.cumulative:
            values = daily_values(kpi=kpi, figures=figures)
        else:
            values = snapshots[kpi.pk]
        series = running_series(kpi=kpi, daily_values=values)
        statuses.append(kpi_status(kpi=kpi, series=series, today=today))
    return statuses


def kpi_status(*, kpi: CampaignKPI, series: list[tuple[date, Decimal]], today: date) -> KPIStatus:
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


def day_of_campaign(
    *, campaign: Campaign, today: date | None = None
) -> tuple[int | None, int | None]:
    """(day number, total days), e.g. (12, 30); day 0 before it starts."""
    today = today or timezone.localdate()
    if not campaign.start_date or not campaign.end_date:
        return None, None
    total = metrics.campaign_days(start=campaign.start_date, end=campaign.end_date)
    if today < campaign.start_date:
        return 0, total
    return min(metrics.campaign_days(start=campaign.start_date, end=today), total), total


def checkin_dates(*, campaign: Campaign) -> list[date]:
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


def results_due(*, campaign: Campaign, today: date | None = None) -> bool:
    """True once the campaign runs: launched and started. Before that it has a cost, and
    no results to show."""
    return metrics.results_due(
        launched=campaign.status != CampaignStatus.DRAFT,
        start=campaign.start_date,
        today=today or timezone.localdate(),
    )
