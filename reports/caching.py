"""The campaign dashboard, kept drawn section by section until what a section shows may have
changed.

Gathering and drawing a year of readings and clicks takes tens of milliseconds, and most
visits come back to the same numbers. So each drawn section (``reports.sections``) is cached
under a key made of everything the page depends on: the owner's data version (raised by every
change they make, see ``accounts.middleware``), the campaign's last change, today's date (pace
and the timeline move with it), the language, the currency and, for the comparison table, its
sorting.

Readings and check-ins are the owner's most frequent change, and the database versions them
itself, per campaign and per KPI (``Campaign.readings_version``, ``CampaignKPI``'s, kept by
triggers whatever writes them); the check-in page's views leave the data version alone. A
section that shows what they feed has the campaign's version in its key
(``Section.moves_with_readings``); the others are kept. A redraw after a reading reads again
the readings of the KPIs whose version moved, and nothing else of the owner's.

A section that says what it shows (``Section.shows``) is also kept under the fingerprint of
that content (``reports.fingerprint``), with the rest of the key but not the versions of
readings and clicks: a reading that leaves its content as it was (the range after customers
typed in, the timeline after a second check-in in a day) finds it drawn already.

Clicks come from visitors, not the owner, and may arrive every second, so they do not raise
a version. A click is counted on the day it happens, into that link's daily count
(``kpis.ClickDay``), so only the counts of today and yesterday (a click made just before
midnight may be saved just after) can still grow while a key holds. Each visit reads those
few rows (one per link and day) and adds up the clicks by people in them: the sections that
show figures clicks feed (``Section.moves_with_clicks``) are kept with that sum and drawn
again when it has grown; the others stay as they are.

What a redraw needs is kept already worked out (``KeptRows``, ``KeptDashboard``): the KPIs and
partnerships, what the app counted on the settled days, each KPI's readings, status and drawn
card, the posts. The comparison table's frame is kept per sorting (``reports.tables``).

Changes made outside the site's pages (a Django shell) to anything but readings and check-ins
show within ``CACHE_SECONDS``.
"""

import hashlib
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from datetime import timedelta
from functools import cached_property, partial
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from accounts.models import Business, business_of
from campaigns.models import Campaign
from kpis.models import CampaignKPI, Post
from kpis.results_range import VoiceCounts
from kpis.services import (
    CampaignFigures,
    CampaignRows,
    ClickDayRow,
    KPIStatus,
    campaign_kpi_statuses,
    click_days,
    click_days_since,
    clicks_of,
    counted_figures,
    fed_by_clicks,
    kpi_readings,
    reading_figures,
    readings_versions,
    snapshot_levels,
)
from kpis.services.rows import Row

from .charts import cached_chart, kpi_chart
from .sections import DASHBOARD_SECTIONS, Contents, Section
from .services import Dashboard, KPIPanel, chart_id

CACHE_SECONDS = 600
CARD_TEMPLATE = "reports/partials/kpi_card.html"
# Days whose click counts can still grow: today, and yesterday for a click saved after midnight.
RECENT_DAYS = 2


def dashboard_keys(*, campaign: Campaign, business: Business) -> Callable[[str], str]:
    """The cache key of each variant of the campaign's dashboard (a section, the kept rows),
    from what every key shares, worked out once per visit."""
    shared = "|".join(
        map(
            str,
            [
                business.data_version,
                business.currency,
                campaign.updated_at.isoformat(),
                timezone.localdate().isoformat(),
                get_language(),
            ],
        )
    )

    def key(variant: str) -> str:
        digest = hashlib.sha256(f"{shared}|{variant}".encode()).hexdigest()
        return f"reports:dashboard:{campaign.pk}:{digest}"

    return key


def recent_click_days(*, campaign: Campaign) -> list[ClickDayRow]:
    """The campaign's daily click counts of the days new clicks can still land on."""
    since = timezone.localdate() - timedelta(days=RECENT_DAYS - 1)
    return click_days_since(campaign=campaign.pk, since=since)


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


# About twenty kept values per campaign (the latest version of each): room for some fifty
# campaigns at once.
in_process = ProcessMemory(size=1024)


def versions_of(kpis: dict[int, list[CampaignKPI]]) -> dict[int, int]:
    """{KPI id: the version of its readings} of KPIs read just now (``CampaignRows.kpis``)."""
    return {kpi.pk: kpi.readings_version for group in kpis.values() for kpi in group}


class KeptRows(CampaignRows):
    """A campaign's ``CampaignRows`` whose rows only the owner's side can change are taken
    from the cache (each kept the first time it is needed), and whose click counts of the
    recent days are those read for this visit.

    ``key`` names this version of the owner's data, and ``readings`` the campaign's version of
    its readings and check-ins (``Campaign.readings_version``). The KPIs are kept by the
    first, the versions of their readings (``version_of``) by the second, and each KPI's
    readings by its own version, so a reading typed in reads that KPI's readings again and
    none of the others. What a redraw needs of the rest is kept already worked out (the
    figures, statuses and panels of ``KeptDashboard``)."""

    def __init__(
        self, *, campaign: Campaign, key: str, readings: int, recent: list[ClickDayRow]
    ) -> None:
        super().__init__([campaign])
        self.campaign, self.key, self.recent = campaign, key, recent
        self.readings_version = readings

    def lookup(self, name: str, version: object = "", *, shared: bool = True) -> Any:
        """The value kept under ``name`` for ``version`` of it, or None. Kept values are
        shared between requests: read them, never change them."""
        key, slot = f"{self.key}:{name}:{version}", f"{self.campaign.pk}:{name}"
        value = in_process.get(slot, key)
        if value is None and shared:
            value = cache.get(key)
            if value is not None:
                in_process.set(slot, value, key)
        return value

    def keep(self, name: str, value: Any, version: object = "", *, shared: bool = True) -> None:
        """Keeps ``value`` in this process's memory and, when ``shared``, in the cache all
        processes share. A value quicker to work out again than to read back from the cache
        (figures added up from kept rows, say) is not shared: pickling it costs more."""
        key, slot = f"{self.key}:{name}:{version}", f"{self.campaign.pk}:{name}"
        if shared:
            cache.set(key, value, CACHE_SECONDS)
        in_process.set(slot, value, key)

    def kept(
        self, name: str, read: Callable[[], Any], version: object = "", *, shared: bool = True
    ) -> Any:
        """What ``read()`` returns, kept under ``name`` for ``version``: read once each."""
        value = self.lookup(name, version, shared=shared)
        if value is None:
            value = read()
            self.keep(name, value, version, shared=shared)
        return value

    @cached_property
    def partnerships(self):
        return self.kept("partnerships", lambda: CampaignRows.partnerships.func(self))

    @cached_property
    def kpis(self):
        """The KPIs, kept by the owner's data version: only the owner's changes change them.
        Each also carries the version of its readings as it was when they were read:
        ``version_of`` tells the current one."""
        kpis = self.lookup("kpis")
        if kpis is None:
            kpis = CampaignRows.kpis.func(self)
            self.keep("kpis", kpis)
            self.keep("versions", versions_of(kpis), self.readings_version, shared=False)
        return kpis

    @cached_property
    def versions(self) -> dict[int, int]:
        """{KPI id: the version of its readings}, which move with the campaign's version (read
        after ``kpis``, which keeps those of KPIs read just now)."""
        return self.kept(
            "versions",
            lambda: readings_versions(campaign=self.campaign.pk),
            self.readings_version,
            shared=False,  # one small query
        )

    def version_of(self, kpi: CampaignKPI) -> int | None:
        """The version of the KPI's readings (None for a KPI deleted since its page was read,
        whose readings are read again, and found gone)."""
        return self.versions.get(kpi.pk)

    def per_kpi(
        self, name: str, read: Callable[[list[CampaignKPI]], list[Row]], kpis: list[CampaignKPI]
    ) -> dict[int, list[Row]]:
        """{KPI id: its rows}: each KPI's rows kept by its readings' version, those not kept
        read together by ``read(KPIs)`` (rows with a ``kpi_id``). Kept in this process only:
        a year of one KPI's readings is read again in one query in about the time the cache
        takes to store it and give it back."""
        found = {
            kpi.pk: self.lookup(f"{name}:{kpi.pk}", self.version_of(kpi), shared=False)
            for kpi in kpis
        }
        missing = [kpi for kpi in kpis if found[kpi.pk] is None]
        if missing:
            fresh = defaultdict(list)
            for row in read(missing):
                fresh[row["kpi_id"]].append(row)
            for kpi in missing:
                found[kpi.pk] = fresh[kpi.pk]
                self.keep(f"{name}:{kpi.pk}", fresh[kpi.pk], self.version_of(kpi), shared=False)
        return found

    @cached_property
    def readings_by_kpi(self) -> dict[int, list[Row]]:
        return self.per_kpi(
            "readings",
            kpi_readings,
            self.kpis[self.campaign.pk],
        )

    @cached_property
    def readings(self):
        return {self.campaign.pk: [row for rows in self.readings_by_kpi.values() for row in rows]}

    @cached_property
    def levels(self):
        snapshot = [kpi for kpi in self.kpis[self.campaign.pk] if not kpi.cumulative]
        levels = self.per_kpi(
            "levels", lambda kpis: snapshot_levels(kpis=[kpi.pk for kpi in kpis]), snapshot
        )
        return {self.campaign.pk: [row for rows in levels.values() for row in rows]}

    @cached_property
    def settled_clicks(self) -> list[ClickDayRow]:
        """The daily click counts of the days no new click can land on."""
        before = timezone.localdate() - timedelta(days=RECENT_DAYS - 1)
        return click_days(campaigns=self.campaigns, before=before)


def gathered(dashboard: Dashboard, part: str) -> Any:
    """A part of the dashboard gathered as ``Dashboard`` itself gathers it."""
    return vars(Dashboard)[part].func(dashboard)


class KeptDashboard(Dashboard):
    """A ``Dashboard`` drawn from ``KeptRows``. Its figures are kept in parts: what the app
    counts on the settled days, and each KPI's readings, added together and with the recent
    clicks. Each KPI's status and drawn card are kept by the version of its readings, and
    worked out afresh after a click when clicks feed it. Kept cards are drawn for
    ``request`` as the page is (the owner's currency, language and the rest of the page's
    context)."""

    rows: KeptRows

    def __init__(self, *, campaign: Campaign, request: HttpRequest, rows: KeptRows) -> None:
        super().__init__(campaign=campaign, rows=rows)
        self.request = request

    @cached_property
    def kpis(self) -> list[CampaignKPI]:
        return self.rows.kpis[self.campaign.pk]

    @cached_property
    def figures(self) -> CampaignFigures:
        def counted() -> CampaignFigures:
            figures = counted_figures(campaign=self.campaign, clicks={}, rows=self.rows)
            figures.add_clicks(clicks_of(self.rows.settled_clicks))
            return figures

        def readings_of(kpi: CampaignKPI) -> CampaignFigures:
            rows = self.rows.readings_by_kpi[kpi.pk]
            return reading_figures(campaign=self.campaign, readings=rows)

        def settled() -> CampaignFigures:
            parts = [self.rows.kept("counted", counted)] + [
                self.rows.kept(
                    f"figures:{kpi.pk}",
                    partial(readings_of, kpi),
                    self.rows.version_of(kpi),
                    shared=False,
                )
                for kpi in self.kpis
            ]
            return CampaignFigures.combined(parts)

        figures = self.rows.kept("figures", settled, self.rows.readings_version, shared=False)
        return figures.with_clicks(clicks_of(self.rows.recent))

    @cached_property
    def posts(self) -> dict[int, list[Post]]:
        return self.rows.kept("posts_by_partnership", lambda: gathered(self, "posts"))

    def kpi_version(self, kpi: CampaignKPI) -> object:
        """The version of what a KPI's status is worked out from: its readings, and for a KPI
        clicks feed, the clicks by people seen in the recent days too."""
        if fed_by_clicks(kpi):
            return f"{self.rows.version_of(kpi)}-{clicks_seen(self.rows.recent)}"
        return self.rows.version_of(kpi)

    def kept_per_kpi(
        self, name: str, work_out: Callable[[list[CampaignKPI]], list], *, shared: bool
    ) -> list:
        """One value per KPI, in order: kept by ``kpi_version``, worked out by
        ``work_out(KPIs)`` for those not kept."""
        versions = {kpi.pk: self.kpi_version(kpi) for kpi in self.kpis}
        found = {
            kpi.pk: self.rows.lookup(f"{name}:{kpi.pk}", versions[kpi.pk], shared=shared)
            for kpi in self.kpis
        }
        missing = [kpi for kpi in self.kpis if found[kpi.pk] is None]
        for kpi, value in zip(missing, work_out(missing) if missing else [], strict=True):
            found[kpi.pk] = value
            self.rows.keep(f"{name}:{kpi.pk}", value, versions[kpi.pk], shared=shared)
        return [found[kpi.pk] for kpi in self.kpis]

    @cached_property
    def statuses(self) -> list[KPIStatus]:
        return self.kept_per_kpi(
            "status",
            lambda kpis: campaign_kpi_statuses(
                campaign=self.campaign,
                today=self.today,
                figures=self.figures,
                rows=self.rows,
                kpis=kpis,
            ),
            shared=False,  # worked out from the figures quicker than read back
        )

    @cached_property
    def panels(self) -> list[KPIPanel]:
        """Each KPI's status with its chart and card (the markup kept, the status not)."""
        by_kpi = {status.kpi.pk: status for status in self.statuses}
        drawn = self.kept_per_kpi(
            "panel", lambda kpis: [self.drawn(by_kpi[kpi.pk]) for kpi in kpis], shared=True
        )
        return [
            KPIPanel(status, chart, card)
            for status, (chart, card) in zip(self.statuses, drawn, strict=True)
        ]

    def drawn(self, status: KPIStatus) -> tuple[SafeString, str]:
        """A KPI's chart and card, drawn."""
        if fed_by_clicks(status.kpi):
            # Drawn without the chart cache: it is drawn again only after a new click or
            # reading, which gives its chart a new name.
            chart = kpi_chart(status=status, chart_id=chart_id(status))
        else:
            chart = cached_chart(status=status, chart_id=chart_id(status))
        card = render_to_string(CARD_TEMPLATE, {"panel": KPIPanel(status, chart)}, self.request)
        return chart, card

    def counted_voice(self) -> VoiceCounts:
        return self.rows.kept("voice_counts", super().counted_voice)


def kept_dashboard(
    *, request: HttpRequest, campaign: Campaign, key: str, recent: list[ClickDayRow]
) -> KeptDashboard:
    rows = KeptRows(campaign=campaign, key=key, readings=campaign.readings_version, recent=recent)
    return KeptDashboard(campaign=campaign, request=request, rows=rows)


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
    key_of = dashboard_keys(campaign=campaign, business=business)
    keys = {
        section: key_of(section.variant(sort, campaign.readings_version))
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
            request=request, campaign=campaign, key=key_of("rows"), recent=recent
        )
        # A section that says what it shows may have been drawn already with the same content.
        contents = Contents(dashboard)
        by_content = {
            section: key_of(section.content_variant(sort, contents))
            for section in missing
            if section.shows is not None
        }
        same = cache.get_many(by_content.values())
        drawn.update((section, same[key]) for section, key in by_content.items() if key in same)
        to_draw = [section for section in missing if section not in drawn]
        fresh = draw_sections(to_draw, context(dashboard), request)
        drawn.update(zip(to_draw, fresh, strict=True))
        cache.set_many(
            {
                **{
                    keys[section]: (seen, section.moves_with_clicks(dashboard), drawn[section])
                    for section in missing
                },
                **{
                    by_content[section]: drawn[section]
                    for section in to_draw
                    if section in by_content
                },
            },
            CACHE_SECONDS,
        )
    return mark_safe("".join(drawn[section] for section in DASHBOARD_SECTIONS))  # our own HTML


def draw_sections(
    sections: list[Section] | tuple[Section, ...], context: dict[str, Any], request: HttpRequest
) -> list[str]:
    """Each section's HTML, drawn from one context."""
    return [render_to_string(section.template, context, request) for section in sections]
