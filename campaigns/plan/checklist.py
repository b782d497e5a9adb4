"""The checklist evaluated for a campaign: which items the plan proves done (a goal sentence
is written, KPIs are chosen...) without the owner ticking them, the owner's own ticks, and the
progress over both. The items' words are in ``campaigns.plan.guide``."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.utils.functional import Promise

from campaigns.models import Campaign, CampaignStatus, ChecklistTick

from .facts import Plan, PlanFacts, facts_of, plan_facts
from .guide import ITEMS, SECTIONS, ChecklistItem, Section
from .review import launch_review
from .steps.needs import NEEDS_FIELDS


def _proofs(facts: PlanFacts) -> dict[str, bool]:
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
    review = launch_review(plan=facts)
    proofs.update({answer.key: answer.met for answer in review})
    proofs["s7-complete-review"] = all(answer.met for answer in review)
    return proofs


def auto_ticks(*, plan: Plan) -> set[str]:
    """The set of item keys the plan proves done (ticked for the owner)."""
    return {key for key, proved in _proofs(facts_of(plan=plan)).items() if proved}


@dataclass(frozen=True)
class ItemState:
    item: ChecklistItem
    ticked: bool = False  # ticked by the owner
    ticked_at: datetime | None = None
    ticked_by: User | None = None
    proved: bool = False  # done in the plan

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def text(self) -> str | Promise:
        return self.item.text

    @property
    def done(self) -> bool:
        return self.ticked or self.proved


@dataclass(frozen=True)
class SectionState:
    section: Section
    items: tuple[ItemState, ...]

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str | Promise:
        return self.section.title

    @property
    def step(self) -> int | None:
        return self.section.step

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def total(self) -> int:
        return len(self.items)


def item_state(
    item: ChecklistItem, *, tick: ChecklistTick | None = None, proved: bool = False
) -> ItemState:
    return ItemState(
        item=item,
        ticked=tick is not None,
        ticked_at=tick.ticked_at if tick else None,
        ticked_by=tick.ticked_by if tick else None,
        proved=proved,
    )


def checklist_sections(*, campaign: Campaign | None = None) -> list[SectionState]:
    """Every section with its items; for a campaign, each item's tick and whether the plan
    proves it. Without a campaign (the blank printable list) nothing is ticked."""
    if campaign is None:
        return [
            SectionState(section, tuple(item_state(item) for item in section.items))
            for section in SECTIONS
        ]
    proved = auto_ticks(plan=campaign)
    ticks = {
        tick.item_key: tick
        for tick in ChecklistTick.objects.filter(campaign=campaign).select_related("ticked_by")
    }
    return [
        SectionState(
            section,
            tuple(
                item_state(item, tick=ticks.get(item.key), proved=item.key in proved)
                for item in section.items
            ),
        )
        for section in SECTIONS
    ]


def progress(sections: Sequence[SectionState]) -> tuple[int, int]:
    """(done, total) over sections from ``checklist_sections``."""
    return sum(s.done for s in sections), sum(s.total for s in sections)


def checklist_progress(*, campaigns: Iterable[Campaign]) -> dict[int, tuple[int, int]]:
    """{campaign id: (done, total)} for many campaigns in a fixed number of queries (three)."""
    campaigns = list(campaigns)
    facts = plan_facts(campaigns=campaigns)
    ticked: defaultdict[int, set[str]] = defaultdict(set)
    for campaign_id, key in ChecklistTick.objects.filter(
        campaign_id__in=[c.pk for c in campaigns], item_key__in=list(ITEMS)
    ).values_list("campaign_id", "item_key"):
        ticked[campaign_id].add(key)
    total = len(ITEMS)
    return {
        campaign.pk: (len(ticked[campaign.pk] | auto_ticks(plan=facts[campaign.pk])), total)
        for campaign in campaigns
    }
