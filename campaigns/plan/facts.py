"""What a campaign's plan holds, in plain values (``PlanFacts``): the launch review and the
checklist are worked out from these. ``plan_facts`` loads any number of campaigns in a fixed
number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from accounts.bounds import campaign_days
from campaigns.models import Campaign, CampaignStatus, Partnership, deal_cash
from campaigns.services import cash_costs
from kpis.catalogue import Source, definition
from kpis.models import CampaignKPI

from .steps.measures import MAX_KPIS_WITHOUT_OVERRIDE
from .steps.needs import NEEDS_FIELDS


@dataclass
class KPIFact:
    kind: str
    source: str
    baseline: Decimal
    target: Decimal

    @property
    def source_fits(self) -> bool:
        return self.source in definition(self.kind).sources


@dataclass
class PartnershipFact:
    fee: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    promo_code: str = ""
    has_link: bool = False
    has_message: bool = False
    has_deliverables: bool = False


@dataclass
class PlanFacts:
    """Everything the checklist needs to know about one campaign's plan."""

    goal_type: str = ""
    goal_number: Decimal | None = None
    goal_unit: str = ""
    goal_sentence: str = ""
    start_date: date | None = None
    end_date: date | None = None
    needs: dict[str, str] = field(default_factory=dict)  # need field -> answer
    goal_review: dict[str, bool] = field(default_factory=dict)
    track_more_kpis: bool = False
    plan_step: int = 1
    checkin_frequency: int = 7
    adjustment_action: str = ""
    cash_budget: Decimal = Decimal(0)
    other_costs: Decimal = Decimal(0)
    budget_tools: list[str] = field(default_factory=list)
    status: str = CampaignStatus.DRAFT
    kpis: list[KPIFact] = field(default_factory=list)
    partnerships: list[PartnershipFact] = field(default_factory=list)

    @classmethod
    def from_campaign(
        cls,
        campaign: Campaign,
        *,
        kpis: Iterable[KPIFact] = (),
        partnerships: Iterable[PartnershipFact] = (),
    ) -> "PlanFacts":
        return cls(
            goal_type=campaign.goal_type,
            goal_number=campaign.goal_number,
            goal_unit=campaign.goal_unit,
            goal_sentence=campaign.goal_sentence,
            start_date=campaign.start_date,
            end_date=campaign.end_date,
            needs={name: getattr(campaign, name) for name in NEEDS_FIELDS},
            goal_review=campaign.goal_review or {},
            track_more_kpis=campaign.track_more_kpis,
            plan_step=campaign.plan_step,
            checkin_frequency=campaign.checkin_frequency,
            adjustment_action=campaign.adjustment_action,
            cash_budget=campaign.cash_budget,
            other_costs=campaign.other_costs,
            budget_tools=list(campaign.budget_tools or []),
            status=campaign.status,
            kpis=list(kpis),
            partnerships=list(partnerships),
        )

    # Plain answers the rules below are made of.
    def step_done(self, number: int) -> bool:
        """The owner has saved this wizard step at least once."""
        return self.plan_step > number

    @property
    def kpi_count_ok(self) -> bool:
        count = len(self.kpis)
        return count >= 1 and (count <= MAX_KPIS_WITHOUT_OVERRIDE or self.track_more_kpis)

    @property
    def cash_costs(self) -> Decimal:
        """Cash going out: fees, shipping and other costs (products given are not cash)."""
        return cash_costs(
            deal_amounts=(deal_cash(p.fee, p.shipping) for p in self.partnerships),
            other_costs=self.other_costs,
        )

    @property
    def links_needed(self) -> bool:
        return any(kpi.source == Source.LINKS for kpi in self.kpis)

    @property
    def codes_needed(self) -> bool:
        return any(kpi.source in (Source.PROMO_CODES, Source.SHOP) for kpi in self.kpis)

    @property
    def tracking_ready(self) -> bool:
        """Every KPI has a source that suits it, and the links and codes it relies on exist."""
        if not self.kpis or not self.partnerships or not self.step_done(5):
            return False
        if not all(kpi.source_fits for kpi in self.kpis):
            return False
        links_ok = not self.links_needed or all(p.has_link for p in self.partnerships)
        codes_ok = not self.codes_needed or all(p.promo_code for p in self.partnerships)
        return links_ok and codes_ok

    @property
    def early_check_possible(self) -> bool:
        """At least one check-in falls before the half-way point, so there is time to react."""
        if not self.start_date or not self.end_date:
            return False
        return campaign_days(start=self.start_date, end=self.end_date) > 2 * self.checkin_frequency


def plan_facts(*, campaigns: Iterable[Campaign]) -> dict[int, PlanFacts]:
    """{campaign id: PlanFacts} for any number of campaigns, in two queries."""
    campaigns = list(campaigns)
    ids = [campaign.pk for campaign in campaigns]
    kpis: defaultdict[int, list[KPIFact]] = defaultdict(list)
    for campaign_id, kind, source, baseline, target in (
        CampaignKPI.objects.filter(campaign_id__in=ids)
        .order_by("position", "id")
        .values_list("campaign_id", "kind", "source", "baseline", "target")
    ):
        kpis[campaign_id].append(KPIFact(kind, source, baseline, target))
    partnerships: defaultdict[int, list[PartnershipFact]] = defaultdict(list)
    for row in Partnership.objects.filter(campaign_id__in=ids).values(
        "campaign_id",
        "fee",
        "shipping",
        "promo_code",
        "outreach_message",
        "deliverables",
        "tracked_link__id",
    ):
        partnerships[row["campaign_id"]].append(
            PartnershipFact(
                fee=row["fee"],
                shipping=row["shipping"],
                promo_code=row["promo_code"],
                has_link=row["tracked_link__id"] is not None,
                has_message=bool(row["outreach_message"].strip()),
                has_deliverables=bool(row["deliverables"].strip()),
            )
        )
    return {
        campaign.pk: PlanFacts.from_campaign(
            campaign, kpis=kpis[campaign.pk], partnerships=partnerships[campaign.pk]
        )
        for campaign in campaigns
    }


# What the launch review and the checklist read: a campaign, or its facts read already.
Plan = Campaign | PlanFacts


def facts_of(*, plan: Plan) -> PlanFacts:
    """The facts themselves, or those of one campaign (read in two queries)."""
    if isinstance(plan, PlanFacts):
        return plan
    return plan_facts(campaigns=[plan])[plan.pk]
