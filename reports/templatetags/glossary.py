"""``{% explain "roas" %}``: a small "What is ROAS?" disclosure with one plain sentence."""

from django import template
from django.template.loader import render_to_string

from reports.glossary import TERMS

register = template.Library()


@register.simple_tag
def explain(key):
    term, meaning = TERMS[key]
    return render_to_string("_explain.html", {"term": term, "meaning": meaning})
