"""A campaign's cumulative figures, from readings, clicks, promo-code uses and posts: the
cells every page adds up."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from campaigns.models import Campaign, Partnership

from .. import metrics
from ..catalogue import KPIKind, Source, definition
from ..models import CampaignKPI
from .rows import CampaignRows, ClickDayRow, Row, rows_for

# {(partnership id, day): clicks by people}
Clicks = dict[tuple[int, date], int]


# Which KPI kinds each automatic source can feed, and how.
LINK_KINDS = {KPIKind.LINK_CLICKS, KPIKind.WEBSITE_VISITS}
REDEMPTION_KINDS = {KPIKind.REDEMPTIONS, KPIKind.ORDERS, KPIKind.REVENUE, KPIKind.NEW_CUSTOMERS}
# Counted from the campaign's posts (typed by the owner, sent by the influencer or read from
# a social insights file: one row per post, so never twice).
POST_KINDS = {KPIKind.ENGAGEMENT: "engagement", KPIKind.REACH: "reach"}


def is_automatic(kpi: CampaignKPI) -> bool:
    """True when the app counts this KPI itself (the check-in form shows it, read-only)."""
    if kpi.source == Source.LINKS:
        return kpi.kind in LINK_KINDS
    if kpi.source in (Source.PROMO_CODES, Source.SHOP):
        return kpi.kind in REDEMPTION_KINDS
    if kpi.source == Source.SOCIAL:
        return kpi.kind in POST_KINDS
    return False


def human_clicks(*, campaign: Campaign, rows: CampaignRows | None = None) -> Clicks:
    """{(partnership id, day): clicks by people} on the campaign's tracked links, bots left
    out, from the daily counts. Serves both the sums per day and per influencer."""
    return rows_for(campaign, rows).human_clicks[campaign.pk]


@dataclass
class CampaignFigures:
    """A campaign's cumulative figures per kind, per influencer and per day, read once.

    Each figure is what ``metrics.FIGURE_PARTS`` says it is: the readings typed in or
    imported for it, plus what the app counts itself (clicks on tracked links, promo-code
    uses). The KPI cards, the comparison table and the ROI panel all add up these same
    cells, so a figure is the same wherever it is shown, and the influencers' rows plus the
    readings for the whole campaign add up to the campaign's total. Each cell is summed
    both ways as it is added: {kind: {day: value}} and {kind: {influencer id or None: value}}.
    """

    per_day: dict = field(default_factory=dict)
    per_influencer: dict = field(default_factory=dict)
    tracked_clicks: dict = field(default_factory=dict)  # {day: clicks by people on our links}

    def add(self, kind, influencer_id, day, value):
        if kind not in self.per_day:
            self.per_day[kind] = defaultdict(Decimal)
            self.per_influencer[kind] = defaultdict(Decimal)
        self.per_day[kind][day] += value
        self.per_influencer[kind][influencer_id] += value

    def add_clicks(self, clicks: Iterable[tuple[int | None, date, int]]) -> None:
        """Clicks by people on our links: [(influencer id, day, clicks)]."""
        for influencer_id, day, count in clicks:
            self.add(KPIKind.LINK_CLICKS, influencer_id, day, count)
            self.tracked_clicks[day] = self.tracked_clicks.get(day, Decimal(0)) + count

    def with_clicks(self, clicks: Iterable[tuple[int | None, date, int]]) -> "CampaignFigures":
        """A copy with more clicks added (``add_clicks``); these figures stay as they are."""
        kind = KPIKind.LINK_CLICKS
        copy = CampaignFigures(
            per_day={**self.per_day, kind: defaultdict(Decimal, self.per_day.get(kind, {}))},
            per_influencer={
                **self.per_influencer,
                kind: defaultdict(Decimal, self.per_influencer.get(kind, {})),
            },
            tracked_clicks=dict(self.tracked_clicks),
        )
        copy.add_clicks(clicks)
        return copy

    @classmethod
    def combined(cls, parts: Iterable["CampaignFigures"]) -> "CampaignFigures":
        """The figures of ``parts`` added together (each a share of the cells, such as one
        KPI's readings); the parts stay as they are, and a kind only one part holds is
        shared with it, not copied."""
        figures = cls()
        owned: set = set()  # kinds whose sums belong to these figures, not to a part
        for part in parts:
            for kind, days in part.per_day.items():
                if kind not in figures.per_day:
                    figures.per_day[kind] = days
                    figures.per_influencer[kind] = part.per_influencer[kind]
                    continue
                for sums, more in (
                    (figures.per_day, days),
                    (figures.per_influencer, part.per_influencer[kind]),
                ):
                    if kind not in owned:
                        sums[kind] = defaultdict(Decimal, sums[kind])
                    for key, value in more.items():
                        sums[kind][key] += value
                owned.add(kind)
            for day, count in part.tracked_clicks.items():
                figures.tracked_clicks[day] = figures.tracked_clicks.get(day, Decimal(0)) + count
        return figures

    def by_day(self, kind):
        return dict(self.per_day.get(kind, {}))

    def by_influencer(self, kind):
        return dict(self.per_influencer.get(kind, {}))

    def total(self, kind):
        return sum(self.per_influencer.get(kind, {}).values(), Decimal(0))


def clicks_of(rows: Iterable[ClickDayRow]) -> Iterator[tuple[int, date, int]]:
    """(influencer id, day, clicks by people) of daily click counts, as ``add_clicks`` takes
    them."""
    return ((influencer_id, day, people) for _, _, influencer_id, day, people in rows)


def is_result_day(*, day: date, start: date | None) -> bool:
    """True when what happened on ``day`` counts as the campaign's results: from its start on.
    Readings from the week before are its baseline (what a normal week brings); code uses,
    posts and clicks from before it (the owner trying their links, say) are neither, and are
    read by the same rule in the database (``rows.from_start``)."""
    return start is None or day >= start


@dataclass(frozen=True)
class CountedForPartnership:
    """What the app counted itself for one influencer on a campaign: clicks by people on
    their link and uses of their code, by the same rules as the campaign's figures."""

    clicks: int
    code_uses: int
    revenue: Decimal
    new_customers: int


def counted_for_partnership(*, partnership: Partnership) -> CountedForPartnership:
    """``CountedForPartnership`` in two queries (the campaign's daily click counts and its
    code uses per influencer and day)."""
    campaign = partnership.campaign
    rows = CampaignRows([campaign])
    uses = [
        row
        for row in rows.code_uses[campaign.pk]
        if row["partnership__influencer_id"] == partnership.influencer_id
    ]
    return CountedForPartnership(
        clicks=sum(people for _, pk, _, _, people in rows.click_days if pk == partnership.pk),
        code_uses=sum(row["uses"] for row in uses),
        revenue=metrics.two_places(sum((row["revenue"] or 0 for row in uses), Decimal(0))),
        new_customers=sum(row["first_time"] for row in uses),
    )


def reading_figures(
    *, campaign: Campaign, readings: Iterable[Row], figures: CampaignFigures | None = None
) -> CampaignFigures:
    """The figures' part typed in or imported: ``readings`` (``CampaignRows.readings`` rows)
    of cumulative kinds from the campaign's start day on, added to ``figures`` when given."""
    figures = CampaignFigures() if figures is None else figures
    start = campaign.start_date
    for row in readings:
        if not is_result_day(day=row["date"], start=start):
            continue
        if definition(row["kpi__kind"]).cumulative:
            value = metrics.two_places(row["total"])
            figures.add(row["kpi__kind"], row["influencer_id"], row["date"], value)
    return figures


def counted_figures(
    *,
    campaign: Campaign,
    clicks: Clicks | None = None,
    partnerships: list[Partnership] | None = None,
    rows: CampaignRows | None = None,
    figures: CampaignFigures | None = None,
) -> CampaignFigures:
    """The figures' part the app counts itself (clicks on tracked links, promo-code uses,
    posts), added to ``figures`` when given; the clicks from the daily counts unless
    ``clicks`` (``human_clicks``) is passed in."""
    rows = rows_for(campaign, rows)
    figures = CampaignFigures() if figures is None else figures
    if clicks is None:
        figures.add_clicks(clicks_of(row for row in rows.click_days if row[0] == campaign.pk))
    elif clicks:
        if partnerships is None:
            partners = dict(campaign.partnerships.values_list("pk", "influencer_id"))
        else:
            partners = {p.pk: p.influencer_id for p in partnerships}
        figures.add_clicks(
            (partners.get(partnership_id), day, count)
            for (partnership_id, day), count in clicks.items()
        )

    code_uses = rows.code_uses[campaign.pk]
    if code_uses:
        parts = [
            (kind, part) for kind, part in metrics.FIGURE_PARTS.items() if part in code_uses[0]
        ]
        for row in code_uses:
            influencer_id, day = row["partnership__influencer_id"], row["date"]
            for kind, part in parts:
                value = metrics.two_places(row[part]) if part == "revenue" else row[part]
                figures.add(kind, influencer_id, day, value)

    # Posts count for engagement and reach unless the owner chose to type that KPI in by
    # hand: then their typed totals already hold the posts' numbers.
    typed = {kpi.kind for kpi in rows.kpis[campaign.pk] if kpi.source != Source.SOCIAL}
    for influencer_id, day, engagement, reach in rows.posts[campaign.pk]:
        if KPIKind.ENGAGEMENT not in typed:
            figures.add(KPIKind.ENGAGEMENT, influencer_id, day, Decimal(engagement))
        if KPIKind.REACH not in typed:
            figures.add(KPIKind.REACH, influencer_id, day, Decimal(reach))
    return figures


def campaign_figures(
    *,
    campaign: Campaign,
    clicks: Clicks | None = None,
    partnerships: list[Partnership] | None = None,
    rows: CampaignRows | None = None,
) -> CampaignFigures:
    """Every cumulative figure of the campaign (``CampaignFigures``): its readings
    (``reading_figures``) and what the app counts (``counted_figures``), in five queries at
    most: fewer when ``human_clicks`` or the campaign's partnerships are passed in, and none
    more for each further campaign of ``rows`` (``CampaignRows``)."""
    rows = rows_for(campaign, rows)
    figures = reading_figures(campaign=campaign, readings=rows.readings[campaign.pk])
    return counted_figures(
        campaign=campaign, clicks=clicks, partnerships=partnerships, rows=rows, figures=figures
    )


def fed_by_clicks(kpi: CampaignKPI) -> bool:
    """True when clicks on the campaign's tracked links count towards this KPI: every new
    click may move it."""
    return kpi.kind == KPIKind.LINK_CLICKS or (
        kpi.kind == KPIKind.WEBSITE_VISITS and is_automatic(kpi)
    )


def daily_values(*, kpi: CampaignKPI, figures: CampaignFigures) -> dict[date, Decimal]:
    """{date: value} of a cumulative KPI: its figure, or for website visits counted from
    the tracked links, the clicks on them."""
    if kpi.kind == KPIKind.WEBSITE_VISITS and is_automatic(kpi):
        days = defaultdict(Decimal, figures.by_day(kpi.kind))
        for day, count in figures.tracked_clicks.items():
            days[day] += count
        return dict(days)
    return figures.by_day(kpi.kind)
