"""What the dashboard, the portfolio and the PDFs show, gathered from the kpis services.

No formula lives here: numbers come from ``kpis.services`` and ``kpis.metrics``. This module
only picks, groups and words them (timeline, suggestions, follow-ups, portfolio rows).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import business_of
from campaigns import deals
from campaigns.models import Campaign, CampaignStatus, Partnership
from campaigns.partnerships import page_url
from kpis import metrics
from kpis.catalogue import KPIKind
from kpis.models import CampaignKPI, CheckIn, Post
from kpis.posts import campaign_posts
from kpis.results_range import VoiceCounts, voice_counts
from kpis.services import (
    CampaignFigures,
    CampaignRows,
    KPIStatus,
    PartnershipResult,
    ReturnRatios,
    ROISummary,
    WholeCampaignResult,
    campaign_figures,
    campaign_kpi_statuses,
    campaign_partnerships,
    campaign_roi,
    checkin_dates,
    comparison_rows,
    day_of_campaign,
    partnership_results,
)
from kpis.voice import CampaignVoice

from .charts import cached_chart


@dataclass
class Timeline:
    day: int | None
    total_days: int | None
    checkins: list[date]
    next_checkin: date | None
    overdue_since: date | None  # a planned check-in passed without one being recorded
    deadline_passed: bool
    checked_today: bool
    today: date

    @property
    def checkin_today(self) -> bool:
        """Today is a planned check-in day and nothing is recorded yet."""
        return self.next_checkin == self.today and not self.checked_today

    @property
    def days_left(self) -> int | None:
        if self.day is None or self.total_days is None:
            return None
        return self.total_days - self.day


NOT_READ = object()


def campaign_timeline(
    *, campaign: Campaign, today: date | None = None, last_checkin: Any = NOT_READ
) -> Timeline:
    """Day X of Y, the next check-in and whether one is overdue. ``last_checkin`` is the date
    of the latest recorded check-in, None when there is none (read from the database when
    not given: one query)."""
    today = today or timezone.localdate()
    day, total = day_of_campaign(campaign=campaign, today=today)
    planned = checkin_dates(campaign=campaign)
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
TIPS_BY_KIND: dict[str, list[str | Promise]] = {
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


@dataclass
class Suggestion:
    status: KPIStatus
    tips: list[str | Promise]
    # The owner's own adjustment plan, when their threshold is crossed.
    owner_rule: str | Promise = ""


def suggestions(*, statuses: Iterable[KPIStatus], campaign: Campaign) -> list[Suggestion]:
    """Plain tips for every KPI that is behind plan; empty when nothing is behind."""
    behind = [s for s in statuses if s.pace == metrics.PaceStatus.BEHIND]
    found = []
    for status in behind:
        owner_rule: str | Promise = ""
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


def follow_ups(
    *,
    partnerships: Iterable[Partnership],
    posts: dict[int, list[Post]],
    today: date | None = None,
    business_name: str = "",
) -> list[deals.FollowUp]:
    """Influencers to chase, most urgent first: agreed posts due and not recorded, gifts with
    no post yet. ``posts`` is {partnership id: [posts]}; a recorded post clears the entry."""
    today = today or timezone.localdate()
    found = (
        deals.follow_up(
            partnership=partnership,
            post_count=len(posts.get(partnership.pk, ())),
            today=today,
            business_name=business_name,
            page_url=page_url(partnership),
        )
        for partnership in partnerships
    )
    return deals.ordered_follow_ups(item for item in found if item is not None)


RECENT_CHECKINS = 5


@dataclass
class KPIPanel:
    status: KPIStatus
    chart: str  # SVG markup
    card: str = ""  # the whole card's HTML, when it was drawn before


def chart_id(status: KPIStatus) -> str:
    return f"chart-{status.kpi.pk}"


class Dashboard:
    """Everything the dashboard and the report PDF show about one campaign. Each part is
    gathered the first time it is read (in a fixed number of queries in all), so a page that
    draws only some parts again reads only what they need. ``rows`` (``CampaignRows``) may
    already hold some of the rows the figures are added up from."""

    def __init__(
        self, *, campaign: Campaign, today: date | None = None, rows: CampaignRows | None = None
    ) -> None:
        self.campaign = campaign
        self.today = today or timezone.localdate()
        self.rows = rows or CampaignRows([campaign])

    @cached_property
    def partnerships(self) -> list[Partnership]:
        partnerships = self.rows.partnerships[self.campaign.pk]
        for partnership in partnerships:
            # Read beside the deal, as ``with_post_counts`` annotates it (no column to type).
            partnership.post_count = len(self.posts.get(partnership.pk, ()))
        return partnerships

    @cached_property
    def figures(self) -> CampaignFigures:
        return campaign_figures(
            campaign=self.campaign, partnerships=self.partnerships, rows=self.rows
        )

    @cached_property
    def statuses(self) -> list[KPIStatus]:
        return campaign_kpi_statuses(
            campaign=self.campaign, today=self.today, figures=self.figures, rows=self.rows
        )

    @cached_property
    def results(self) -> list[PartnershipResult]:
        """One per influencer."""
        return partnership_results(
            campaign=self.campaign, figures=self.figures, partnerships=self.partnerships
        )

    @cached_property
    def roi(self) -> ROISummary:
        return campaign_roi(campaign=self.campaign, results=self.results, figures=self.figures)

    @cached_property
    def comparison(self) -> list[PartnershipResult | WholeCampaignResult]:
        """The comparison table's rows (``kpis.services.comparison_rows``)."""
        return comparison_rows(campaign=self.campaign, results=self.results, figures=self.figures)

    @cached_property
    def checkins(self) -> list[CheckIn]:
        """The latest, newest first."""
        return list(CheckIn.objects.filter(campaign=self.campaign)[:RECENT_CHECKINS])

    @cached_property
    def timeline(self) -> Timeline:
        return campaign_timeline(
            campaign=self.campaign,
            today=self.today,
            last_checkin=self.checkins[0].date if self.checkins else None,
        )

    @cached_property
    def posts(self) -> dict[int, list[Post]]:
        """{partnership id: [posts]}."""
        return campaign_posts(campaign=self.campaign)

    @cached_property
    def suggestions(self) -> list[Suggestion]:
        return suggestions(statuses=self.statuses, campaign=self.campaign)

    @cached_property
    def follow_ups(self) -> list[deals.FollowUp]:
        business = business_of(self.campaign.owner)
        return follow_ups(
            partnerships=self.partnerships,
            posts=self.posts,
            today=self.today,
            business_name=business.name if business else "",
        )

    @property
    def new_posts(self) -> list[Post]:
        """Posts influencers sent from their page that the owner has not looked at yet."""
        return [post for rows in self.posts.values() for post in rows if not post.seen_by_owner]

    @property
    def partnerships_with_posts(self) -> list[tuple[Partnership, list[Post]]]:
        """[(partnership, its posts)] for every influencer on the campaign."""
        return [(p, self.posts.get(p.pk, [])) for p in self.partnerships]

    @property
    def owner_rule(self) -> str | Promise:
        """The owner's own adjustment plan, once, when any KPI is below their threshold."""
        return next((s.owner_rule for s in self.suggestions if s.owner_rule), "")

    @cached_property
    def voice(self) -> CampaignVoice:
        """What customers said: the range of results, keep-or-stop lines, feedback."""
        return CampaignVoice(
            campaign=self.campaign,
            results=lambda: self.results,
            roi=lambda: self.roi,
            counts=self.counted_voice,
            today=self.today,
            rows=self.rows,
        )

    def counted_voice(self) -> VoiceCounts:
        """What the survey and the till counted for each influencer."""
        return voice_counts(campaign=self.campaign)

    @cached_property
    def panels(self) -> list[KPIPanel]:
        """One panel per KPI: its status and its chart."""
        return [KPIPanel(s, cached_chart(status=s, chart_id=chart_id(s))) for s in self.statuses]


def campaign_dashboard(
    *, campaign: Campaign, today: date | None = None, rows: CampaignRows | None = None
) -> Dashboard:
    """Everything the dashboard and the report PDF show (``Dashboard``), gathered as it is
    read, in a fixed number of queries (fewer when ``rows``, the campaign's
    ``CampaignRows``, already holds some)."""
    return Dashboard(campaign=campaign, today=today, rows=rows)


def campaign_comparison(*, campaign: Campaign) -> list[PartnershipResult | WholeCampaignResult]:
    """The comparison table's rows alone, for its exports (fixed queries)."""
    partnerships = campaign_partnerships(campaign=campaign)
    figures = campaign_figures(campaign=campaign, partnerships=partnerships)
    results = partnership_results(campaign=campaign, figures=figures, partnerships=partnerships)
    return comparison_rows(campaign=campaign, results=results, figures=figures)


@dataclass
class PortfolioRow:
    """A campaign's headline numbers for the portfolio: its main KPI and its ROI."""

    main: KPIStatus | None  # the first KPI's status (the goal's own number), None without KPIs
    roi: ROISummary

    @property
    def progress(self) -> Decimal | None:
        return self.main.progress if self.main and self.roi.running else None

    @property
    def pace(self) -> str:
        if not self.roi.running:
            return metrics.PaceStatus.NOT_STARTED
        return self.main.pace if self.main else metrics.PaceStatus.NO_DATA

    @property
    def pace_label(self) -> str | Promise:
        return metrics.PaceStatus(self.pace).label


def portfolio_rows(
    *, campaigns: Sequence[Campaign], today: date | None = None
) -> dict[int, PortfolioRow]:
    """{campaign id: PortfolioRow}, in the same few queries for one campaign or a hundred."""
    today = today or timezone.localdate()
    rows = CampaignRows(campaigns)
    portfolio = {}
    for campaign in campaigns:
        partnerships = rows.partnerships[campaign.pk]
        figures = campaign_figures(campaign=campaign, partnerships=partnerships, rows=rows)
        statuses = campaign_kpi_statuses(campaign=campaign, today=today, figures=figures, rows=rows)
        results = partnership_results(campaign=campaign, figures=figures, partnerships=partnerships)
        portfolio[campaign.pk] = PortfolioRow(
            main=statuses[0] if statuses else None,
            roi=campaign_roi(campaign=campaign, results=results, figures=figures),
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
        return metrics.profit_roi_percent(
            revenue=self.gross_profit, cost=self.cost, gross_margin_percent=metrics.HUNDRED
        )


def portfolio_totals(*, rows: Iterable[PortfolioRow]) -> PortfolioTotals:
    """Money in and out across every running campaign: a plan not running yet has spent
    nothing it could set results against."""
    summaries = [row.roi for row in rows if row.roi.running]
    return PortfolioTotals(
        cost=sum((s.cost for s in summaries), Decimal(0)),
        revenue=sum((s.revenue for s in summaries), Decimal(0)),
        gross_profit=sum(
            (
                metrics.gross_profit(revenue=s.revenue, gross_margin_percent=s.gross_margin)
                for s in summaries
            ),
            Decimal(0),
        ),
        orders=sum(s.orders for s in summaries),
        new_customers=sum(s.new_customers for s in summaries),
    )


@dataclass
class PlannedPartnership:
    partnership: Partnership
    link: str  # the public tracked link, "" when none yet
    posts: list[Post] = field(default_factory=list)  # oldest first


@dataclass
class ChecklistDetails:
    """The owner's own plan, printed at the top of the personalised checklist."""

    kpis: list[CampaignKPI]
    partnerships: list[PlannedPartnership]


def checklist_details(*, campaign: Campaign) -> ChecklistDetails:
    """The campaign's KPIs and influencers with their links, codes and posts, in three
    queries."""
    partnerships = campaign.partnerships.select_related("influencer", "tracked_link").order_by(
        "influencer__name"
    )
    posts = campaign_posts(campaign=campaign)
    planned = []
    for partnership in partnerships:
        link = getattr(partnership, "tracked_link", None)
        # Read beside the deal, as ``with_post_counts`` annotates it (no column to type).
        partnership.post_count = len(posts.get(partnership.pk, ()))  # type: ignore[attr-defined]
        planned.append(
            PlannedPartnership(
                partnership=partnership,
                link=link.public_url if link else "",
                posts=posts.get(partnership.pk, []),
            )
        )
    return ChecklistDetails(
        kpis=list(CampaignKPI.objects.filter(campaign=campaign)), partnerships=planned
    )
