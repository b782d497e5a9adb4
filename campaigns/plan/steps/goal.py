"""Step 2: the main goal, with a number, a unit and a deadline, and its sentence."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.bounds import DATE_VALIDATORS, GOAL_VALIDATORS, campaign_too_long
from campaigns.models import GoalType
from campaigns.services import SUGGESTED_UNITS, compose_goal_sentence

from .base import DATE_WIDGET, PlanStepForm, Step


class GoalForm(PlanStepForm):
    goal_type = forms.ChoiceField(
        label=_("What do you want most from this campaign?"),
        choices=GoalType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pick one main goal.")},
    )
    goal_number = forms.DecimalField(
        label=_("How many?"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("1"),
        validators=GOAL_VALIDATORS,
        error_messages={
            "required": _("Enter a number, e.g. 50: without one you cannot tell if it worked."),
            "min_value": _("Enter a number of at least 1."),
        },
    )
    goal_unit = forms.CharField(
        label=_("Of what?"),
        max_length=60,
        help_text=_("e.g. new customers, new followers, extra sales"),
        error_messages={"required": _("Say what you are counting, e.g. 'new customers'.")},
    )
    start_date = forms.DateField(
        label=_("Start date"),
        widget=DATE_WIDGET,
        validators=DATE_VALIDATORS,
        error_messages={"required": _("Pick the day the campaign starts.")},
    )
    end_date = forms.DateField(
        label=_("Deadline"),
        widget=DATE_WIDGET,
        validators=DATE_VALIDATORS,
        error_messages={"required": _("Pick a deadline: a goal without a date tends to drift.")},
    )

    FIELDS = ("goal_type", "goal_number", "goal_unit", "start_date", "end_date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        suggestion = SUGGESTED_UNITS.get(self.campaign.goal_type)
        if suggestion:
            self.fields["goal_unit"].widget.attrs["placeholder"] = suggestion

    @classmethod
    def initial_for(cls, campaign):
        initial = {name: getattr(campaign, name) for name in cls.FIELDS}
        if not campaign.goal_type:
            initial["goal_type"] = None
        return initial

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        today = timezone.localdate()
        if self.is_new_plan:
            # A saved start date may pass while the plan is still being written: keep it.
            if start and start < today and start != self.campaign.start_date:
                self.add_error(
                    "start_date",
                    _("That date has already passed. A new plan starts today or later."),
                )
            if end and end < today:
                self.add_error("end_date", _("That deadline has already passed."))
        if start and end and end < start:
            self.add_error(
                "end_date",
                _("The deadline is before the start date (%(start)s). Pick a later deadline.")
                % {"start": date_format(start, "j F Y")},
            )
        elif too_long := campaign_too_long(start=start, end=end):
            self.add_error("end_date", too_long)
        return cleaned

    def sentence(self):
        """The goal sentence from what is in the form now (for the live preview)."""
        values = self.cleaned_data if self.is_bound and self.is_valid() else self.initial
        return compose_goal_sentence(
            goal_type=values.get("goal_type"),
            number=values.get("goal_number"),
            unit=values.get("goal_unit"),
            deadline=values.get("end_date"),
        )

    def save(self):
        campaign = self.campaign
        for name in self.FIELDS:
            setattr(campaign, name, self.cleaned_data[name])
        campaign.goal_sentence = self.sentence()
        campaign.save(update_fields=[*self.FIELDS, "goal_sentence", "updated_at"])


def preview_sentence(*, params: Mapping[str, str], prefix: str) -> str:
    """The goal sentence from raw, possibly half-typed form values (the live preview)."""
    field_values: dict[str, Any] = {}
    for name, field in GoalForm.base_fields.items():
        raw = params.get(f"{prefix}-{name}", "")
        try:
            field_values[name] = field.clean(raw) if raw else None
        except forms.ValidationError:
            field_values[name] = None
    return compose_goal_sentence(
        goal_type=field_values["goal_type"],
        number=field_values["goal_number"],
        unit=field_values["goal_unit"],
        deadline=field_values["end_date"],
    )


STEP = Step(
    number=2,
    name=_("Main goal"),
    why=_(
        "One goal with a number and a date tells you, and your influencers, what success "
        "looks like. Without it you cannot tell whether the money was well spent."
    ),
    form=GoalForm,
    template="campaigns/plan/step_2.html",
)
