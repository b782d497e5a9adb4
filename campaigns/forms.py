"""The seven plan steps as forms. Each reads its starting values from the campaign
(``initial_for``) and writes what it holds back to the database (``save``), so the plan is
stored as the owner goes."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django import forms
from django.apps import apps
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.bounds import (
    COUNT_VALIDATORS,
    DATE_VALIDATORS,
    GOAL_VALIDATORS,
    MONEY_VALIDATORS,
    PERCENT_VALIDATORS,
    campaign_too_long,
)
from accounts.formatting import currency_symbol, format_money
from accounts.layout import FormHelper
from accounts.models import business_of, currency_of
from accounts.owned import owned
from influencers.metrics import TIER_SHORT_NAMES, profile_engagement, profile_warnings, size_tier
from influencers.models import Influencer

from .checklist import GOAL_REVIEW_POINTS, MAX_KPIS_WITHOUT_OVERRIDE, NEEDS_FIELDS
from .models import (
    RECOMMENDED_KPIS,
    BudgetTool,
    Campaign,
    CampaignStatus,
    CheckinFrequency,
    DealType,
    GoalType,
    Partnership,
    deal_cash,
)
from .services import (
    SUGGESTED_UNITS,
    cash_costs,
    compose_goal_sentence,
    goal_sentence_hints,
    partnership_outreach_message,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = {"max_digits": 12, "decimal_places": 2, "validators": MONEY_VALIDATORS}


def campaign_kpi_model():
    # kpis sits above campaigns: reach its models by name, never by import.
    return apps.get_model("kpis", "CampaignKPI")


class PlanStepForm(forms.Form):
    """One wizard step: knows its campaign, its starting values and how to save itself."""

    def __init__(self, *args, campaign, **kwargs):
        self.campaign = campaign
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @classmethod
    def initial_for(cls, campaign):
        return {}

    def save(self):
        raise NotImplementedError

    @property
    def currency(self):
        return currency_of(self.campaign.owner)

    @property
    def is_new_plan(self):
        return self.campaign.status == CampaignStatus.DRAFT


# ---------------------------------------------------------------------------------------------
# Step 1: find influencers.


@dataclass(frozen=True)
class RosterRow:
    """One influencer on the shortlist: their biggest profile and what its numbers say."""

    influencer: Influencer
    profile: object
    tier: str
    engagement: object
    warnings: list
    checked: bool


class ShortlistForm(PlanStepForm):
    name = forms.CharField(label=_("Campaign name"), max_length=120)
    influencers = forms.ModelMultipleChoiceField(
        label=_("Influencers for this campaign"),
        queryset=Influencer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _(
                "Tick at least one influencer for this campaign. Nobody on your list yet? "
                "Add someone first with the button below."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["influencers"].queryset = owned(Influencer, self.campaign.owner)

    @classmethod
    def initial_for(cls, campaign):
        return {
            "name": campaign.name,
            "influencers": [p.influencer_id for p in campaign.partnerships.all()],
        }

    def roster(self):
        """The owner's influencers with follower tier, engagement and plain warnings."""
        chosen = {str(value) for value in (self["influencers"].value() or [])}
        rows = []
        for influencer in owned(Influencer, self.campaign.owner).prefetch_related("profiles"):
            profile = influencer.main_profile
            tier = size_tier(profile.followers) if profile else None
            rows.append(
                RosterRow(
                    influencer=influencer,
                    profile=profile,
                    tier=TIER_SHORT_NAMES[tier] if tier else "",
                    engagement=profile_engagement(profile) if profile else None,
                    warnings=profile_warnings(profile) if profile else [],
                    checked=str(influencer.pk) in chosen,
                )
            )
        return rows

    def clean_influencers(self):
        chosen = self.cleaned_data["influencers"]
        dropped = self.campaign.partnerships.exclude(influencer__in=chosen)
        # Removing someone would delete their code uses and link clicks with them.
        with_results = dropped.filter(
            Q(redemptions__isnull=False) | Q(tracked_link__clicks__isnull=False)
        ).distinct()
        if with_results.exists():
            raise forms.ValidationError(
                _(
                    "%(names)s already has results (code uses or link clicks) on this "
                    "campaign, so they stay on it."
                ),
                params={"names": ", ".join(p.influencer.name for p in with_results)},
            )
        return chosen

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        chosen = {influencer.pk: influencer for influencer in self.cleaned_data["influencers"]}
        existing = set(campaign.partnerships.values_list("influencer_id", flat=True))
        campaign.partnerships.exclude(influencer_id__in=chosen).delete()
        Partnership.objects.bulk_create(
            Partnership(owner=campaign.owner, campaign=campaign, influencer=influencer)
            for pk, influencer in chosen.items()
            if pk not in existing
        )
        campaign.name = self.cleaned_data["name"]
        campaign.save(update_fields=["name", "updated_at"])


# ---------------------------------------------------------------------------------------------
# Step 2: the main goal.


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
        elif too_long := campaign_too_long(start, end):
            self.add_error("end_date", too_long)
        return cleaned

    def sentence(self):
        """The goal sentence from what is in the form now (for the live preview)."""
        values = self.cleaned_data if self.is_bound and self.is_valid() else self.initial
        return compose_goal_sentence(
            values.get("goal_type"),
            values.get("goal_number"),
            values.get("goal_unit"),
            values.get("end_date"),
        )

    def save(self):
        campaign = self.campaign
        for name in self.FIELDS:
            setattr(campaign, name, self.cleaned_data[name])
        campaign.goal_sentence = self.sentence()
        campaign.save(update_fields=[*self.FIELDS, "goal_sentence", "updated_at"])


def preview_sentence(params, prefix):
    """The goal sentence from raw, possibly half-typed form values (the live preview)."""
    field_values = {}
    for name, field in GoalForm.base_fields.items():
        raw = params.get(f"{prefix}-{name}", "")
        try:
            field_values[name] = field.clean(raw) if raw else None
        except forms.ValidationError:
            field_values[name] = None
    return compose_goal_sentence(
        field_values["goal_type"],
        field_values["goal_number"],
        field_values["goal_unit"],
        field_values["end_date"],
    )


# ---------------------------------------------------------------------------------------------
# Step 3: what to measure.


@dataclass(frozen=True)
class KPIChoice:
    kind: str
    label: str
    explanation: str
    unit: str
    recommended: bool
    chosen: object
    baseline: object
    target: object


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
        choices = campaign_kpi_model()._meta.get_field("kind").choices
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

    def choices(self):
        recommended = RECOMMENDED_KPIS.get(self.campaign.goal_type, ())
        rows = []
        for kind, label in self.kinds:
            entry = campaign_kpi_model().describe(kind)
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
        model = campaign_kpi_model()
        chosen = self.chosen_kinds()
        campaign.kpis.exclude(kind__in=chosen).delete()
        existing = {kpi.kind: kpi for kpi in campaign.kpis.all()}
        for position, kind in enumerate(chosen):
            kpi = existing.get(kind) or model(
                owner=campaign.owner,
                campaign=campaign,
                kind=kind,
                source=model.describe(kind).best_source,
            )
            kpi.baseline = self.cleaned_data[f"{kind}_baseline"]
            kpi.target = self.cleaned_data[f"{kind}_target"]
            kpi.position = position
            kpi.save()
        campaign.track_more_kpis = self.cleaned_data["track_more"]
        campaign.save(update_fields=["track_more_kpis", "updated_at"])


# ---------------------------------------------------------------------------------------------
# Step 4: your business, and a second look at the goal sentence.


# The guide's five questions: (Campaign field, the question, an example answer).
NEEDS_QUESTIONS = (
    (
        "need_main_goal",
        _("What does your business need most right now?"),
        _("e.g. more people coming in on weekdays"),
    ),
    (
        "need_ideal_customers",
        _("Who are your ideal customers?"),
        _("Age, interests, where they live: whoever you would love more of."),
    ),
    (
        "need_challenges",
        _("What is holding the business back?"),
        _("e.g. few people know we exist, quiet afternoons"),
    ),
    (
        "need_influencer_help",
        _("How could influencers help with that?"),
        _("e.g. show our bread to local food lovers who trust them"),
    ),
    (
        "need_resources",
        _("What time and money can you put in?"),
        # The amount is shown in the business's own currency.
        _("e.g. two hours a week and %(amount)s"),
    ),
)


class NeedsForm(PlanStepForm):
    specific = forms.BooleanField(
        label=_("It says exactly what should change, not just 'more customers'."),
        required=False,
    )
    measurable = forms.BooleanField(label=_("It has a number I can count."), required=False)
    achievable = forms.BooleanField(
        label=_("I can reach it with the time and budget I have."), required=False
    )
    dated = forms.BooleanField(label=_("It has a deadline."), required=False)
    simple = forms.BooleanField(
        label=_("I could explain it to a customer in one breath."), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {
            name: forms.CharField(
                label=question,
                help_text=example % {"amount": format_money(300, self.currency, 0)},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            for name, question, example in NEEDS_QUESTIONS
        }
        # The questions first, then the review of the goal sentence.
        self.fields = {**questions, **self.fields}

    @classmethod
    def initial_for(cls, campaign):
        initial = {name: getattr(campaign, name) for name in NEEDS_FIELDS}
        initial.update(
            {point: bool(campaign.goal_review.get(point)) for point in GOAL_REVIEW_POINTS}
        )
        return initial

    def needs_fields(self):
        return [self[name] for name in NEEDS_FIELDS]

    def review_fields(self):
        return [self[name] for name in GOAL_REVIEW_POINTS]

    def hints(self):
        return goal_sentence_hints(self.campaign, self.currency)

    def save(self):
        campaign = self.campaign
        for name in NEEDS_FIELDS:
            setattr(campaign, name, self.cleaned_data[name].strip())
        campaign.goal_review = {point: self.cleaned_data[point] for point in GOAL_REVIEW_POINTS}
        campaign.save(update_fields=[*NEEDS_FIELDS, "goal_review", "updated_at"])


# ---------------------------------------------------------------------------------------------
# Step 5: the tracking plan.


def shared_destination(campaign):
    """The page most of the campaign's links open (the one step 5 sets), or ""."""
    common = (
        apps.get_model("kpis", "TrackedLink")
        .objects.filter(partnership__campaign=campaign)
        .values("destination")
        .annotate(links=Count("id"), first=Min("id"))
        .order_by("-links", "first")
        .first()
    )
    return common["destination"] if common else ""


class TrackingForm(PlanStepForm):
    checkin_frequency = forms.TypedChoiceField(
        label=_("How often will you check your numbers?"),
        choices=CheckinFrequency.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    destination = forms.URLField(
        label=_("Which page should the influencers' links open?"),
        help_text=_(
            "Your website or shop page. Each influencer gets their own short link to it, so "
            "every click is counted for the right person. A link you pointed at another page "
            "on the links page keeps that page."
        ),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, e.g. https://yourshop.example.")},
    )
    adjustment_threshold = forms.IntegerField(
        label=_("Act when a number is below this share of where it should be (%)"),
        min_value=1,
        max_value=100,
        help_text=_("e.g. 50: at half the expected progress, it is time to change something."),
        error_messages={
            "min_value": _("Enter a percentage between 1 and 100."),
            "max_value": _("Enter a percentage between 1 and 100."),
        },
    )
    adjustment_action = forms.CharField(
        label=_("What will you change then?"),
        help_text=_("e.g. ask for a video instead of a photo, or try another influencer."),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpis = list(self.campaign.kpis.all())
        for kpi in self.kpis:
            sources = campaign_kpi_model().describe(kpi.kind).sources
            self.fields[f"source_{kpi.kind}"] = forms.ChoiceField(
                label=_("Where will the numbers for '%(kpi)s' come from?") % {"kpi": kpi},
                choices=[(source.value, source.label) for source in sources],
            )

    @classmethod
    def initial_for(cls, campaign):
        initial = {
            "checkin_frequency": campaign.checkin_frequency,
            "adjustment_threshold": campaign.adjustment_threshold,
            "adjustment_action": campaign.adjustment_action,
        }
        initial.update({f"source_{kpi.kind}": kpi.source for kpi in campaign.kpis.all()})
        business = business_of(campaign.owner)
        initial["destination"] = shared_destination(campaign) or getattr(business, "website", "")
        return initial

    def source_fields(self):
        return [self[f"source_{kpi.kind}"] for kpi in self.kpis]

    def clean_destination(self):
        destination = self.cleaned_data["destination"]
        if destination and urlsplit(destination).scheme not in ("http", "https"):
            raise forms.ValidationError(_("Use a web address starting with https://."))
        return destination

    def clean(self):
        cleaned = super().clean()
        uses_links = any(cleaned.get(f"source_{kpi.kind}") == "links" for kpi in self.kpis)
        if uses_links and not cleaned.get("destination") and "destination" not in self.errors:
            self.add_error(
                "destination",
                _(
                    "You count clicks on tracked links: enter the page they should open, "
                    "e.g. your shop's website."
                ),
            )
        return cleaned

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        sources = set()
        for kpi in self.kpis:
            kpi.source = self.cleaned_data[f"source_{kpi.kind}"]
            kpi.save(update_fields=["source"])
            sources.add(kpi.source)
        destination = self.cleaned_data["destination"]
        if destination:
            tracked_link = apps.get_model("kpis", "TrackedLink")
            # Only the links that still open the page this field showed follow a change: a
            # link the owner pointed elsewhere on the links page keeps its own page.
            previous = shared_destination(campaign)
            if previous and destination != previous:
                tracked_link.objects.filter(
                    partnership__campaign=campaign, destination=previous
                ).update(destination=destination)
            for partnership in campaign.partnerships.filter(
                tracked_link__isnull=True
            ).select_related("influencer", "owner"):
                tracked_link.create_for(partnership, destination)
        campaign.checkin_frequency = self.cleaned_data["checkin_frequency"]
        campaign.adjustment_threshold = self.cleaned_data["adjustment_threshold"]
        campaign.adjustment_action = self.cleaned_data["adjustment_action"].strip()
        campaign.tracking_tools = sorted(sources)
        campaign.save(
            update_fields=[
                "checkin_frequency",
                "adjustment_threshold",
                "adjustment_action",
                "tracking_tools",
                "updated_at",
            ]
        )


# ---------------------------------------------------------------------------------------------
# Step 6: budget, deals and outreach.


PARTNERSHIP_FIELDS = (
    "deal_type",
    "fee",
    "product_value",
    "shipping",
    "commission_rate",
    "deliverables",
    "due_date",
    "promo_code",
    "outreach_message",
)


# Step 6's amounts, each labelled with the business's currency: "Fee (£)".
MONEY_FIELDS = {"fee", "product_value", "shipping"}


def in_currency(label, currency):
    symbol = currency_symbol(currency).strip()
    return _("%(label)s (%(currency)s)") % {"label": label, "currency": symbol}


class BudgetForm(PlanStepForm):
    cash_budget = forms.DecimalField(
        label=_("Cash budget"),
        help_text=_("The most money you will spend, fees and shipping included."),
        **MONEY,
    )
    other_costs = forms.DecimalField(
        label=_("Other costs"),
        help_text=_("Tools, printing, anything else the campaign costs."),
        **MONEY,
    )
    gross_margin = forms.DecimalField(
        label=_("Gross margin %"),
        max_digits=5,
        decimal_places=2,
        validators=PERCENT_VALIDATORS,
        help_text=Campaign._meta.get_field("gross_margin").help_text,
    )
    budget_tools = forms.MultipleChoiceField(
        label=_("Free or cheap tools you will use"),
        choices=BudgetTool.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    CAMPAIGN_FIELDS = ("cash_budget", "other_costs", "gross_margin", "budget_tools")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("cash_budget", "other_costs"):
            self.fields[name].label = in_currency(self.fields[name].label, self.currency)
        self.partnerships = list(
            self.campaign.partnerships.select_related("influencer").prefetch_related(
                "influencer__profiles"
            )
        )
        for partnership in self.partnerships:
            prefix = f"p{partnership.pk}"
            for name in PARTNERSHIP_FIELDS:
                model_field = Partnership._meta.get_field(name)
                field = model_field.formfield()
                # A model's validators (money never below zero, 0-100%) run only in
                # ModelForms: a plain form has to take them over itself.
                field.validators = [*field.validators, *model_field.validators]
                if name == "due_date":
                    field.widget = DATE_WIDGET
                if name == "outreach_message":
                    field.widget = forms.Textarea(attrs={"rows": 8})
                    field.label = _("Message to send")
                field.required = name == "deal_type"
                if name in MONEY_FIELDS:
                    field.label = in_currency(field.label, self.currency)
                # Every card has the same labels: name the influencer for screen readers.
                field.label = format_html(
                    '<span class="visually-hidden">{}: </span>{}',
                    partnership.influencer.name,
                    field.label,
                )
                self.fields[f"{prefix}_{name}"] = field

    @classmethod
    def initial_for(cls, campaign):
        initial = {name: getattr(campaign, name) for name in cls.CAMPAIGN_FIELDS}
        business = business_of(campaign.owner)
        partnerships = campaign.partnerships.select_related("influencer", "campaign")
        for partnership in partnerships.prefetch_related("influencer__profiles"):
            for name in PARTNERSHIP_FIELDS:
                initial[f"p{partnership.pk}_{name}"] = getattr(partnership, name)
            if not partnership.outreach_message:
                initial[f"p{partnership.pk}_outreach_message"] = partnership_outreach_message(
                    partnership, business
                )
        return initial

    def partnership_groups(self):
        """[(partnership, [bound fields])] for the template, one card per influencer."""
        return [
            (p, [self[f"p{p.pk}_{name}"] for name in PARTNERSHIP_FIELDS]) for p in self.partnerships
        ]

    def value(self, partnership, name):
        return self.cleaned_data.get(f"p{partnership.pk}_{name}")

    def clean(self):
        cleaned = super().clean()
        self._check_promo_codes(cleaned)
        today = timezone.localdate()
        for partnership in self.partnerships:
            deal = self.value(partnership, "deal_type")
            fee = self.value(partnership, "fee")
            due = self.value(partnership, "due_date")
            name = partnership.influencer.name
            if deal == DealType.FEE and not fee:
                self.add_error(
                    f"p{partnership.pk}_fee",
                    _("A paid deal needs a fee for %(name)s.") % {"name": name},
                )
            if deal == DealType.COMMISSION and not self.value(partnership, "commission_rate"):
                self.add_error(
                    f"p{partnership.pk}_commission_rate",
                    _("Enter the commission %% you will pay %(name)s.") % {"name": name},
                )
            if due and self.campaign.end_date and due > self.campaign.end_date:
                self.add_error(
                    f"p{partnership.pk}_due_date",
                    _("That is after the campaign's deadline (%(end)s).")
                    % {"end": date_format(self.campaign.end_date, "j F Y")},
                )
            elif due and self.is_new_plan and due < today and due != partnership.due_date:
                self.add_error(f"p{partnership.pk}_due_date", _("That date has already passed."))
        budget = cleaned.get("cash_budget")
        if budget is not None and not self.errors:
            costs = cash_costs(
                [
                    deal_cash(self.value(p, "fee"), self.value(p, "shipping"))
                    for p in self.partnerships
                ],
                cleaned.get("other_costs"),
            )
            if costs > budget:
                self.add_error(
                    "cash_budget",
                    _(
                        "The fees, shipping and other costs you entered come to %(costs)s, "
                        "more than this budget. Raise the budget or lower the fees."
                    )
                    % {"costs": format_money(costs, self.currency)},
                )
        return cleaned

    def _check_promo_codes(self, cleaned):
        seen = {}
        for partnership in self.partnerships:
            key = f"p{partnership.pk}_promo_code"
            code = (cleaned.get(key) or "").strip().upper()
            cleaned[key] = code
            if not code:
                continue
            if code in seen:
                self.add_error(
                    key,
                    _("%(code)s is already %(name)s's code. Give each influencer their own.")
                    % {"code": code, "name": seen[code]},
                )
                continue
            seen[code] = partnership.influencer.name
            clash = (
                owned(Partnership, self.campaign.owner)
                .filter(promo_code__iexact=code)
                .exclude(pk=partnership.pk)
                .select_related("influencer", "campaign")
                .first()
            )
            if clash:
                self.add_error(
                    key,
                    _(
                        "%(code)s is already used by %(name)s in '%(campaign)s'. Each code must "
                        "be different, so every use is counted for the right person."
                    )
                    % {"code": code, "name": clash.influencer.name, "campaign": clash.campaign},
                )

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        for name in self.CAMPAIGN_FIELDS:
            setattr(campaign, name, self.cleaned_data[name])
        campaign.save(update_fields=[*self.CAMPAIGN_FIELDS, "updated_at"])
        business = business_of(campaign.owner)
        for partnership in self.partnerships:
            for name in PARTNERSHIP_FIELDS:
                value = self.value(partnership, name)
                default = Partnership._meta.get_field(name).get_default()
                setattr(partnership, name, default if value in (None, "") else value)
            if not partnership.outreach_message.strip():
                partnership.outreach_message = partnership_outreach_message(partnership, business)
            partnership.save(update_fields=list(PARTNERSHIP_FIELDS))


# ---------------------------------------------------------------------------------------------
# Step 7: review and launch.


class LaunchForm(PlanStepForm):
    """No questions here: the review is read from the plan, and Launch checks what is missing."""

    def save(self):
        """Nothing to store: launching happens once the whole plan is checked."""


# "Why this matters", one short paragraph per step, in the app's own words.
STEP_WHY = {
    1: _(
        "People trust a local creator they follow more than an advert. A few people with an "
        "engaged audience usually do better than one big name, and cost far less."
    ),
    2: _(
        "One goal with a number and a date tells you, and your influencers, what success "
        "looks like. Without it you cannot tell whether the money was well spent."
    ),
    3: _(
        "These numbers work like a speedometer: they show while the campaign runs whether it "
        "is working, so you can act in time. One or two are plenty."
    ),
    4: _(
        "A goal rooted in what the business really needs is easier to stick to. Reading the "
        "sentence again now catches goals that are too vague or too big."
    ),
    5: _(
        "Numbers only help if someone looks at them. Deciding now when you will check, where "
        "each number comes from and what you will do if it lags saves guesswork later."
    ),
    6: _(
        "Knowing what each deal costs keeps the campaign affordable and lets you judge later "
        "whether it paid off. Many small creators are happy with products instead of cash."
    ),
    7: _(
        "A last look catches gaps while they are cheap to fix. Anything missing links back "
        "to the step where you can add it."
    ),
}

PLAN_STEPS = (
    ("1", ShortlistForm),
    ("2", GoalForm),
    ("3", KPIForm),
    ("4", NeedsForm),
    ("5", TrackingForm),
    ("6", BudgetForm),
    ("7", LaunchForm),
)
