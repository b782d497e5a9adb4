"""Stale-save protection for edit pages open in two tabs or on two devices.

A page carries the version (the ``updated_at``) of the row it was drawn from; a save whose
version is no longer the row's is refused with ``STALE``, and the page is drawn again with
what was typed and the current version, so saving once more is a deliberate choice. Lives at
the bottom of the import chain so that every app can use it.
"""

import datetime
from collections.abc import Mapping
from typing import Any, Protocol

from django import forms
from django.utils.translation import gettext_lazy as _

FIELD = "version"
STALE = _(
    "This was changed in another tab or device since you opened this page, so nothing was "
    "saved. What you typed is still here: check it and save again to keep it."
)


class Versioned(Protocol):
    pk: Any
    updated_at: datetime.datetime | None


def version_of(row: Versioned) -> str:
    return row.updated_at.isoformat() if row.updated_at else ""


def is_stale(*, data: Mapping[str, Any], row: Versioned) -> bool:
    """True when posted ``data`` carries a version and it is not the row's any more.

    Call it in the transaction that saves: it reads the version afresh and locks the row, so
    of two saves sent at the same moment the second waits for the first and is refused."""
    submitted = data.get(FIELD, "")
    if not submitted:
        return False
    model: Any = type(row)  # a model with an ``updated_at`` (the protocol cannot say so)
    current = (
        model._default_manager.select_for_update()
        .filter(pk=row.pk)
        .values_list("updated_at", flat=True)
        .first()
    )
    row.updated_at = current  # the page drawn again offers the version it was refused for
    return submitted != version_of(row)


class VersionField(forms.CharField):
    """The hidden version on a form drawn by crispy-forms. It always shows the row's current
    version (its initial), also on a page drawn again with what was typed after a refusal."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def bound_data(self, data: Any, initial: Any) -> Any:
        return initial
