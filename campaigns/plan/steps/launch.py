"""Step 7: review and launch. The questions are the launch review (``campaigns.plan.review``)."""

from django.utils.translation import gettext_lazy as _

from .base import PlanStepForm, Step


class LaunchForm(PlanStepForm):
    """No questions here: the review is read from the plan, and Launch checks what is missing."""

    def save(self):
        """Nothing to store: launching happens once the whole plan is checked."""


STEP = Step(
    number=7,
    name=_("Review and launch"),
    why=_(
        "A last look catches gaps while they are cheap to fix. Anything missing links back "
        "to the step where you can add it."
    ),
    form=LaunchForm,
    template="campaigns/plan/step_7.html",
)
