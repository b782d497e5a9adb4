"""The campaign dashboard, kept drawn until something it shows may have changed.

Gathering and drawing a year of readings and clicks takes tens of milliseconds, and most
visits come back to the same numbers. So the drawn page body is cached, under a key made of
everything it depends on: the owner's data version (raised by every change they make, see
``accounts.middleware``), the campaign's last change, today's date (pace and the timeline move
with it), the language, the currency and the table's sorting.

Clicks come from visitors, not the owner, and may arrive every second, so they do not raise
the version. Instead the page keeps how many clicks by people the campaign had today, read from
the daily counts (``kpis.ClickDay``: one row per link, whatever the number of clicks), and each
visit reads it again: a new click changes it. Clicks are stored on the day they happen, and the
key changes with the day, so today's counts are the only ones a click can change.

A click therefore draws the page again, but the rows only the owner's side can change
(readings, promo-code uses, posts: every change to them raises the data version) are kept
under the same key as the page (``kept_rows``): a redraw after a click reads today's
clicks afresh and takes the rest from the cache.

Changes made outside the site's pages (a Django shell) show within ``CACHE_SECONDS``.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from accounts.models import Business, business_of
from campaigns.models import Campaign
from kpis.models import ClickDay
from kpis.services import CampaignRows

CACHE_SECONDS = 600


def cache_key(*, campaign: Campaign, business: Business, variant: str) -> str:
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


def human_clicks_today(*, campaign: Campaign) -> int:
    """The campaign's clicks by people today, from one daily count per link."""
    return (
        ClickDay.objects.filter(
            link__partnership__campaign=campaign, day=timezone.localdate()
        ).aggregate(people=Sum("people"))["people"]
        or 0
    )


# CampaignRows' reads that only a change raising the data version can alter (clicks, which
# do not raise it, are read at every draw).
OWNER_ROWS = ("readings", "levels", "code_uses", "posts")


def kept_rows(*, campaign: Campaign, business: Business | None) -> CampaignRows:
    """``CampaignRows`` for the campaign with ``OWNER_ROWS`` taken from the cache while the
    page's version holds (read and kept otherwise)."""
    rows = CampaignRows([campaign])
    if business is None:
        return rows
    key = cache_key(campaign=campaign, business=business, variant="rows")
    kept = cache.get(key)
    if kept is None:
        kept = {name: getattr(rows, name) for name in OWNER_ROWS}
        cache.set(key, kept, CACHE_SECONDS)
    rows.__dict__.update(kept)  # as if each cached_property had been read
    return rows


def cached_dashboard(
    *,
    request: HttpRequest,
    campaign: Campaign,
    draw: Callable[[], SafeString],
    variant: str | None = "",
) -> SafeString:
    """The dashboard body: from the cache while nothing it shows has changed, else ``draw()``
    (the rendered HTML), kept for the next visit. ``variant`` names the page's own view of
    the data (the table's sorting); pass None for a view that is not worth keeping."""
    business = business_of(request.user)
    if business is None or variant is None:  # no version to key on, or nothing to keep
        return draw()
    key = cache_key(campaign=campaign, business=business, variant=variant)
    cached = cache.get(key)
    # Counted before drawing: a click saved while the page is drawn is picked up next visit.
    clicks = human_clicks_today(campaign=campaign)
    if cached is not None:
        seen, body = cached
        if clicks == seen:
            return mark_safe(body)  # our own HTML, escaped when it was rendered
    body = draw()
    cache.set(key, (clicks, str(body)), CACHE_SECONDS)
    return body
