"""The campaign dashboard, kept drawn until something it shows may have changed.

Gathering and drawing a year of readings and clicks takes a tenth of a second or more, and
most visits come back to the same numbers. So the drawn page body is cached, under a key made
of everything it depends on: the owner's data version (raised by every change they make, see
``accounts.middleware``), the campaign's last change, today's date (pace and the timeline move
with it), the language, the currency and the page's own query (the table's sorting).

Clicks come from visitors, not the owner, and may arrive every second, so they do not raise
the version. Instead the cache remembers the newest click id when it drew the page, and each
visit asks whether the campaign has a click with a higher id, which reads only the clicks
since then.

Changes made outside the app's own pages (a shell, or the admin by another account) show
within ``CACHE_SECONDS``.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kpis.models import Click

CACHE_SECONDS = 600


def cache_key(request, campaign, business):
    parts = [
        business.data_version,
        business.currency,
        campaign.updated_at.isoformat(),
        timezone.localdate().isoformat(),
        get_language(),
        request.GET.urlencode(),
    ]
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"reports:dashboard:{campaign.pk}:{digest}"


def newest_click_id():
    return Click.objects.aggregate(newest=Max("pk"))["newest"] or 0


def clicked_since(campaign, click_id):
    """True when a click for the campaign arrived after ``click_id``."""
    return Click.objects.filter(pk__gt=click_id, link__partnership__campaign=campaign).exists()


def cached_dashboard(request, campaign, draw):
    """The dashboard body: from the cache while nothing it shows has changed, else ``draw()``
    (the rendered HTML), kept for the next visit."""
    business = getattr(request.user, "business", None)
    if business is None:  # accounts made outside sign-up have no data version to key on
        return draw()
    key = cache_key(request, campaign, business)
    cached = cache.get(key)
    if cached is not None:
        drawn_after_click, body = cached
        if not clicked_since(campaign, drawn_after_click):
            return mark_safe(body)  # our own HTML, escaped when it was rendered
    # Read before drawing: a click that lands while the page is drawn is picked up next visit.
    newest = newest_click_id()
    body = draw()
    cache.set(key, (newest, str(body)), CACHE_SECONDS)
    return body
