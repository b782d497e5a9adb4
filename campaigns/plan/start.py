"""The start page's one question, the new plan's name: a form, so that what is typed is
checked (length, characters a database refuses) before the draft is made."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NewPlanForm(forms.Form):
    name = forms.CharField(
        label=_("Give the campaign a name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(
            attrs={"class": "form-control mb-3", "placeholder": _("e.g. Spring sourdough launch")}
        ),
    )
