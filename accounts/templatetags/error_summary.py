"""``{% failed_form as failed %}``: the page's form that came back with errors, if any.

The base template uses it to put "Error:" in the title and an error summary first in the
page, for every form, whatever name its view gave it (``form``, ``redemption_form``, the
wizard's ``wizard.form``)."""

from django import template
from django.forms import BaseForm

register = template.Library()


# Lazy values a look would compute: reading csrf_token would set a CSRF cookie on pages that
# never post (a tracked link's 404, the influencer's page).
NOT_FORMS = {"csrf_token"}


@register.simple_tag(takes_context=True)
def failed_form(context):
    for name, value in context.flatten().items():
        if name in NOT_FORMS:
            continue
        if isinstance(value, dict):  # the wizard's context: {"form": ..., "steps": ...}
            value = value.get("form")
        if isinstance(value, BaseForm) and value.is_bound and value.errors:
            return value
    return None
