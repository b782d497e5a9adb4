"""The goal-setting checklist and the launch review, as plain data and plain functions.

Items have stable keys (ticks are stored against them and the PDF prints them). Some items
the plan itself proves (a goal sentence is written, KPIs are chosen...): those count as done
without the owner ticking them. Everything here reads a campaign's plan through
``plan_facts``, which loads any number of campaigns in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from accounts.bounds import campaign_days

from .models import RECOMMENDED_KPIS, CampaignStatus, ChecklistTick, Partnership, deal_cash
from .services import cash_costs

MAX_KPIS_WITHOUT_OVERRIDE = 2
NEEDS_FIELDS = (
    "need_main_goal",
    "need_ideal_customers",
    "need_challenges",
    "need_influencer_help",
    "need_resources",
)
GOAL_REVIEW_POINTS = ("specific", "measurable", "achievable", "dated", "simple")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    step: int  # the wizard step where the app helps with it
    area: str = ""  # launch review only: goal, KPIs, tracking, budget, adjustments


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple
    step: int | None = None


STEP_NAMES = {
    1: _("Find influencers"),
    2: _("Main goal"),
    3: _("What to measure"),
    4: _("Your business"),
    5: _("Tracking plan"),
    6: _("Budget and outreach"),
    7: _("Review and launch"),
}


def _step(number, *items):
    return Section(
        key=f"s{number}",
        title=STEP_NAMES[number],
        step=number,
        items=tuple(ChecklistItem(key, text, number) for key, text in items),
    )


STEP_SECTIONS = (
    _step(
        1,
        ("s1-identify", _("Find a few local or niche creators your customers already follow.")),
        ("s1-engagement", _("Check that their followers actually like, comment and share.")),
        ("s1-reach-out", _("Get in touch: say who you are and why they would be a good fit.")),
        ("s1-objectives", _("Agree with each of them what the collaboration should achieve.")),
    ),
    _step(
        2,
        ("s2-reflect", _("Think about what your business needs most right now.")),
        ("s2-specific", _("Make the goal specific: a number, not just 'more customers'.")),
        ("s2-write-goal", _("Write the goal down in one sentence.")),
        ("s2-realistic", _("Check the goal is within reach of your time and budget.")),
        ("s2-deadline", _("Pick a deadline and put it in your calendar.")),
    ),
    _step(
        3,
        ("s3-choose-kpis", _("Choose one or two numbers that show whether the goal is met.")),
        ("s3-tracking", _("Set up a way to count them before the campaign starts.")),
        ("s3-monitor", _("Keep an eye on those numbers while the campaign runs.")),
        ("s3-review", _("When it ends, look back: did it work, what would you change?")),
    ),
    _step(
        4,
        ("s4-answer", _("Answer the five questions about your business in writing.")),
        ("s4-key-need", _("From your answers, pick the one need that matters most.")),
        ("s4-write-goal", _("Turn that need into a clear goal you can reach in time.")),
        ("s4-simplify", _("Read the goal again and simplify it until anyone gets it.")),
        ("s4-select-kpis", _("Pick the one or two numbers that match that goal.")),
        ("s4-tracking", _("Make sure you have a way to count each of them.")),
        ("s4-monitor", _("Plan to check those numbers regularly during the campaign.")),
    ),
    _step(
        5,
        ("s5-schedule", _("Decide how often you will check your numbers, and set a reminder.")),
        ("s5-tools", _("Use free tools (tracked links, shop exports, insights) to get them.")),
        ("s5-record", _("Write the numbers down at each check, with anything notable.")),
        ("s5-analyse", _("Look at the numbers to spot what is not working.")),
        ("s5-adjust", _("Change the approach (or the numbers you watch) when needed.")),
        ("s5-monitor-impact", _("After a change, keep watching to see if it helped.")),
    ),
    _step(
        6,
        ("s6-find", _("Look for creators whose audience fits your brand and products.")),
        ("s6-proposal", _("Send each one a short, friendly offer of what you can give.")),
        ("s6-negotiate", _("Agree terms that work for both of you and your budget.")),
        ("s6-tools", _("Choose the free or cheap tools that fit your numbers and budget.")),
        ("s6-tracking", _("Have those tools ready before the first post goes live.")),
        ("s6-monitor", _("Look at the tools regularly while the campaign runs.")),
    ),
    _step(
        7,
        ("s7-complete-review", _("Go through the launch review below, question by question.")),
        ("s7-fix-gaps", _("Fix any gaps the review shows before you start.")),
        ("s7-launch", _("Launch the campaign and start counting.")),
        ("s7-review", _("Check your numbers regularly and adjust when needed.")),
        ("s7-next", _("When it ends, review the results and plan the next one.")),
    ),
)

REVIEW_AREAS = {
    "goal": _("Goal"),
    "kpis": _("What you measure"),
    "tracking": _("Tracking"),
    "budget": _("Budget"),
    "adjustments": _("Plan for changes"),
}

REVIEW_SECTION = Section(
    key="review",
    title=_("Launch review"),
    items=(
        ChecklistItem(
            "review-goal-specific",
            _("Is the goal specific, with a number and a deadline?"),
            2,
            "goal",
        ),
        ChecklistItem(
            "review-goal-growth",
            _("Does the goal clearly help you win new customers?"),
            4,
            "goal",
        ),
        ChecklistItem(
            "review-kpis-relevant",
            _("Do the numbers you watch really show progress towards the goal?"),
            3,
            "kpis",
        ),
        ChecklistItem(
            "review-kpis-trackable",
            _("Can you actually count each of them with what you have?"),
            5,
            "kpis",
        ),
        ChecklistItem(
            "review-tracking-tools",
            _("Are the links, codes or tools that count them ready?"),
            5,
            "tracking",
        ),
        ChecklistItem(
            "review-tracking-regular",
            _("Do you know when you will check the numbers during the campaign?"),
            5,
            "tracking",
        ),
        ChecklistItem(
            "review-budget-strategy",
            _("Does the budget cover what you have agreed to pay?"),
            6,
            "budget",
        ),
        ChecklistItem(
            "review-budget-tools",
            _("Are you using free or cheap tools to measure results?"),
            6,
            "budget",
        ),
        ChecklistItem(
            "review-adjust-plan",
            _("Do you know what you will change if the numbers fall behind?"),
            5,
            "adjustments",
        ),
        ChecklistItem(
            "review-adjust-ready",
            _("Is there a check early enough to still change course?"),
            5,
            "adjustments",
        ),
    ),
)

SECTIONS = (*STEP_SECTIONS, REVIEW_SECTION)
ITEMS = {item.key: item for section in SECTIONS for item in section.items}


# ---------------------------------------------------------------------------------------------
# What the plan holds, in plain values.


@dataclass
class KPIFact:
    kind: str
    source: str
    baseline: Decimal
    target: Decimal

    @property
    def source_fits(self):
        return self.source in apps.get_model("kpis", "CampaignKPI").describe(self.kind).sources


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
    start_date: object = None
    end_date: object = None
    needs: dict = field(default_factory=dict)  # need field -> answer
    goal_review: dict = field(default_factory=dict)
    track_more_kpis: bool = False
    plan_step: int = 1
    checkin_frequency: int = 7
    adjustment_action: str = ""
    cash_budget: Decimal = Decimal(0)
    other_costs: Decimal = Decimal(0)
    budget_tools: list = field(default_factory=list)
    status: str = CampaignStatus.DRAFT
    kpis: list = field(default_factory=list)  # [KPIFact]
    partnerships: list = field(default_factory=list)  # [PartnershipFact]

    @classmethod
    def from_campaign(cls, campaign, kpis=(), partnerships=()):
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
    def step_done(self, number):
        """The owner has saved this wizard step at least once."""
        return self.plan_step > number

    @property
    def kpi_count_ok(self):
        count = len(self.kpis)
        return count >= 1 and (count <= MAX_KPIS_WITHOUT_OVERRIDE or self.track_more_kpis)

    @property
    def cash_costs(self):
        """Cash going out: fees, shipping and other costs (products given are not cash)."""
        return cash_costs(
            (deal_cash(p.fee, p.shipping) for p in self.partnerships), self.other_costs
        )

    @property
    def links_needed(self):
        return any(kpi.source == "links" for kpi in self.kpis)

    @property
    def codes_needed(self):
        return any(kpi.source in ("codes", "shop") for kpi in self.kpis)

    @property
    def tracking_ready(self):
        """Every KPI has a source that suits it, and the links and codes it relies on exist."""
        if not self.kpis or not self.partnerships or not self.step_done(5):
            return False
        if not all(kpi.source_fits for kpi in self.kpis):
            return False
        links_ok = not self.links_needed or all(p.has_link for p in self.partnerships)
        codes_ok = not self.codes_needed or all(p.promo_code for p in self.partnerships)
        return links_ok and codes_ok

    @property
    def early_check_possible(self):
        """At least one check-in falls before the half-way point, so there is time to react."""
        if not self.start_date or not self.end_date:
            return False
        return campaign_days(self.start_date, self.end_date) > 2 * self.checkin_frequency


def plan_facts(campaigns):
    """{campaign id: PlanFacts} for any number of campaigns, in two queries."""
    campaigns = list(campaigns)
    ids = [campaign.pk for campaign in campaigns]
    kpis = defaultdict(list)
    for row in (
        apps.get_model("kpis", "CampaignKPI")
        .objects.filter(campaign_id__in=ids)
        .order_by("position", "id")
        .values("campaign_id", "kind", "source", "baseline", "target")
    ):
        kpis[row.pop("campaign_id")].append(KPIFact(**row))
    partnerships = defaultdict(list)
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
        campaign.pk: PlanFacts.from_campaign(campaign, kpis[campaign.pk], partnerships[campaign.pk])
        for campaign in campaigns
    }


def _facts(campaign_or_facts):
    if isinstance(campaign_or_facts, PlanFacts):
        return campaign_or_facts
    return plan_facts([campaign_or_facts])[campaign_or_facts.pk]


# ---------------------------------------------------------------------------------------------
# The launch review: ten questions answered from the plan.


@dataclass(frozen=True)
class ReviewAnswer:
    item: ChecklistItem
    met: bool
    reason: str

    @property
    def key(self):
        return self.item.key

    @property
    def question(self):
        return self.item.text

    @property
    def step(self):
        return self.item.step

    @property
    def area(self):
        return REVIEW_AREAS[self.item.area]


def _review_rules(facts):
    """(key, met, reason) for each of the ten questions; reasons say what to do when unmet."""
    goal_parts_missing = [
        label
        for label, present in (
            (_("a number"), facts.goal_number),
            (_("what you are counting"), facts.goal_unit),
            (_("a deadline"), facts.end_date),
            (_("the goal sentence"), facts.goal_sentence.strip()),
        )
        if not present
    ]
    recommended = set(RECOMMENDED_KPIS.get(facts.goal_type, ()))
    unfit_sources = [kpi.kind for kpi in facts.kpis if not kpi.source_fits]
    targets_not_above = [kpi.kind for kpi in facts.kpis if kpi.target <= kpi.baseline]
    yield (
        "review-goal-specific",
        not goal_parts_missing,
        _("Your goal has a number, a unit and a deadline.")
        if not goal_parts_missing
        else _("Still missing: %(parts)s.") % {"parts": ", ".join(map(str, goal_parts_missing))},
    )
    growth_answers = (
        facts.needs.get("need_ideal_customers", "").strip()
        and facts.needs.get("need_influencer_help", "").strip()
    )
    yield (
        "review-goal-growth",
        bool(facts.goal_type and growth_answers),
        _("You said who you want to reach and how influencers will bring them to you.")
        if facts.goal_type and growth_answers
        else _("Say who your ideal customers are and how influencers could bring them to you."),
    )
    if not facts.kpis:
        relevant, reason = False, _("No numbers chosen yet.")
    elif not facts.kpi_count_ok:
        relevant, reason = False, _("Keep to one or two numbers, or confirm you want more.")
    elif targets_not_above:
        relevant, reason = False, _("Each target must be above its starting point.")
    elif recommended and not recommended.intersection(kpi.kind for kpi in facts.kpis):
        relevant, reason = False, _("None of your numbers is one we suggest for this goal.")
    else:
        relevant, reason = True, _("Your numbers match your goal and each has a target.")
    yield "review-kpis-relevant", relevant, reason
    trackable = bool(facts.kpis) and facts.step_done(5) and not unfit_sources
    yield (
        "review-kpis-trackable",
        trackable,
        _("Each number has a way to be counted.")
        if trackable
        else _("Choose, in the tracking plan, where each number will come from."),
    )
    yield (
        "review-tracking-tools",
        facts.tracking_ready,
        _("Links and codes are ready for every influencer.")
        if facts.tracking_ready
        else _("Give every influencer the tracked link or promo code your numbers rely on."),
    )
    regular = facts.step_done(5) and bool(facts.end_date)
    yield (
        "review-tracking-regular",
        regular,
        _("You will check every %(days)s days until the deadline.")
        % {"days": facts.checkin_frequency}
        if regular
        else _("Choose how often you will check your numbers."),
    )
    if not facts.partnerships:
        covered, reason = False, _("No influencers on this campaign yet.")
    elif facts.cash_costs > (facts.cash_budget or 0):
        covered, reason = False, _("Fees, shipping and other costs come to more than the budget.")
    elif not facts.step_done(6):
        covered, reason = False, _("Set the budget and each influencer's deal.")
    else:
        covered, reason = True, _("The budget covers every fee and cost you entered.")
    yield "review-budget-strategy", covered, reason
    yield (
        "review-budget-tools",
        bool(facts.budget_tools),
        _("You picked free or cheap tools to measure results.")
        if facts.budget_tools
        else _("Pick the free or cheap tools you will use."),
    )
    has_action = bool(facts.adjustment_action.strip())
    yield (
        "review-adjust-plan",
        has_action,
        _("You wrote down what you will change if numbers fall behind.")
        if has_action
        else _("Write down what you will change if a number falls behind."),
    )
    yield (
        "review-adjust-ready",
        facts.early_check_possible,
        _("There is a check-in before half-way, in time to change course.")
        if facts.early_check_possible
        else _("Check more often, or give the campaign more time, to react before half-way."),
    )


def launch_review(campaign_or_facts):
    """The ten launch-review questions, each with met, a plain reason and the step to fix it."""
    facts = _facts(campaign_or_facts)
    return [
        ReviewAnswer(item=ITEMS[key], met=bool(met), reason=str(reason))
        for key, met, reason in _review_rules(facts)
    ]


# ---------------------------------------------------------------------------------------------
# Which items the plan proves, and the checklist as a whole.


def _proofs(facts):
    """{item key: proved} for the items the wizard's answers can show are done."""
    partnerships = facts.partnerships
    answered = [bool(str(answer).strip()) for answer in facts.needs.values()]
    proofs = {
        "s1-identify": bool(partnerships),
        "s1-objectives": bool(partnerships) and all(p.has_deliverables for p in partnerships),
        "s2-reflect": bool(facts.needs.get("need_main_goal", "").strip()),
        "s2-specific": bool(facts.goal_number and facts.goal_unit),
        "s2-write-goal": bool(facts.goal_sentence.strip()),
        "s2-realistic": bool(facts.goal_review.get("achievable")),
        "s2-deadline": bool(facts.end_date),
        "s3-choose-kpis": facts.kpi_count_ok,
        "s3-tracking": facts.tracking_ready,
        "s4-answer": len(answered) == len(NEEDS_FIELDS) and all(answered),
        "s4-key-need": bool(facts.needs.get("need_main_goal", "").strip()),
        "s4-write-goal": bool(facts.goal_sentence.strip()),
        "s4-simplify": bool(facts.goal_review.get("simple")),
        "s4-select-kpis": facts.kpi_count_ok,
        "s4-tracking": facts.tracking_ready,
        "s4-monitor": facts.step_done(5),
        "s5-schedule": facts.step_done(5),
        "s5-tools": facts.step_done(5) and bool(facts.kpis),
        "s6-find": bool(partnerships),
        "s6-proposal": bool(partnerships) and all(p.has_message for p in partnerships),
        "s6-tools": bool(facts.budget_tools),
        "s6-tracking": facts.tracking_ready,
        "s7-launch": facts.status in (CampaignStatus.ACTIVE, CampaignStatus.FINISHED),
    }
    review = launch_review(facts)
    proofs.update({answer.key: answer.met for answer in review})
    proofs["s7-complete-review"] = all(answer.met for answer in review)
    return proofs


def auto_ticks(campaign_or_facts):
    """The set of item keys the plan proves done (ticked for the owner)."""
    return {key for key, proved in _proofs(_facts(campaign_or_facts)).items() if proved}


@dataclass(frozen=True)
class ItemState:
    item: ChecklistItem
    ticked: bool = False  # ticked by the owner
    ticked_at: object = None
    ticked_by: object = None
    proved: bool = False  # done in the plan

    @property
    def key(self):
        return self.item.key

    @property
    def text(self):
        return self.item.text

    @property
    def done(self):
        return self.ticked or self.proved


@dataclass(frozen=True)
class SectionState:
    section: Section
    items: tuple

    @property
    def key(self):
        return self.section.key

    @property
    def title(self):
        return self.section.title

    @property
    def step(self):
        return self.section.step

    @property
    def done(self):
        return sum(1 for item in self.items if item.done)

    @property
    def total(self):
        return len(self.items)


def item_state(item, tick=None, proved=False):
    return ItemState(
        item=item,
        ticked=tick is not None,
        ticked_at=tick.ticked_at if tick else None,
        ticked_by=tick.ticked_by if tick else None,
        proved=proved,
    )


def checklist_sections(campaign=None):
    """Every section with its items; for a campaign, each item's tick and whether the plan
    proves it. Without a campaign (the blank printable list) nothing is ticked."""
    if campaign is None:
        return [
            SectionState(section, tuple(item_state(item) for item in section.items))
            for section in SECTIONS
        ]
    proved = auto_ticks(campaign)
    ticks = {
        tick.item_key: tick
        for tick in ChecklistTick.objects.filter(campaign=campaign).select_related("ticked_by")
    }
    return [
        SectionState(
            section,
            tuple(
                item_state(item, ticks.get(item.key), item.key in proved) for item in section.items
            ),
        )
        for section in SECTIONS
    ]


def progress(sections):
    """(done, total) over sections from ``checklist_sections``."""
    return sum(s.done for s in sections), sum(s.total for s in sections)


def checklist_progress(campaigns):
    """{campaign id: (done, total)} for many campaigns in a fixed number of queries (three)."""
    campaigns = list(campaigns)
    facts = plan_facts(campaigns)
    ticked = defaultdict(set)
    for campaign_id, key in ChecklistTick.objects.filter(
        campaign_id__in=[c.pk for c in campaigns], item_key__in=list(ITEMS)
    ).values_list("campaign_id", "item_key"):
        ticked[campaign_id].add(key)
    total = len(ITEMS)
    return {
        campaign.pk: (len(ticked[campaign.pk] | auto_ticks(facts[campaign.pk])), total)
        for campaign in campaigns
    }
