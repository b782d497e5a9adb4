"""What the dashboard, the portfolio and the PDFs show, gathered from the kpis services.

No formula lives here: numbers come from ``kpis.services`` and ``kpis.metrics``. This module
only picks, groups and words them (timeline, suggestions, follow-ups, portfolio rows).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignStatus, PartnershipStatus
from kpis import metrics
from kpis.catalogue import KPIKind
from kpis.models import CampaignKPI, CheckIn
from kpis.services import (
    CampaignRows,
    ReturnRatios,
    campaign_kpi_statuses,
    campaign_roi,
    checkin_dates,
    day_of_campaign,
    partnership_results,
)

from .charts import kpi_chart


@dataclass
class Timeline:
    day: int | None
    total_days: int | None
    checkins: list
    next_checkin: date | None
    overdue_since: date | None  # a planned check-in passed without one being recorded
    deadline_passed: bool
    checked_today: bool
    today: date

    @property
    def checkin_today(self):
        """Today is a planned check-in day and nothing is recorded yet."""
        return self.next_checkin == self.today and not self.checked_today

    @property
    def days_left(self):
        if self.day is None:
            return None
        return self.total_days - self.day


NOT_READ = object()


def campaign_timeline(campaign, today=None, last_checkin=NOT_READ):
    """Day X of Y, the next check-in and whether one is overdue. ``last_checkin`` is the date
    of the latest recorded check-in, None when there is none (read from the database when
    not given: one query)."""
    today = today or timezone.localdate()
    day, total = day_of_campaign(campaign, today)
    planned = checkin_dates(campaign)
    if last_checkin is NOT_READ:
        last_checkin = CheckIn.objects.filter(campaign=campaign).aggregate(last=Max("date"))["last"]
    # A check-in planned for today is due, not late: it is overdue from tomorrow.
    due = [checkin for checkin in planned if checkin < today]
    overdue_since = None
    if campaign.status == CampaignStatus.ACTIVE and due:
        latest_due = due[-1]
        if last_checkin is None or last_checkin < latest_due:
            overdue_since = latest_due
    return Timeline(
        day=day,
        total_days=total,
        checkins=planned,
        next_checkin=next((checkin for checkin in planned if checkin >= today), None),
        checked_today=last_checkin == today,
        today=today,
        overdue_since=overdue_since,
        deadline_passed=bool(campaign.end_date and campaign.end_date < today),
    )


# What to try when a KPI is behind, in the app's words (after step 5 of the guide).
TIPS_BY_KIND = {
    KPIKind.LINK_CLICKS: [
        _(
            "Ask your influencers to put their link in their bio and add it to a story with a "
            "link sticker: one mention is easy to miss."
        ),
        _("Open the link yourself and check it lands on the page the post talks about."),
    ],
    KPIKind.WEBSITE_VISITS: [
        _("Ask your influencers to post the link again, in their bio and in a story."),
        _("Check the page people land on loads quickly on a phone."),
    ],
    KPIKind.REDEMPTIONS: [
        _(
            "Make the offer more tempting (a bigger discount or a free extra) or give it an end "
            "date, and ask the influencer to remind followers of their code."
        ),
        _(
            "Show the code at your till or on your website so people who forgot it can still "
            "use it."
        ),
    ],
    KPIKind.NEW_CUSTOMERS: [
        _(
            "Ask the influencer to try a different kind of post, or to speak to a slightly "
            "different audience: what would make a stranger walk in?"
        ),
        _("Ask new customers how they heard of you, so no one from the campaign goes uncounted."),
    ],
    KPIKind.ORDERS: [
        _(
            "If people click but do not buy, look at the page they land on: price, stock and "
            "how easy it is to order."
        ),
        _("Remind followers of the code, and when the offer ends."),
    ],
    KPIKind.REVENUE: [
        _("Suggest a bundle or a bigger size in the offer so each order is worth more."),
        _(
            "If people click but do not buy, look at the page they land on: price, stock and "
            "how easy it is to order."
        ),
    ],
    KPIKind.NEW_FOLLOWERS: [
        _(
            "Run a giveaway with the influencer: followers enter by following your account "
            "and tagging a friend."
        ),
        _("Ask the influencer to tag your account in every post and story, not just once."),
    ],
    KPIKind.ENGAGEMENT: [
        _(
            "Try a different style of post: a short video, a behind-the-scenes story or a "
            "question followers can answer."
        ),
        _("Reply to every comment on the campaign's posts: conversations draw more people in."),
    ],
    KPIKind.ENQUIRIES: [
        _("Ask the influencer to say plainly how to get in touch or book, in every post."),
        _("Make sure messages and calls are answered quickly while the campaign runs."),
    ],
}
GENERAL_TIPS = [
    _("Ask your influencers what their followers said: comments and messages show what to change."),
    _(
        "If the target now looks out of reach, set a new date or target you can believe in, and "
        "write down why at your next check-in."
    ),
]


@dataclass
class Suggestion:
    status: object  # kpis.services.KPIStatus
    tips: list
    owner_rule: str = ""  # the owner's own adjustment plan, when their threshold is crossed


def suggestions(statuses, campaign):
    """Plain tips for every KPI that is behind plan; empty when nothing is behind."""
    behind = [s for s in statuses if s.pace == metrics.PaceStatus.BEHIND]
    found = []
    for status in behind:
        owner_rule = ""
        if status.below_adjustment_threshold:
            owner_rule = campaign.adjustment_action or _(
                "You planned to change something when a number fell this far behind: "
                "now is the time."
            )
        found.append(
            Suggestion(
                status=status,
                tips=list(TIPS_BY_KIND.get(status.kpi.kind, [])),
                owner_rule=owner_rule,
            )
        )
    return found


FINISHED_PARTNERSHIP = {PartnershipStatus.POSTED, PartnershipStatus.DECLINED}


def follow_ups(partnerships, today=None):
    """Influencers to chase: gifted but not posted yet, or past their due date without a post."""
    today = today or timezone.localdate()
    return [
        partnership
        for partnership in partnerships
        if partnership.status == PartnershipStatus.GIFTED_NOT_POSTED
        or (
            partnership.due_date
            and partnership.due_date < today
            and partnership.status not in FINISHED_PARTNERSHIP
        )
    ]


RECENT_CHECKINS = 5


@dataclass
class KPIPanel:
    status: object  # kpis.services.KPIStatus
    chart: str  # SVG markup


@dataclass
class Dashboard:
    campaign: object
    timeline: Timeline
    statuses: list
    results: list  # kpis.services.PartnershipResult, one per influencer
    roi: object  # kpis.services.ROISummary
    checkins: list = field(default_factory=list)  # the latest check-ins, newest first
    suggestions: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)

    @property
    def owner_rule(self):
        """The owner's own adjustment plan, once, when any KPI is below their threshold."""
        return next((s.owner_rule for s in self.suggestions if s.owner_rule), "")

    @cached_property
    def panels(self):
        """One panel per KPI: its status and its chart."""
        return [KPIPanel(s, kpi_chart(s, f"chart-{s.kpi.pk}")) for s in self.statuses]


def campaign_dashboard(campaign, today=None):
    """Everything the dashboard and the report PDF show, in a fixed number of queries."""
    today = today or timezone.localdate()
    rows = CampaignRows([campaign])
    statuses = campaign_kpi_statuses(campaign, today, rows=rows)
    results = partnership_results(campaign, rows=rows)
    checkins = list(CheckIn.objects.filter(campaign=campaign)[:RECENT_CHECKINS])
    return Dashboard(
        campaign=campaign,
        timeline=campaign_timeline(campaign, today, checkins[0].date if checkins else None),
        checkins=checkins,
        statuses=statuses,
        results=results,
        roi=campaign_roi(campaign, results, rows),
        suggestions=suggestions(statuses, campaign),
        follow_ups=follow_ups([result.partnership for result in results], today),
    )


@dataclass
class PortfolioRow:
    """A campaign's headline numbers for the portfolio: its main KPI and its ROI."""

    main: object | None  # the first KPI's status (the goal's own number), None without KPIs
    roi: object  # kpis.services.ROISummary

    @property
    def progress(self):
        return self.main.progress if self.main else None

    @property
    def pace(self):
        return self.main.pace if self.main else metrics.PaceStatus.NO_DATA

    @property
    def pace_label(self):
        return metrics.PaceStatus(self.pace).label


def portfolio_rows(campaigns, today=None):
    """{campaign id: PortfolioRow}, in the same few queries for one campaign or a hundred."""
    today = today or timezone.localdate()
    rows = CampaignRows(campaigns)
    portfolio = {}
    for campaign in campaigns:
        statuses = campaign_kpi_statuses(campaign, today, rows=rows)
        portfolio[campaign.pk] = PortfolioRow(
            main=statuses[0] if statuses else None,
            roi=campaign_roi(campaign, partnership_results(campaign, rows=rows), rows),
        )
    return portfolio


@dataclass
class PortfolioTotals(ReturnRatios):
    cost: Decimal
    revenue: Decimal
    gross_profit: Decimal  # what the owner kept of the revenue, each campaign at its margin
    orders: int
    new_customers: int

    @property
    def profit_roi(self):
        # Margins differ between campaigns: the gross profit is already net of each one, so
        # it goes in at a margin of 100%.
        return metrics.profit_roi_percent(self.gross_profit, self.cost, metrics.HUNDRED)


def portfolio_totals(rows):
    """Money in and out across every campaign."""
    summaries = [row.roi for row in rows]
    return PortfolioTotals(
        cost=sum((s.cost for s in summaries), Decimal(0)),
        revenue=sum((s.revenue for s in summaries), Decimal(0)),
        gross_profit=sum(
            (metrics.gross_profit(s.revenue, s.gross_margin) for s in summaries), Decimal(0)
        ),
        orders=sum(s.orders for s in summaries),
        new_customers=sum(s.new_customers for s in summaries),
    )


@dataclass
class PlannedPartnership:
    partnership: object
    link: str  # the public tracked link, "" when none yet


@dataclass
class ChecklistDetails:
    """The owner's own plan, printed at the top of the personalised checklist."""

    kpis: list
    partnerships: list  # [PlannedPartnership]


def tracked_link_url(slug):
    return settings.SITE_URL + reverse("kpis:redirect", kwargs={"slug": slug})


def checklist_details(campaign):
    """The campaign's KPIs and influencers with their links and codes, in two queries."""
    partnerships = campaign.partnerships.select_related("influencer", "tracked_link").order_by(
        "influencer__name"
    )
    planned = []
    for partnership in partnerships:
        link = getattr(partnership, "tracked_link", None)
        planned.append(PlannedPartnership(partnership, tracked_link_url(link.slug) if link else ""))
    return ChecklistDetails(
        kpis=list(CampaignKPI.objects.filter(campaign=campaign)), partnerships=planned
    )
