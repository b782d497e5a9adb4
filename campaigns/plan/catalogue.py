"""The wizard's steps in order: the one list the wizard, the start page and the checklist's
section titles read. Each step's own module says what it holds."""

from .steps import budget, goal, launch, measures, needs, shortlist, tracking

STEPS = tuple(
    module.STEP for module in (shortlist, goal, measures, needs, tracking, budget, launch)
)
BY_NUMBER = {step.number: step for step in STEPS}
STEP_NAMES = {step.number: step.name for step in STEPS}

# What formtools' wizard takes: (step name in the address, form class).
FORM_LIST = [(str(step.number), step.form) for step in STEPS]


def dependents(number: int) -> list[int]:
    """The steps whose fields are built from step ``number``'s answers (e.g. step 1's
    influencers in steps 5 and 6): their unsaved input no longer fits once it is saved."""
    return [step.number for step in STEPS if number in step.depends_on]
