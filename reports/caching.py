"""The campaign dashboard, kept drawn section by section until what a section shows may have
changed.

Gathering and drawing a year of readings and clicks takes tens of milliseconds, and most
visits come back to the same numbers. So each drawn section (``reports.sections``) is cached
under a key made of everything the page depends on: the owner's data version (raised by every
change they make, see ``accounts.middleware``), the campaign's last change, today's date (pace
and the timeline move with it), the language, the currency and, for the comparison table, its
sorting.

Clicks come from visitors, not the owner, and may arrive every second, so they do not raise
the version. A click is counted on the day it happens, into that link's daily count
(``kpis.ClickDay``), so only the counts of today and yesterday (a click made just before
midnight may be saved just after) can still grow while a key holds. Each visit reads those
few rows (one per link and day) and adds up the clicks by people in them: the sections that
show figures clicks feed (``Section.moves_with_clicks``) are kept with that sum and drawn
again when it has grown; the others stay as they are.

A redraw after a click reads only those recent counts: what only the owner's side can change
(every such change raises the data version) is kept under the page's key, already worked out:
the figures of the settled days, the statuses and cards of the KPIs clicks do not feed, the
partnerships and posts (``KeptDashboard``). The comparison table's frame is kept per sorting
(``reports.tables``).

Changes made outside the site's pages (a Django shell) show within ``CACHE_SECONDS``.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from accounts.models import Business, business_of
from campaigns.models import Campaign
from kpis.models import Post
from kpis.services import (
    CampaignFigures,
    CampaignRows,
    ClickDayRow,
    KPIStatus,
    campaign_figures,
    campaign_kpi_statuses,
    click_days,
    clicks_of,
    fed_by_clicks,
)

from .charts import kpi_chart
from .sections import DASHBOARD_SECTIONS, Section
from .services import Dashboard, KPIPanel, chart_id

CACHE_SECONDS = 600
CARD_TEMPLATE = "reports/partials/kpi_card.html"
# Days whose click counts can still grow: today, and yesterday for a click saved after midnight.
RECENT_DAYS = 2


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


def recent_click_days(*, campaign: Campaign) -> list[ClickDayRow]:
    """The campaign's daily click counts of the days new clicks can still land on."""
    since = timezone.localdate() - timedelta(days=RECENT_DAYS - 1)
    return click_days(campaigns=[campaign.pk], since=since)


def clicks_seen(recent: list[ClickDayRow]) -> int:
    """The clicks by people in the recent daily counts: grows with every new click."""
    return sum(row[-1] for row in recent)


class ProcessMemory:
    """The values this process kept last, in its own memory in front of the shared cache,
    one per slot (a campaign's figures, say): a slot holds the value of one version, and a
    new version replaces it, as the old one will not be asked for again. A version's key
    names one version of the owner's data and changes with every change to it, so no other
    process can make a value here stale; keeping it here only saves reading it back from
    the cache (unpickling a year of figures costs milliseconds). Values go after
    ``CACHE_SECONDS``, as in the cache, and the slots read least recently first beyond
    ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.slots: OrderedDict[str, tuple[str, float, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, slot: str, version: str = "") -> Any:
        with self.lock:
            found = self.slots.get(slot)
            if found is None or found[0] != version or found[1] < time.monotonic():
                return None
            self.slots.move_to_end(slot)
            return found[2]

    def set(self, slot: str, value: Any, version: str = "") -> None:
        with self.lock:
            self.slots[slot] = (version, time.monotonic() + CACHE_SECONDS, value)
            self.slots.move_to_end(slot)
            while len(self.slots) > self.size:
                self.slots.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.slots.clear()


# Six kept values per campaign (the latest version of each): room for a few busy owners.
in_process = ProcessMemory(size=256)


def kept_read(name: str) -> cached_property:
    """``CampaignRows``' read of that name, kept in the cache (``KeptRows.kept``)."""
    read = getattr(CampaignRows, name).func
    return cached_property(lambda rows: rows.kept(name, lambda: read(rows)))


class KeptRows(CampaignRows):
    """A campaign's ``CampaignRows`` whose KPIs and partnerships, which only a change raising
    the data version can alter, are taken from the cache under ``key`` (each kept the first
    time it is needed), and whose click counts of the recent days are those read for this
    visit. What a redraw after a click needs of the rest is kept already worked out (the
    figures, statuses and panels of ``KeptDashboard``): the rows themselves are only read
    when the version is new, and not kept."""

    def __init__(self, *, campaign: Campaign, key: str, recent: list[ClickDayRow]) -> None:
        super().__init__([campaign])
        self.campaign, self.key, self.recent = campaign, key, recent
        self.read_now: set[str] = set()  # kept values this draw had to work out itself

    def kept(self, name: str, read: Callable[[], Any]) -> Any:
        """What ``read()`` returns, kept under this page's key: read once per version.
        Kept values are shared between requests: read them, never change them."""
        key = f"{self.key}:{name}"
        slot = f"{self.campaign.pk}:{name}"
        value = in_process.get(slot, key)
        if value is None:
            value = cache.get(key)
            if value is None:
                value = read()
                self.read_now.add(name)
                cache.set(key, value, CACHE_SECONDS)
            in_process.set(slot, value, key)
        return value

    kpis = kept_read("kpis")
    partnerships = kept_read("partnerships")

    @cached_property
    def settled_clicks(self) -> list[ClickDayRow]:
        """The daily click counts of the days no new click can land on."""
        before = timezone.localdate() - timedelta(days=RECENT_DAYS - 1)
        return click_days(campaigns=self.campaigns, before=before)


def gathered(dashboard: Dashboard, part: str) -> Any:
    """A part of the dashboard gathered as ``Dashboard`` itself gathers it."""
    return vars(Dashboard)[part].func(dashboard)


class KeptDashboard(Dashboard):
    """A ``Dashboard`` drawn from ``KeptRows``, whose figures are those of the settled days
    (kept) with the recent clicks added. Its kept KPI cards are drawn for ``request`` as the
    page is (the owner's currency, language and the rest of the page's context)."""

    rows: KeptRows

    def __init__(self, *, campaign: Campaign, request: HttpRequest, rows: KeptRows) -> None:
        super().__init__(campaign=campaign, rows=rows)
        self.request = request

    @cached_property
    def figures(self) -> CampaignFigures:
        def settled() -> CampaignFigures:
            figures = campaign_figures(campaign=self.campaign, clicks={}, rows=self.rows)
            figures.add_clicks(clicks_of(self.rows.settled_clicks))
            return figures

        return self.rows.kept("figures", settled).with_clicks(clicks_of(self.rows.recent))

    @cached_property
    def posts(self) -> dict[int, list[Post]]:
        return self.rows.kept("posts_by_partnership", lambda: gathered(self, "posts"))

    @cached_property
    def statuses(self) -> list[KPIStatus]:
        """Each KPI's status: worked out afresh for the KPIs clicks feed, kept for the
        others (clicks cannot move them)."""
        kept = self.rows.kept("statuses", lambda: gathered(self, "statuses"))
        fed = [status.kpi for status in kept if fed_by_clicks(status.kpi)]
        if not fed or "statuses" in self.rows.read_now:  # none, or all just worked out
            return kept
        fresh = campaign_kpi_statuses(
            campaign=self.campaign, today=self.today, figures=self.figures, rows=self.rows, kpis=fed
        )
        by_kpi = {status.kpi.pk: status for status in fresh}
        return [by_kpi.get(status.kpi.pk, status) for status in kept]

    @cached_property
    def panels(self) -> list[KPIPanel]:
        """Each KPI's status and chart: drawn afresh for the KPIs clicks feed, kept for
        the others."""
        kept = self.rows.kept("panels", self.drawn_panels)
        if "panels" in self.rows.read_now:  # all just drawn from this draw's statuses
            return kept
        return [
            # Drawn without the chart cache: a redraw here comes with a new click, so the
            # chart's inputs have changed and its name would be new.
            KPIPanel(status, kpi_chart(status=status, chart_id=chart_id(status)))
            if fed_by_clicks(status.kpi)
            else panel
            for status, panel in zip(self.statuses, kept, strict=True)
        ]

    def drawn_panels(self) -> list[KPIPanel]:
        """The panels with each card drawn, to keep: a kept card is not drawn again."""
        panels = gathered(self, "panels")
        for panel in panels:
            panel.card = render_to_string(CARD_TEMPLATE, {"panel": panel}, self.request)
        return panels


def kept_dashboard(
    *, request: HttpRequest, campaign: Campaign, business: Business, recent: list[ClickDayRow]
) -> KeptDashboard:
    key = cache_key(campaign=campaign, business=business, variant="rows")
    return KeptDashboard(
        campaign=campaign,
        request=request,
        rows=KeptRows(campaign=campaign, key=key, recent=recent),
    )


def cached_dashboard(
    *,
    request: HttpRequest,
    campaign: Campaign,
    context: Callable[[Dashboard], dict[str, Any]],
    sort: str | None = "",
) -> SafeString:
    """The dashboard body: each section from the cache while nothing it shows has changed,
    the others drawn from ``context(dashboard)`` and kept for the next visit. ``sort`` is
    the comparison table's sorting; pass None for a view not worth keeping (its sections
    are all drawn, and none is kept)."""
    business = business_of(request.user)
    if business is None or sort is None:  # no version to key on, or nothing to keep
        body = draw_sections(DASHBOARD_SECTIONS, context(Dashboard(campaign=campaign)), request)
        return mark_safe("".join(body))

    recent = recent_click_days(campaign=campaign)
    seen = clicks_seen(recent)
    keys = {
        section: cache_key(campaign=campaign, business=business, variant=section.variant(sort))
        for section in DASHBOARD_SECTIONS
    }
    kept = cache.get_many(keys.values())
    drawn: dict[Section, str] = {}
    for section, key in keys.items():
        if key in kept:
            clicks, moves, html = kept[key]
            if clicks == seen or not moves:
                drawn[section] = html
    missing = [section for section in DASHBOARD_SECTIONS if section not in drawn]
    if missing:
        dashboard = kept_dashboard(
            request=request, campaign=campaign, business=business, recent=recent
        )
        fresh = draw_sections(missing, context(dashboard), request)
        drawn.update(zip(missing, fresh, strict=True))
        cache.set_many(
            {
                keys[section]: (seen, section.moves_with_clicks(dashboard), html)
                for section, html in zip(missing, fresh, strict=True)
            },
            CACHE_SECONDS,
        )
    return mark_safe("".join(drawn[section] for section in DASHBOARD_SECTIONS))  # our own HTML


def draw_sections(
    sections: list[Section] | tuple[Section, ...], context: dict[str, Any], request: HttpRequest
) -> list[str]:
    """Each section's HTML, drawn from one context."""
    return [render_to_string(section.template, context, request) for section in sections]
