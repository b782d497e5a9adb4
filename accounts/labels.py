"""A stored choice's label, read from its enum.

Django's ``get_FOO_display()`` builds a dictionary of every choice at each call, translating
every label to do so; a dashboard shows a KPI's or a platform's name dozens of times. A model
whose choices are an enum defines its own ``get_FOO_display()`` with this, which Django keeps.
"""

from django.db import models


def choice_label(choices: type[models.Choices], value: object) -> str:
    """The label of ``value`` among ``choices``; a value that is none of them, as stored (as
    ``get_FOO_display()`` shows it)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)
