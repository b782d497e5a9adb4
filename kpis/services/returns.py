"""What came back for the money: each influencer side by side, the whole campaign's row
and the ROI panel."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Partnership
from influencers.metrics import Engagement
from influencers.models import Profile

from .. import metrics
from ..catalogue import KPIKind
from .figures import CampaignFigures, Clicks, campaign_figures
from .pace import results_due


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
    engagement: Engagement | None  # of the main profile
    engagement_profile: Profile | None = None  # the influencer's main profile, whose rate it is
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


def comparison_rows(
    *, campaign: Campaign, results: list[PartnershipResult], figures: CampaignFigures
) -> list[PartnershipResult | WholeCampaignResult]:
    """The comparison table: one row per influencer, then the whole campaign's own row
    when it has anything in it. That row holds what no row above shows: readings credited
    to no one, or to someone no longer on the campaign, so the rows add up to its figures."""
    listed = {result.partnership.influencer_id for result in results}

    def not_listed(kind: str) -> Decimal:
        credited = figures.by_influencer(kind)
        return sum((value for who, value in credited.items() if who not in listed), Decimal(0))

    whole = WholeCampaignResult(
        clicks=metrics.whole_number(not_listed(KPIKind.LINK_CLICKS)),
        orders=metrics.whole_number(not_listed(KPIKind.ORDERS)),
        new_customers=metrics.whole_number(not_listed(KPIKind.NEW_CUSTOMERS)),
        revenue=metrics.two_places(not_listed(KPIKind.REVENUE)),
        cost=metrics.two_places(campaign.other_costs),
    )
    return [*results, whole] if whole.shown else list(results)


def campaign_partnerships(*, campaign: Campaign) -> list[Partnership]:
    """The campaign's partnerships with their influencers and profiles (two queries)."""
    return list(
        campaign.partnerships.select_related("influencer").prefetch_related("influencer__profiles")
    )


def partnership_results(
    *,
    campaign: Campaign,
    clicks: Clicks | None = None,
    figures: CampaignFigures | None = None,
    partnerships: list[Partnership] | None = None,
) -> list[PartnershipResult]:
    """One row per influencer on the campaign, for side-by-side comparison (fixed queries).
    Pass ``human_clicks``, ``campaign_figures`` or ``campaign_partnerships`` if you already
    have them, to save their queries."""
    if partnerships is None:
        partnerships = campaign_partnerships(campaign=campaign)
    if figures is None:
        figures = campaign_figures(campaign=campaign, clicks=clicks, partnerships=partnerships)
    per_person = {kind: figures.by_influencer(kind) for kind in metrics.COUNTED_FIGURES}
    running = results_due(campaign=campaign)
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


def campaign_roi(
    *,
    campaign: Campaign,
    results: list[PartnershipResult] | None = None,
    figures: CampaignFigures | None = None,
) -> ROISummary:
    """The campaign's ROI panel, with every cost counted. Pass ``partnership_results`` and
    ``campaign_figures`` if you already have them, to save their queries."""
    if results is None:
        partnerships = campaign_partnerships(campaign=campaign)
        figures = figures or campaign_figures(campaign=campaign, partnerships=partnerships)
        results = partnership_results(campaign=campaign, figures=figures, partnerships=partnerships)
    elif figures is None:
        figures = campaign_figures(campaign=campaign, partnerships=[r.partnership for r in results])
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
        running=results_due(campaign=campaign),
    )
