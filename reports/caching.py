"""The campaign dashboard, kept drawn until something it shows may have changed.

Gathering and drawing a year of readings and clicks takes tens of milliseconds, and most
visits come back to the same numbers. So the drawn page body is cached, under a key made of
everything it depends on: the owner's data version (raised by every change they make, see
``accounts.middleware``), the campaign's last change, today's date (pace and the timeline move
with it), the language, the currency and the table's sorting.

Clicks come from visitors, not the owner, and may arrive every second, so they do not raise
the version. Instead, when it draws the page, the cache counts the campaign's clicks by people
among the newest ids (from a little below the newest id overall), and each visit counts them
again: a new click changes the count. Counting a window rather than asking for ids above the
newest matters on PostgreSQL, where a click can be saved just after one with a higher id.

Changes made outside the site's pages (a Django shell) show within ``CACHE_SECONDS``.
"""

import hashlib

from django.core.cache import cache
from django.db.models import F, Max
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kpis.models import Click, TrackedLink

CACHE_SECONDS = 600
# How far below the newest click id the count starts: far more clicks than can be in the
# middle of being saved at any moment, few enough to count in a blink.
CLICK_WINDOW = 1_000


def cache_key(campaign, business, variant):
    parts = [
        business.data_version,
        business.currency,
        campaign.updated_at.isoformat(),
        timezone.localdate().isoformat(),
        get_language(),
        variant,
    ]
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"reports:dashboard:{campaign.pk}:{digest}"


def click_window_start():
    newest = Click.objects.aggregate(newest=Max("pk"))["newest"] or 0
    return max(newest - CLICK_WINDOW, 0)


def recent_human_clicks(campaign, window_start):
    """How many clicks by people the campaign has with ids above ``window_start``: read from
    the newest clicks only, however many the campaign has had."""
    links = TrackedLink.objects.filter(partnership__campaign=campaign).values("pk")
    # "link_id + 0", not link_id: SQLite would otherwise walk the campaign's clicks through
    # the link index, all of them, instead of only the ids above the start.
    return (
        Click.objects.annotate(link_number=F("link_id") + 0)
        .filter(pk__gt=window_start, link_number__in=links, is_bot=False)
        .count()
    )


def cached_dashboard(request, campaign, draw, variant=""):
    """The dashboard body: from the cache while nothing it shows has changed, else ``draw()``
    (the rendered HTML), kept for the next visit. ``variant`` names the page's own view of
    the data (the table's sorting); pass None for a view that is not worth keeping."""
    business = getattr(request.user, "business", None)
    if business is None or variant is None:  # no version to key on, or nothing to keep
        return draw()
    key = cache_key(campaign, business, variant)
    cached = cache.get(key)
    if cached is not None:
        window_start, seen, body = cached
        if recent_human_clicks(campaign, window_start) == seen:
            return mark_safe(body)  # our own HTML, escaped when it was rendered
    # Counted before drawing: a click saved while the page is drawn is picked up next visit.
    window_start = click_window_start()
    seen = recent_human_clicks(campaign, window_start)
    body = draw()
    cache.set(key, (window_start, seen, str(body)), CACHE_SECONDS)
    return body
