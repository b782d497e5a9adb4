"""Forms of customers' voice: the public survey and the owner's feedback log."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import PartnershipStatus

from .forms import check_reading_date
from .models import Feedback, HeardFrom, Tone

RATINGS = [(str(n), str(n)) for n in range(1, 6)]
PARTNER_PREFIX = "p"


def survey_partnerships(campaign):
    """The influencers a customer may name: everyone on the campaign who did not decline."""
    return list(
        campaign.partnerships.exclude(status=PartnershipStatus.DECLINED)
        .select_related("influencer")
        .order_by("influencer__name")
    )


class SurveyForm(forms.Form):
    heard_from = forms.ChoiceField(
        label=gettext_lazy("How did you hear about us?"), widget=forms.RadioSelect
    )
    other = forms.CharField(
        label=gettext_lazy("Something else: where?"), max_length=120, required=False
    )
    used_code = forms.BooleanField(
        label=gettext_lazy("I used a discount code today"), required=False
    )
    reason = forms.CharField(
        label=gettext_lazy("What made you come in? (optional)"), max_length=300, required=False
    )
    rating = forms.ChoiceField(
        label=gettext_lazy("How was your visit? 1 is poor, 5 is great (optional)"),
        choices=RATINGS,
        widget=forms.RadioSelect,
        required=False,
    )
    # Left empty by people (it is hidden from them); form-filling robots fill it in.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this empty"))

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnerships = {f"{PARTNER_PREFIX}{p.pk}": p for p in partnerships}
        named = [
            (key, _("%(name)s (online)") % {"name": p.influencer.name})
            for key, p in self.partnerships.items()
        ]
        others = [(choice, label) for choice, label in HeardFrom.choices if choice != "influencer"]
        self.fields["heard_from"].choices = named + others

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("heard_from") == HeardFrom.OTHER and not cleaned.get("other", "").strip():
            self.add_error("other", _("Tell us where, in a word or two."))
        return cleaned

    def answer(self):
        """The cleaned answer as SurveyAnswer fields."""
        data = self.cleaned_data
        partnership = self.partnerships.get(data["heard_from"])
        return {
            "heard_from": HeardFrom.INFLUENCER if partnership else data["heard_from"],
            "partnership": partnership,
            "other": data["other"].strip() if data["heard_from"] == HeardFrom.OTHER else "",
            "reason": data["reason"].strip(),
            "rating": int(data["rating"]) if data["rating"] else None,
            "used_code": data["used_code"],
        }


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["text", "tone", "source", "partnership", "date"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "tone": forms.RadioSelect,
            "date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        field = self.fields["partnership"]
        field.queryset = campaign.partnerships.select_related("influencer")
        field.label_from_instance = lambda partnership: partnership.influencer.name
        field.empty_label = _("Nobody in particular")
        field.required = False
        self.fields["text"].error_messages["required"] = _("Write down what they said.")
        # Radio buttons need no "---------" choice: none is ticked until the owner picks one.
        self.fields["tone"].choices = Tone.choices
        self.fields["tone"].error_messages["required"] = _(
            "Pick how it sounds: positive, neutral or negative."
        )

    def clean_date(self):
        return check_reading_date(self.campaign, self.cleaned_data["date"])

    def save(self, commit=True):
        feedback = super().save(commit=False)
        feedback.owner = self.campaign.owner
        feedback.campaign = self.campaign
        if commit:
            feedback.save()
        return feedback
