"""Counts the changes each owner makes, for pages cached from their data."""

from django.db.models import F

from .models import Business

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class DataVersionMiddleware:
    """Raises ``Business.data_version`` after every request that may have written the signed-in
    owner's data: any request other than GET, HEAD, OPTIONS or TRACE, which never write here.

    Counted per request rather than by model signals because imports, check-ins and the wizard
    write with ``bulk_create`` and ``update()``, which send no signals. It runs after the view,
    once its writes are committed, so a page that reads the new version also reads the new data.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        view = getattr(request.resolver_match, "func", None)
        if getattr(view, "versioned_by_the_database", False):
            return response
        if request.method not in SAFE_METHODS and user is not None and user.is_authenticated:
            Business.objects.filter(owner=user).update(data_version=F("data_version") + 1)
        return response


def versioned_by_the_database(view):
    """Marks a view whose every write is versioned by the database itself (by its own
    triggers), so that ``DataVersionMiddleware`` does not raise the owner's data version
    after it. Only for a view that writes nothing else, now and after every change to it."""
    view.versioned_by_the_database = True
    return view
