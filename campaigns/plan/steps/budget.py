"""Step 6: the budget, each influencer's deal, and the message to send them."""

from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.bounds import MONEY_VALIDATORS, PERCENT_VALIDATORS
from accounts.formatting import currency_symbol, format_money
from accounts.models import business_of
from accounts.owned import owned
from campaigns.models import BudgetTool, Campaign, DealType, Partnership, deal_cash
from campaigns.services import cash_costs, partnership_outreach_message

from .base import DATE_WIDGET, PlanStepForm, Step

MONEY: dict[str, Any] = {"max_digits": 12, "decimal_places": 2, "validators": MONEY_VALIDATORS}

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


def in_currency(label: str | Promise, currency: str) -> str:
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
                    partnership=partnership, business=business
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
                deal_amounts=[
                    deal_cash(self.value(p, "fee"), self.value(p, "shipping"))
                    for p in self.partnerships
                ],
                other_costs=cleaned.get("other_costs"),
            )
            if costs > budget:
                self.add_error(
                    "cash_budget",
                    _(
                        "The fees, shipping and other costs you entered come to %(costs)s, "
                        "more than this budget. Raise the budget or lower the fees."
                    )
                    % {"costs": format_money(costs, currency=self.currency)},
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
                owned(Partnership, owner=self.campaign.owner)
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
                partnership.outreach_message = partnership_outreach_message(
                    partnership=partnership, business=business
                )
            partnership.save(update_fields=list(PARTNERSHIP_FIELDS))


STEP = Step(
    number=6,
    name=_("Budget and outreach"),
    why=_(
        "Knowing what each deal costs keeps the campaign affordable and lets you judge later "
        "whether it paid off. Many small creators are happy with products instead of cash."
    ),
    form=BudgetForm,
    template="campaigns/plan/step_6.html",
    depends_on=(1,),  # a deal per influencer
)
