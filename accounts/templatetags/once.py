from django import template
from django.utils.html import format_html

from accounts.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def one_time_token():
    """The hidden input a create form carries so that sending it twice makes one row."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
