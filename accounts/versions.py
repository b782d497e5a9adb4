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
    updated_at: datetime.datetime | None


def version_of(row: Versioned) -> str:
    return row.updated_at.isoformat() if row.updated_at else ""


def is_stale(*, data: Mapping[str, Any], row: Versioned) -> bool:
    """True when posted ``data`` carries a version and it is not the row's any more."""
    submitted = data.get(FIELD, "")
    return bool(submitted) and submitted != version_of(row)


class VersionField(forms.CharField):
    """The hidden version on a form drawn by crispy-forms. It always shows the row's current
    version (its initial), also on a page drawn again with what was typed after a refusal."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def bound_data(self, data: Any, initial: Any) -> Any:
        return initial
