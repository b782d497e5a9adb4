"""``{% explain "roas" %}``: a small "What is ROAS?" disclosure with one plain sentence."""

from django import template
from django.template.loader import render_to_string

from accounts.formatting import format_money
from accounts.models import DEFAULT_CURRENCY
from reports.glossary import TERMS

register = template.Library()


@register.simple_tag(takes_context=True)
def explain(context, key):
    term, meaning = TERMS[key]
    business = context.get("business")
    currency = business.currency if business else DEFAULT_CURRENCY
    meaning = str(meaning).format(
        one=format_money(1, currency=currency, places=0),
        three=format_money(3, currency=currency, places=0),
    )
    return render_to_string("_explain.html", {"term": term, "meaning": meaning})
