"""Reading a campaign's numbers: where each KPI stands, from measurements, clicks and codes.

Every function here works on a whole campaign with a fixed number of queries, however many
measurements or clicks there are: pages built on it do not slow down as data grows. The rows
are read in batches (``rows``), added up into the figures every page shows (``figures``),
followed day by day against the plan (``pace``), and set against what they cost
(``returns``).
"""

from .figures import (
    CampaignFigures,
    Clicks,
    campaign_figures,
    clicks_of,
    counted_figures,
    counted_for_partnership,
    daily_values,
    fed_by_clicks,
    human_clicks,
    is_automatic,
    is_result_day,
    reading_figures,
)
from .pace import (
    KPIStatus,
    campaign_kpi_statuses,
    checkin_dates,
    day_of_campaign,
    kpi_status,
    results_due,
    running_series,
)
from .returns import (
    PartnershipResult,
    ReturnRatios,
    ROISummary,
    WholeCampaignResult,
    campaign_partnerships,
    campaign_roi,
    comparison_rows,
    partnership_results,
)
from .rows import (
    CampaignRows,
    ClickDayRow,
    click_days,
    click_days_since,
    kpi_readings,
    readings_versions,
    snapshot_levels,
)

__all__ = [
    "CampaignFigures",
    "CampaignRows",
    "ClickDayRow",
    "Clicks",
    "KPIStatus",
    "PartnershipResult",
    "ROISummary",
    "ReturnRatios",
    "WholeCampaignResult",
    "campaign_figures",
    "campaign_kpi_statuses",
    "campaign_partnerships",
    "campaign_roi",
    "checkin_dates",
    "click_days",
    "click_days_since",
    "clicks_of",
    "counted_figures",
    "counted_for_partnership",
    "comparison_rows",
    "daily_values",
    "day_of_campaign",
    "fed_by_clicks",
    "human_clicks",
    "is_automatic",
    "is_result_day",
    "kpi_status",
    "partnership_results",
    "reading_figures",
    "results_due",
    "running_series",
    "kpi_readings",
    "readings_versions",
    "snapshot_levels",
]
