"""Deleting rows that tracked links hang from, while those links are being clicked.

A click is one INSERT from the public redirect, at any moment. On PostgreSQL it can land
between Django collecting a link's clicks and deleting the link, and the deletion then fails
on the foreign key. Locking the links first makes such a click wait; once the deletion commits
the click finds no link and the visitor gets "not found". Lives at the bottom of the import
chain (it reaches the links by name), so that every app can use it.
"""

from django.apps import apps
from django.db import transaction


def delete_with_links(row, **links):
    """Deletes ``row`` and what cascades from it, holding the tracked links chosen by the
    ``links`` filter (e.g. ``partnership__campaign=campaign``) until it is done."""
    with transaction.atomic():
        tracked_link = apps.get_model("kpis", "TrackedLink")
        list(tracked_link.objects.select_for_update().filter(**links).values_list("pk"))
        row.delete()
