"""A short name for what a dashboard section shows, so a section drawn once can be found
again by its content (``reports.caching``) when a new reading leaves it as it was.

The name is made from the values themselves: numbers, dates, text (markup apart from plain
text), and the dataclasses the figures come in, field by field. A saved row (a partnership)
is named by its id alone: its own fields are covered by the owner's data version, which is in
every key. Anything else
(an object whose text would name where it sits in memory) is refused, so a value the name
cannot stand for fails loudly in the tests instead of giving a name that never repeats or,
worse, repeats for different content.
"""

import dataclasses
import datetime
import hashlib
from decimal import Decimal

from django.db.models import Model
from django.utils.functional import Promise
from django.utils.safestring import SafeData

PLAIN = (type(None), bool, int, Decimal, str, datetime.date)


def fingerprint(value: object) -> str:
    """A digest of ``value`` (see the module's docstring); equal values, equal digests."""
    return hashlib.sha256(canonical(value).encode()).hexdigest()[:32]


def canonical(value: object) -> str:
    if isinstance(value, SafeData):  # markup, drawn as it is: not the same as its text
        return f"safe:{str(value)!r}"
    if isinstance(value, PLAIN):  # datetime.datetime is a date too
        return repr(value)
    if isinstance(value, Promise):  # a lazy translation: its text in this language
        return repr(str(value))
    if isinstance(value, Model):
        if value.pk is None:
            raise TypeError(f"no fingerprint for an unsaved {value._meta.label}")
        return f"{value._meta.label}:{value.pk!r}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ",".join(
            f"{field.name}={canonical(getattr(value, field.name))}"
            for field in dataclasses.fields(value)
        )
        kind = type(value)
        return f"{kind.__module__}.{kind.__qualname__}({fields})"
    if isinstance(value, tuple):
        return f"({','.join(map(canonical, value))})"
    if isinstance(value, list):
        return f"[{','.join(map(canonical, value))}]"
    if isinstance(value, dict):
        items = sorted((canonical(key), canonical(item)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    raise TypeError(f"no fingerprint for a {type(value).__qualname__}")
