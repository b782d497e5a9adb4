"""Every crispy form renders its hidden fields: the site has one FormHelper, and uses it."""

from pathlib import Path

from crispy_forms.layout import Layout
from crispy_forms.utils import render_crispy_form
from django import forms

from accounts.layout import FormHelper

APPS = ("accounts", "campaigns", "influencers", "kpis", "reports")
ROOT = Path(__file__).resolve().parents[2]


class RowForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField()


def test_hidden_fields_the_layout_leaves_out_are_rendered():
    form = RowForm(initial={"id": 7, "name": "Rosie"})
    form.helper = FormHelper()
    form.helper.layout = Layout("name")
    html = render_crispy_form(form)
    assert 'type="hidden" name="id" value="7"' in html


def test_no_app_uses_crispys_helper_directly():
    direct = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "crispy_forms.helper" in path.read_text() and path.name != "layout.py"
    ]
    assert not direct, f"use accounts.layout.FormHelper instead in {direct}"
