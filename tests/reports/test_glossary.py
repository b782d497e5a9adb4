"""Jargon is explained where it appears: every glossary word is used by some page, and the
explanation is a disclosure (reachable by keyboard) holding one sentence."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from reports.glossary import TERMS

TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.mark.parametrize("key", sorted(TERMS))
def test_every_term_is_explained_on_some_page(key):
    uses = [
        path
        for path in TEMPLATES.rglob("*.html")
        if f'{{% explain "{key}" %}}' in path.read_text(encoding="utf-8")
    ]
    assert uses, f"no template explains {key!r}"


@pytest.mark.parametrize("key", sorted(TERMS))
def test_an_explanation_is_one_sentence_in_a_disclosure(key):
    term, meaning = TERMS[key]
    html = Template("{% load glossary %}{% explain key %}").render(Context({"key": key}))
    assert html.startswith('<details class="explain"><summary>')
    assert f"What is “{term}”?" in html
    assert str(meaning).count(". ") == 0 and str(meaning).endswith(".")


def test_the_words_owners_asked_about_are_covered():
    assert {"kpi", "engagement_rate", "tiers", "roas", "profit_roi", "utm_source"} <= set(TERMS)


def test_money_in_an_explanation_is_in_the_business_currency():
    business = type("Business", (), {"currency": "EUR"})()
    html = Template('{% load glossary %}{% explain "roas" %}').render(
        Context({"business": business})
    )
    assert "each €1 spent brought in: 3 means every €1 spent brought back €3 in sales" in html
    assert "{one}" not in Template('{% load glossary %}{% explain "roas" %}').render(Context())
