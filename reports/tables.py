"""Tables on the report pages: the portfolio, the influencer comparison and measurements.

Money is shown in the owner's currency on screen and exported as plain numbers, so a
spreadsheet can add it up.
"""

import inspect
from typing import Any

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.formatting import format_money, format_percent
from accounts.models import DEFAULT_CURRENCY
from campaigns.plan.tables import CampaignTable

from .caching import ProcessMemory
from .fingerprint import fingerprint

# The comparison table's frames, per sorting, language and currency (InfluencerResultsTable.frame).
frames = ProcessMemory(size=64)
# Its rows, by what they show (InfluencerResultsTable.body_rows): some campaigns' worth.
drawn_rows = ProcessMemory(size=1024)


class MoneyColumn(tables.Column):
    """A Decimal amount in the table's currency; exported as the plain number."""

    attrs = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}

    def render(self, value, table):
        return format_money(value, currency=table.currency)

    def value(self, value):
        return value


class NumberColumn(tables.Column):
    attrs = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


class PercentColumn(NumberColumn):
    """A percentage to two places, as the roster shows an engagement rate."""

    def render(self, value):
        return format_percent(value, places=2)

    def value(self, value):
        return value


class CurrencyTable(tables.Table):
    """A table whose money columns use the owner's currency (``currency="EUR"``)."""

    def __init__(self, *args: Any, currency: str = DEFAULT_CURRENCY, **kwargs: Any) -> None:
        self.currency = currency
        super().__init__(*args, **kwargs)


class InfluencerResultsTable(CurrencyTable):
    """One row per influencer on a campaign (``kpis.services.comparison_rows``), to compare,
    and the whole campaign's own numbers last, so the rows add up to the campaign's."""

    caption = _("Results by influencer")

    influencer = tables.Column(
        accessor="name",
        verbose_name=_("Influencer"),
        attrs={"td": {"class": "text-break-anywhere"}},
    )
    promo_code = tables.Column(verbose_name=_("Code"), default="—")
    clicks = NumberColumn(verbose_name=_("Link clicks"))
    orders = NumberColumn(verbose_name=_("Sales (orders)"))
    new_customers = NumberColumn(verbose_name=_("New customers"))
    revenue = MoneyColumn(verbose_name=_("Revenue"))
    cost = MoneyColumn(verbose_name=_("Cost"))
    cpa = MoneyColumn(verbose_name=_("Cost per new customer"), default="—")
    # The header names the currency: "Back per £1 spent" (set per table, below).
    roas = MoneyColumn(verbose_name=_("Back per 1 spent"), default="—")
    engagement_rate = PercentColumn(verbose_name=_("Engagement rate"), default="—")
    engagement_basis = tables.Column(
        verbose_name=_("Rate measured on"), default="—", orderable=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns["roas"].column.verbose_name = _("Back per %(one)s spent") % {
            "one": format_money(1, currency=self.currency, places=0)
        }

    FRAME_TEMPLATE = "reports/partials/influencer_table_frame.html"
    ROWS_MARKER = "<!-- rows -->"

    def frame(self) -> tuple[SafeString, SafeString]:
        """The table's HTML before and after its rows: it depends on the sorting (and the
        address its sort links keep), the language and the currency, never on the rows, so
        each process draws it once for each."""
        request = getattr(self, "request", None)
        query = request.GET.urlencode() if request else ""
        key = f"{query}|{get_language()}|{self.currency}"
        found = frames.get(key)
        if found is None:
            html = render_to_string(self.FRAME_TEMPLATE, {"table": self}, request)
            found = tuple(html.split(self.ROWS_MARKER, 1))
            frames.set(key, found)
        before, after = found
        return mark_safe(before), mark_safe(after)  # our own template's HTML

    def body_rows(self):
        """[(row class, its cells' HTML)] in the table's order: the cells django-tables2
        would draw, with each column's attributes and render arguments worked out once
        rather than once per cell (its per-cell machinery was a quarter of the dashboard's
        drawing), joined here rather than in a template loop. Drawn by
        ``reports/partials/influencer_table.html``.

        A row is drawn from its columns' values alone (no column here reads the whole
        record, and of the table only its currency), so each is kept by those values
        (``drawn_rows``): after a check-in, most influencers' rows are as they were."""
        columns = []
        for bound in self.columns:
            wanted = inspect.signature(bound.render).parameters
            columns.append((bound, bound.attrs["td"].as_html(), wanted, str(bound.accessor)))
        by_values = not any("record" in wanted for _, _, wanted, _ in columns)
        kind = type(self)
        shown = (
            f"{kind.__module__}.{kind.__qualname__}",
            get_language(),
            self.currency,
            [bound.name for bound, *_ in columns],
        )
        rows = []
        for number, record in enumerate(self.data):
            # The rows are results with plain attributes: read them as such, not through
            # django-tables2's general path lookup (half the cells' cost).
            values = [getattr(record, name) for *_, name in columns]
            key = fingerprint((shown, values)) if by_values else ""
            html = drawn_rows.get(key) if key else None
            if html is None:
                html = self.row_html(record, values, columns)
                if key:
                    drawn_rows.set(key, html)
            rows.append(("odd" if number % 2 else "even", html))
        return rows

    def row_html(self, record: object, values: list, columns: list) -> SafeString:
        cells = []
        for value, (bound, attributes, wanted, _name) in zip(values, columns, strict=True):
            if value in bound.column.empty_values:
                cell = bound.default
            else:
                given = {"value": value, "record": record, "table": self}
                cell = bound.render(**{name: given[name] for name in wanted})
            # Each cell escaped unless it is safe already, as a template would; the
            # attributes are django-tables2's own markup.
            cells.append(f"<td {attributes}>{conditional_escape(cell)}</td>")
        return mark_safe("".join(cells))

    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        order_by = "influencer"
        empty_text = _("No influencers on this campaign yet.")


class TotalledColumn(tables.Column):
    """A figure computed per campaign (not sortable), right-aligned, with a total below."""

    def __init__(self, **kwargs):
        align = {"class": "text-end"}
        kwargs.setdefault("attrs", {"td": align, "th": align, "tf": align})
        super().__init__(empty_values=(), orderable=False, **kwargs)


class CampaignResultColumns(CurrencyTable):
    """Progress, pace and ROI of each campaign, from ``reports.services.portfolio_rows``.

    Built as its own table so it can sit beside the campaigns app's columns.
    """

    progress = tables.Column(
        empty_values=(),
        orderable=False,
        verbose_name=_("Progress"),
        footer=_("All running campaigns"),
    )
    pace = tables.Column(empty_values=(), orderable=False, verbose_name=_("On pace?"))
    spent = TotalledColumn(
        verbose_name=_("Spent"),
        footer=lambda table: format_money(table.totals.cost, currency=table.currency),
    )
    revenue = TotalledColumn(
        verbose_name=_("Brought in"),
        footer=lambda table: format_money(table.totals.revenue, currency=table.currency),
    )
    roi = TotalledColumn(
        verbose_name=_("Profit ROI"),
        footer=lambda table: format_percent(table.totals.profit_roi),
    )

    def __init__(
        self,
        *args: Any,
        results: dict[int, Any] | None = None,
        totals: Any = None,
        **kwargs: Any,
    ) -> None:
        self.campaign_rows = results or {}
        self.totals = totals
        super().__init__(*args, **kwargs)

    def render_progress(self, record):
        row = self.campaign_rows[record.pk]
        if row.main is None:
            return _("No numbers chosen")
        return format_html(
            '{}<span class="visually-hidden"> {}</span>',
            format_percent(row.progress),
            _("of the way to the %(kpi)s target") % {"kpi": row.main.kpi.get_kind_display()},
        )

    def value_progress(self, record):
        return self.campaign_rows[record.pk].progress

    def render_pace(self, record):
        row = self.campaign_rows[record.pk]
        return format_html(
            '<span class="status-badge status-{}">{}</span>', row.pace, row.pace_label
        )

    def value_pace(self, record):
        return str(self.campaign_rows[record.pk].pace_label)

    def render_spent(self, record):
        roi = self.campaign_rows[record.pk].roi
        cost = format_money(roi.cost, currency=self.currency)
        if roi.running:
            return cost
        # Not spent yet, and not in the totals: what the plan will cost.
        return _("%(cost)s planned") % {"cost": cost}

    def render_revenue(self, record):
        roi = self.campaign_rows[record.pk].roi
        return format_money(roi.revenue, currency=self.currency) if roi.running else "—"

    def render_roi(self, record):
        return format_percent(self.campaign_rows[record.pk].roi.profit_roi)


class PortfolioTable(CampaignTable, CampaignResultColumns):
    """The campaigns app's table (name, goal, status, dates, days left, checklist) with each
    campaign's progress, pace and ROI, and totals across campaigns in the footer."""

    caption = _("Your campaigns")

    class Meta(CampaignTable.Meta):
        fields = CampaignTable.Meta.fields
