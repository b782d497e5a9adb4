"""The campaign dashboard's sections, in page order: each is drawn from its own template
(``templates/reports/sections/<name>.html``) and kept drawn on its own (``reports.caching``).

Clicks on tracked links come from visitors at any moment, without a change on the owner's
side. A section that shows a figure clicks feed (link clicks, cost per click, sales per
click, and whatever is worked out from them) says so for the dashboard it was drawn from, and
is drawn again after a new click by a person; the others only after a change the owner makes.
Of the owner's changes, readings and check-ins are versioned on their own
(``Campaign.readings_version``): a section that shows none of what they feed says so, and is
kept when only they change. A section that says what it shows of them (``shows``: the
values it is drawn from, apart from what the owner's data version covers) is also kept by
that content, so a reading that leaves it as it was finds it drawn already.
"""

from collections.abc import Callable
from dataclasses import dataclass

from kpis.services import fed_by_clicks

from .fingerprint import fingerprint
from .services import Dashboard


def always(dashboard: Dashboard) -> bool:
    return True


def never(dashboard: Dashboard) -> bool:
    return False


def kpis_fed_by_clicks(dashboard: Dashboard) -> bool:
    """The KPI cards and what to try next move when a KPI counts clicks."""
    return any(fed_by_clicks(status.kpi) for status in dashboard.statuses)


def range_moves_with_clicks(dashboard: Dashboard) -> bool:
    """The range moves with clicks only through the rise over the baseline, when that comes
    from visits at the clicks' conversion rate."""
    return dashboard.voice.rise.moves_with_clicks


def timeline_shown(dashboard: Dashboard) -> object:
    """The timeline and the alerts: the day, the check-ins planned and the last one."""
    return dashboard.timeline


def range_shown(dashboard: Dashboard) -> object:
    """The range of results and each influencer's keep-or-stop line (before the start, only
    a line saying they come later)."""
    if not dashboard.roi.running:
        return False
    voice = dashboard.voice
    return voice.range, voice.keep_or_stop


def suggestions_shown(dashboard: Dashboard) -> object:
    """What to try next: each KPI behind plan, how far behind, its tips, the owner's plan."""
    return dashboard.owner_rule, [
        (s.status.kpi, s.status.percent_of_pace, s.tips) for s in dashboard.suggestions
    ]


class Contents:
    """What one dashboard's sections show, fingerprinted once for each ``shows``: the alerts
    and the timeline show the same values."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self.fingerprints: dict[Callable[[Dashboard], object], str] = {}

    def fingerprint(self, shows: Callable[[Dashboard], object]) -> str:
        if shows not in self.fingerprints:
            self.fingerprints[shows] = fingerprint(shows(self.dashboard))
        return self.fingerprints[shows]


@dataclass(frozen=True)
class Section:
    name: str
    moves_with_clicks: Callable[[Dashboard], bool] = never
    sorted: bool = False  # drawn in the comparison table's sorting
    moves_with_readings: bool = True  # shows what readings or check-ins feed
    # What it shows of what readings, check-ins and clicks feed (``reports.fingerprint``).
    shows: Callable[[Dashboard], object] | None = None

    def variant(self, sort: str, readings_version: int) -> str:
        """The section's name in the cache: with the table's sorting when it shows it, and
        the version of the readings and check-ins when it shows what they feed."""
        name = f"{self.name}:{sort}" if self.sorted else self.name
        return f"{name}:{readings_version}" if self.moves_with_readings else name

    def content_variant(self, sort: str, contents: "Contents") -> str:
        """The section's name in the cache by what it shows (it has ``shows``)."""
        assert self.shows is not None
        name = f"{self.name}:{sort}" if self.sorted else self.name
        return f"{name}:shows:{contents.fingerprint(self.shows)}"

    @property
    def template(self) -> str:
        return f"reports/sections/{self.name}.html"


DASHBOARD_SECTIONS = (
    # A check-in due or overdue, the deadline passed.
    Section("alerts", shows=timeline_shown),
    # Day X of Y, the next check-in, the page's actions.
    Section("timeline", shows=timeline_shown),
    # A card and a chart per KPI.
    Section("numbers", kpis_fed_by_clicks),
    # What to try for a KPI behind plan.
    Section("next", kpis_fed_by_clicks, shows=suggestions_shown),
    # New posts, follow-ups, each one's posts.
    Section("posts", moves_with_readings=False),
    # The latest check-in notes.
    Section("checkins"),
    # Side by side, with their link clicks.
    Section("influencers", always, sorted=True),
    # Is it worth the money: cost per click, sales per click.
    Section("roi", always),
    # Results as a range, keep or stop.
    Section("range", range_moves_with_clicks, shows=range_shown),
    # What customers said.
    Section("said", moves_with_readings=False),
)
