"""What every wizard step is made of: its description (``Step``) and its form's base class."""

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise

from accounts.layout import FormHelper
from accounts.models import currency_of
from campaigns.models import CampaignStatus

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@dataclass(frozen=True)
class Step:
    """One step of the plan: its number, name, why it matters, its form and template, and the
    earlier steps whose answers build its fields (saving one of those starts it afresh)."""

    number: int
    name: str | Promise
    why: str | Promise
    form: type["PlanStepForm"]
    template: str
    depends_on: tuple[int, ...] = ()


class PlanStepForm(forms.Form):
    """One wizard step: knows its campaign, its starting values and how to save itself. Each
    reads its starting values from the campaign (``initial_for``) and writes what it holds back
    to the database (``save``), so the plan is stored as the owner goes."""

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
