"""KPI charts as server-rendered SVG: the same markup on the dashboard and in the PDF report.

A chart shows the KPI's running value, the target as a flat line, and the pace line (where
the KPI would be on each day if it moved steadily from the baseline to the target by the
deadline), with dates along the bottom and values up the side. No JavaScript needed.
"""

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.formatting import format_count
from kpis.services import KPIStatus

WIDTH = 640
HEIGHT = 260
MARGIN_LEFT = 64
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 54

VALUE_COLOUR = "#1f5f5b"
TARGET_COLOUR = "#842029"
PACE_COLOUR = "#6c757d"
GRID_COLOUR = "#dee2e6"
TEXT_COLOUR = "#212529"
# The PDFs embed our own copy of DejaVu Sans under this name; browsers fall back to theirs.
FONT_FAMILY = "Microreach Sans, DejaVu Sans, system-ui, sans-serif"
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Scale:
    """Maps dates and values to SVG coordinates inside the plot area."""

    start: date
    end: date
    low: float
    high: float

    def x(self, day: date) -> float:
        span = max((self.end - self.start).days, 1)
        inner = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        return round(MARGIN_LEFT + (day - self.start).days / span * inner, 1)

    def y(self, value: float | Decimal) -> float:
        inner = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        share = (float(value) - self.low) / (self.high - self.low)
        return round(HEIGHT - MARGIN_BOTTOM - share * inner, 1)

    def polyline(self, points: Iterable[tuple[date, float | Decimal]]) -> str:
        """ "x,y x,y ..." for an SVG polyline, each point placed as ``x`` and ``y`` place it,
        with what they work out per call worked out once (a year of readings is 365 points,
        a third of a chart's drawing)."""
        span = max((self.end - self.start).days, 1)
        inner_x = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        inner_y = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first, low, height = self.start.toordinal(), self.low, self.high - self.low
        # One decimal by the format rather than round(): the same text, in half the time.
        return " ".join(
            f"{MARGIN_LEFT + (day.toordinal() - first) / span * inner_x:.1f},"
            f"{HEIGHT - MARGIN_BOTTOM - (float(value) - low) / height * inner_y:.1f}"
            for day, value in points
        )


def nice_ticks(*, low: float, high: float, count: int = 4) -> list[float]:
    """Round numbers from at or below ``low`` to at or above ``high``, about ``count`` steps."""
    if high <= low:
        high = low + 1
    raw_step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    ticks = [round(math.floor(low / step) * step, 10)]
    while ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def kpi_chart(*, status: KPIStatus, chart_id: str) -> SafeString:
    """SVG markup for one KPI (a ``kpis.services.KPIStatus``), safe to put in any template."""
    kpi = status.kpi
    campaign = kpi.campaign
    series = status.series
    start = campaign.start_date or (series[0][0] if series else date.today())
    end = campaign.end_date or (series[-1][0] if series else start)
    if series:
        start = min(start, series[0][0])
        end = max(end, series[-1][0])
    values = [float(kpi.baseline), float(kpi.target)] + [float(v) for _day, v in series]
    ticks = nice_ticks(low=min(values + [0.0]), high=max(values))
    scale = Scale(start, end, ticks[0], ticks[-1])
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    kind = kpi.get_kind_display()
    title = _("%(kpi)s over time") % {"kpi": kind}
    desc = _(
        "From %(baseline)s on %(start)s towards a target of %(target)s by %(end)s. "
        "Now %(current)s: %(pace)s."
    ) % {
        "baseline": format_count(kpi.baseline),
        "start": date_format(start),
        "target": format_count(kpi.target),
        "end": date_format(end),
        "current": format_count(status.current),
        "pace": status.pace_label,
    }
    plot_bottom = HEIGHT - MARGIN_BOTTOM
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{}</text>',
        (
            (
                MARGIN_LEFT,
                WIDTH - MARGIN_RIGHT,
                scale.y(tick),
                scale.y(tick),
                GRID_COLOUR,
                MARGIN_LEFT - 6,
                scale.y(tick) + 4,
                TEXT_COLOUR,
                format_count(tick),
            )
            for tick in ticks
        ),
    )
    middle = date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    date_ticks = [(start, "start"), (middle, "middle"), (end, "end")] if end > start else []
    date_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}" font-size="11" fill="{}">{}</text>',
        (
            (
                scale.x(day),
                plot_bottom + 18,
                position,
                TEXT_COLOUR,
                date_format(day, "j M"),
            )
            for day, position in date_ticks
        ),
    )
    pace_line = format_html(
        '<line class="chart-pace" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" '
        'stroke-width="1.5" stroke-dasharray="2 4"/>',
        scale.x(start),
        scale.y(kpi.baseline),
        scale.x(end),
        scale.y(kpi.target),
        PACE_COLOUR,
    )
    target_line = format_html(
        '<line class="chart-target" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" '
        'stroke-width="1.5" stroke-dasharray="6 4"/>',
        MARGIN_LEFT,
        scale.y(kpi.target),
        WIDTH - MARGIN_RIGHT,
        scale.y(kpi.target),
        TARGET_COLOUR,
    )
    value_line = ""
    if series:
        points = [(start, kpi.baseline)] if series[0][0] > start else []
        points += series
        value_line = format_html(
            '<polyline class="chart-value" points="{}" fill="none" stroke="{}" '
            'stroke-width="2.5" stroke-linejoin="round"/>',
            scale.polyline(points),
            VALUE_COLOUR,
        )
    legend = format_html(
        '<g class="chart-legend" font-size="11" fill="{text}">'
        '<line x1="{x0}" x2="{x1}" y1="{y}" y2="{y}" stroke="{value}" stroke-width="2.5"/>'
        '<text x="{t0}" y="{ty}">{value_label}</text>'
        '<line x1="{x2}" x2="{x3}" y1="{y}" y2="{y}" stroke="{target}" stroke-width="1.5" '
        'stroke-dasharray="6 4"/><text x="{t1}" y="{ty}">{target_label}</text>'
        '<line x1="{x4}" x2="{x5}" y1="{y}" y2="{y}" stroke="{pace}" stroke-width="1.5" '
        'stroke-dasharray="2 4"/><text x="{t2}" y="{ty}">{pace_label}</text></g>',
        text=TEXT_COLOUR,
        value=VALUE_COLOUR,
        target=TARGET_COLOUR,
        pace=PACE_COLOUR,
        y=HEIGHT - 10,
        ty=HEIGHT - 6,
        x0=MARGIN_LEFT,
        x1=MARGIN_LEFT + 20,
        t0=MARGIN_LEFT + 24,
        x2=MARGIN_LEFT + 150,
        x3=MARGIN_LEFT + 170,
        t1=MARGIN_LEFT + 174,
        x4=MARGIN_LEFT + 280,
        x5=MARGIN_LEFT + 300,
        t2=MARGIN_LEFT + 304,
        value_label=_("Actual"),
        target_label=_("Target"),
        pace_label=_("Steady pace to target"),
    )
    axis = format_html(
        '<line class="chart-axis" x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
        MARGIN_LEFT,
        WIDTH - MARGIN_RIGHT,
        plot_bottom,
        plot_bottom,
        TEXT_COLOUR,
    )
    return format_html(
        '<svg class="kpi-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" font-family="{font}" role="img" '
        'aria-labelledby="{title_id} {desc_id}">'
        '<title id="{title_id}">{title}</title><desc id="{desc_id}">{desc}</desc>'
        "{grid}{axis}{dates}{pace}{target}{value}{legend}</svg>",
        w=WIDTH,
        h=HEIGHT,
        font=FONT_FAMILY,
        title_id=title_id,
        desc_id=desc_id,
        title=title,
        desc=desc,
        grid=grid,
        axis=axis,
        dates=date_labels,
        pace=pace_line,
        target=target_line,
        value=value_line,
        legend=legend,
    )


def chart_key(*, status: KPIStatus, chart_id: str) -> str:
    """A name for the chart made of everything ``kpi_chart`` draws it from (its KPI's kind,
    baseline and target, the campaign's dates, the running values, the pace, the language
    and today's date): a chart whose inputs changed gets a new name."""
    kpi = status.kpi
    inputs = (
        chart_id,
        kpi.kind,
        kpi.baseline,
        kpi.target,
        kpi.campaign.start_date,
        kpi.campaign.end_date,
        status.current,
        status.pace,
        get_language(),
        date.today(),
        # The running values as "day:value" text: a third quicker to name than their repr.
        ";".join(f"{day.toordinal()}:{value}" for day, value in status.series),
    )
    return "reports:chart:" + hashlib.sha256(repr(inputs).encode()).hexdigest()


def cached_chart(*, status: KPIStatus, chart_id: str) -> SafeString:
    """``kpi_chart``, kept under ``chart_key``: drawing a 365-day chart costs more than naming
    it, and a new click or reading changes one KPI's chart, not the others."""
    key = chart_key(status=status, chart_id=chart_id)
    svg = cache.get(key)
    if svg is None:
        svg = str(kpi_chart(status=status, chart_id=chart_id))
        cache.set(key, svg, CACHE_SECONDS)
    return mark_safe(svg)  # our own markup, escaped when it was drawn
