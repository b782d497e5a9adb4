"""The launch review: ten questions answered from the plan, and, from the same rules, what
must be fixed before the campaign can launch (``missing_for_launch``)."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kpis.catalogue import RECOMMENDED_KPIS

from .facts import Plan, PlanFacts, facts_of
from .guide import ITEMS, REVIEW_AREAS, ChecklistItem


@dataclass(frozen=True)
class Missing:
    """Something that stops the launch, with the step where to fix it."""

    message: str | Promise
    step: int


@dataclass(frozen=True)
class Finding:
    key: str  # the review question's checklist item
    met: bool
    reason: str | Promise
    blocks: Sequence[Missing] = ()  # what stops the launch until it is fixed


@dataclass(frozen=True)
class ReviewAnswer:
    item: ChecklistItem
    met: bool
    reason: str

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def question(self) -> str | Promise:
        return self.item.text

    @property
    def step(self) -> int:
        return self.item.step

    @property
    def area(self) -> str | Promise:
        return REVIEW_AREAS[self.item.area]


def _rules(facts: PlanFacts, today: date) -> Iterator[Finding]:
    """A ``Finding`` for each of the ten questions, in the review's order; reasons say what to
    do when unmet, and ``blocks`` what must be fixed before the campaign can launch."""
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
    goal_blocks = []
    if not (facts.goal_type and facts.goal_number and facts.goal_unit):
        goal_blocks.append(Missing(_("Choose a main goal with a number and what you count."), 2))
    if not (facts.start_date and facts.end_date):
        goal_blocks.append(Missing(_("Set a start date and a deadline."), 2))
    elif facts.end_date < today:
        goal_blocks.append(Missing(_("The deadline has passed: pick a later one."), 2))
    recommended = set(RECOMMENDED_KPIS.get(facts.goal_type, ()))
    unfit_sources = [kpi.kind for kpi in facts.kpis if not kpi.source_fits]
    targets_not_above = [kpi.kind for kpi in facts.kpis if kpi.target <= kpi.baseline]
    yield Finding(
        "review-goal-specific",
        not goal_parts_missing,
        _("Your goal has a number, a unit and a deadline.")
        if not goal_parts_missing
        else _("Still missing: %(parts)s.") % {"parts": ", ".join(map(str, goal_parts_missing))},
        goal_blocks,
    )
    growth_answers = (
        facts.needs.get("need_ideal_customers", "").strip()
        and facts.needs.get("need_influencer_help", "").strip()
    )
    yield Finding(
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
    kpi_blocks = [] if facts.kpis else [Missing(_("Choose at least one number to watch."), 3)]
    yield Finding("review-kpis-relevant", relevant, reason, kpi_blocks)
    trackable = bool(facts.kpis) and facts.step_done(5) and not unfit_sources
    yield Finding(
        "review-kpis-trackable",
        trackable,
        _("Each number has a way to be counted.")
        if trackable
        else _("Choose, in the tracking plan, where each number will come from."),
    )
    yield Finding(
        "review-tracking-tools",
        facts.tracking_ready,
        _("Links and codes are ready for every influencer.")
        if facts.tracking_ready
        else _("Give every influencer the tracked link or promo code your numbers rely on."),
    )
    regular = facts.step_done(5) and bool(facts.end_date)
    yield Finding(
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
    budget_blocks = []
    if not facts.partnerships:
        budget_blocks.append(Missing(_("Shortlist at least one influencer."), 1))
    if facts.cash_costs > (facts.cash_budget or 0):
        budget_blocks.append(Missing(_("The cash budget does not cover the fees and costs."), 6))
    yield Finding("review-budget-strategy", covered, reason, budget_blocks)
    yield Finding(
        "review-budget-tools",
        bool(facts.budget_tools),
        _("You picked free or cheap tools to measure results.")
        if facts.budget_tools
        else _("Pick the free or cheap tools you will use."),
    )
    has_action = bool(facts.adjustment_action.strip())
    yield Finding(
        "review-adjust-plan",
        has_action,
        _("You wrote down what you will change if numbers fall behind.")
        if has_action
        else _("Write down what you will change if a number falls behind."),
    )
    yield Finding(
        "review-adjust-ready",
        facts.early_check_possible,
        _("There is a check-in before half-way, in time to change course.")
        if facts.early_check_possible
        else _("Check more often, or give the campaign more time, to react before half-way."),
    )


def _findings(plan: Plan) -> list[Finding]:
    return list(_rules(facts_of(plan=plan), timezone.localdate()))


def launch_review(*, plan: Plan) -> list[ReviewAnswer]:
    """The ten launch-review questions, each with met, a plain reason and the step to fix it."""
    return [
        ReviewAnswer(item=ITEMS[found.key], met=bool(found.met), reason=str(found.reason))
        for found in _findings(plan)
    ]


def missing_for_launch(*, plan: Plan) -> list[Missing]:
    """What must be filled in before launch, each with the step where to do it."""
    return [
        Missing(str(missing.message), missing.step)
        for found in _findings(plan)
        for missing in found.blocks
    ]
