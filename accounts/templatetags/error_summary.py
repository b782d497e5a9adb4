"""``{% failed_form as failed %}``: the page's form that came back with errors, if any.

The base template uses it to put "Error:" in the title and an error summary first in the
page, for every form, whatever name its view gave it (``form``, ``redemption_form``, the
wizard's ``wizard.form``)."""

from django import template
from django.forms import BaseForm

register = template.Library()


@register.simple_tag(takes_context=True)
def failed_form(context):
    for value in context.flatten().values():
        if isinstance(value, dict):  # the wizard's context: {"form": ..., "steps": ...}
            value = value.get("form")
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            return value
    return None
