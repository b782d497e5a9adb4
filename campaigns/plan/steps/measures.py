"""Step 3: what to measure. One or two KPIs, those that fit the goal first, each with where
it stands today and its target."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db import transaction
from django.forms import BoundField
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.bounds import COUNT_VALIDATORS, GOAL_VALIDATORS
from kpis.catalogue import RECOMMENDED_KPIS, KPIKind, definition
from kpis.models import CampaignKPI

from .base import PlanStepForm, Step

# More than this many KPIs only when the owner ticks "track more".
MAX_KPIS_WITHOUT_OVERRIDE = 2


@dataclass(frozen=True)
class KPIChoice:
    kind: str
    label: str | Promise
    explanation: str | Promise
    unit: str | Promise
    recommended: bool
    chosen: BoundField
    baseline: BoundField
    target: BoundField


class KPIForm(PlanStepForm):
    track_more = forms.BooleanField(
        label=_("I know, track more than two"),
        required=False,
        help_text=_("Each extra number is one more thing to count at every check-in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = self.ordered_kinds(self.campaign)
        for kind, label in self.kinds:
            self.fields[f"{kind}_chosen"] = forms.BooleanField(label=label, required=False)
            self.fields[f"{kind}_baseline"] = forms.DecimalField(
                label=format_html(
                    '<span class="visually-hidden">{}: </span>{}', label, _("Where it stands today")
                ),
                required=False,
                max_digits=14,
                decimal_places=2,
                validators=COUNT_VALIDATORS,
            )
            self.fields[f"{kind}_target"] = forms.DecimalField(
                label=format_html(
                    '<span class="visually-hidden">{}: </span>{}',
                    label,
                    _("Target by the deadline"),
                ),
                required=False,
                max_digits=14,
                decimal_places=2,
                validators=GOAL_VALIDATORS,
            )

    @staticmethod
    def ordered_kinds(campaign):
        """Every KPI kind as (value, label), those suggested for the goal first."""
        choices = KPIKind.choices
        recommended = RECOMMENDED_KPIS.get(campaign.goal_type, ())
        return sorted(
            choices,
            key=lambda choice: (
                recommended.index(choice[0]) if choice[0] in recommended else len(recommended)
            ),
        )

    @classmethod
    def initial_for(cls, campaign):
        initial = {"track_more": campaign.track_more_kpis}
        kpis = list(campaign.kpis.all())
        for kpi in kpis:
            initial[f"{kpi.kind}_chosen"] = True
            initial[f"{kpi.kind}_baseline"] = kpi.baseline
            initial[f"{kpi.kind}_target"] = kpi.target
        recommended = RECOMMENDED_KPIS.get(campaign.goal_type, ())
        if not kpis and recommended:
            # A first plan starts from the best-fitting KPI, with the goal's own number as
            # its target; the owner can change both.
            initial[f"{recommended[0]}_chosen"] = True
            initial[f"{recommended[0]}_baseline"] = Decimal(0)
            initial[f"{recommended[0]}_target"] = campaign.goal_number
        return initial

    def choices(self) -> list[KPIChoice]:
        recommended = RECOMMENDED_KPIS.get(self.campaign.goal_type, ())
        rows = []
        for kind, label in self.kinds:
            entry = definition(kind)
            rows.append(
                KPIChoice(
                    kind=kind,
                    label=label,
                    explanation=entry.explanation,
                    unit=entry.unit,
                    recommended=kind in recommended,
                    chosen=self[f"{kind}_chosen"],
                    baseline=self[f"{kind}_baseline"],
                    target=self[f"{kind}_target"],
                )
            )
        return rows

    def suggested_and_others(self):
        """(suggested choices, other choices, whether to show the others unfolded)."""
        rows = self.choices()
        others = [row for row in rows if not row.recommended]
        unfold = any(row.chosen.value() or row.chosen.errors or row.target.errors for row in others)
        return [row for row in rows if row.recommended], others, unfold

    def chosen_kinds(self):
        return [kind for kind, _label in self.kinds if self.cleaned_data.get(f"{kind}_chosen")]

    def clean(self):
        cleaned = super().clean()
        chosen = self.chosen_kinds()
        labels = dict(self.kinds)
        if not chosen:
            raise forms.ValidationError(
                _("Choose at least one number to watch: it is how you will know if it worked.")
            )
        if len(chosen) > MAX_KPIS_WITHOUT_OVERRIDE and not cleaned.get("track_more"):
            self.add_error(
                "track_more",
                _(
                    "You chose %(count)s numbers. One or two are easier to keep an eye on: "
                    "untick some, or tick 'I know, track more' to keep them all."
                )
                % {"count": len(chosen)},
            )
        for kind in chosen:
            baseline = cleaned.get(f"{kind}_baseline")
            target = cleaned.get(f"{kind}_target")
            if baseline is None and f"{kind}_baseline" not in self.errors:
                cleaned[f"{kind}_baseline"] = baseline = Decimal(0)
            if target is None:
                if f"{kind}_target" not in self.errors:
                    self.add_error(
                        f"{kind}_target",
                        _("Enter a target for %(kpi)s.") % {"kpi": labels[kind]},
                    )
            elif baseline is not None and target <= baseline:
                self.add_error(
                    f"{kind}_target",
                    _(
                        "The target (%(target)s) must be above where it stands today "
                        "(%(baseline)s): this number should grow."
                    )
                    % {"target": target, "baseline": baseline},
                )
        dropped = self.campaign.kpis.exclude(kind__in=chosen).filter(measurements__isnull=False)
        for kpi in dropped.distinct():
            self.add_error(
                f"{kpi.kind}_chosen",
                _("%(kpi)s already has numbers recorded, so it stays.") % {"kpi": kpi},
            )
        return cleaned

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        chosen = self.chosen_kinds()
        campaign.kpis.exclude(kind__in=chosen).delete()
        existing = {kpi.kind: kpi for kpi in campaign.kpis.all()}
        for position, kind in enumerate(chosen):
            kpi = existing.get(kind) or CampaignKPI(
                owner=campaign.owner,
                campaign=campaign,
                kind=kind,
                source=definition(kind).best_source,
            )
            kpi.baseline = self.cleaned_data[f"{kind}_baseline"]
            kpi.target = self.cleaned_data[f"{kind}_target"]
            kpi.position = position
            kpi.save()
        campaign.track_more_kpis = self.cleaned_data["track_more"]
        campaign.save(update_fields=["track_more_kpis", "updated_at"])


STEP = Step(
    number=3,
    name=_("What to measure"),
    why=_(
        "These numbers work like a speedometer: they show while the campaign runs whether it "
        "is working, so you can act in time. One or two are plenty."
    ),
    form=KPIForm,
    template="campaigns/plan/step_3.html",
)
