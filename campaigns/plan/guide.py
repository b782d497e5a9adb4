"""The guide's goal-setting checklist, in words: one section per wizard step and the launch
review. Items have stable keys (ticks are stored against them and the PDF prints them); which
of them the plan proves done is worked out in ``campaigns.plan.checklist``."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .catalogue import STEP_NAMES


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str | Promise
    step: int  # the wizard step where the app helps with it
    area: str = ""  # launch review only: goal, KPIs, tracking, budget, adjustments


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    items: tuple[ChecklistItem, ...]
    step: int | None = None


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
