"""Deleting rows that tracked links hang from, while those links are being clicked.

A click is one INSERT from the public redirect, at any moment. On PostgreSQL it can land
between Django collecting a link's clicks and deleting the link, and the deletion then fails
on the foreign key. Locking the links first makes such a click wait; once the deletion commits
the click finds no link and the visitor gets "not found". Lives at the bottom of the import
chain, so that every app can use it; the app that owns the links (``kpis``) registers how to
lock them when it is ready (``lock_before_delete``), so this module imports nothing above it.
"""

from collections.abc import Callable

from django.db import models, transaction

# lock(**links) -> None, one per app that owns tracked links.
Lock = Callable[..., None]
_locks: list[Lock] = []


def lock_before_delete(lock: Lock) -> None:
    """Registers ``lock(**links)``: it locks, until the transaction ends, the rows that the
    ``links`` filter chooses (e.g. ``partnership__campaign=campaign``)."""
    if lock not in _locks:
        _locks.append(lock)


def delete_with_links(*, row: models.Model, **links: object) -> None:
    """Deletes ``row`` and what cascades from it, holding the tracked links chosen by the
    ``links`` filter (e.g. ``partnership__campaign=campaign``) until it is done."""
    with transaction.atomic():
        for lock in _locks:
            lock(**links)
        row.delete()
