"""The rows a campaign's figures are worked out from, read in batches: one campaign or
thirty cost the same queries."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache, cached_property, lru_cache
from typing import Any

from django.db import connections
from django.db.models import Count, F, Q, QuerySet, Sum

from campaigns.models import Campaign, Partnership

from .. import metrics
from ..models import CampaignKPI, ClickDay, Measurement, Post, Redemption


def _grouped(rows, key):
    """{key(row): [rows]}, empty for a campaign without any."""
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def from_start(*, day: str, campaign: str) -> Q:
    """Rows dated from their campaign's start day on (``day`` and ``campaign`` are lookups):
    what the app counts itself (clicks, code uses, posts) is a campaign's result from then.
    Readings are read whole: the week before is their baseline (``figures.is_result_day``)."""
    return Q(**{f"{campaign}__start_date__isnull": True}) | Q(
        **{f"{day}__gte": F(f"{campaign}__start_date")}
    )


# (campaign id, partnership id, influencer id, day, clicks by people)
ClickDayRow = tuple[int, int, int, date, int]


def _click_days_query(
    *, campaigns: Iterable[int], since: date | None = None, before: date | None = None
) -> QuerySet:
    rows = ClickDay.objects.filter(
        from_start(day="day", campaign="link__partnership__campaign"),
        link__partnership__campaign__in=campaigns,
        people__gt=0,
    )
    if since is not None:
        rows = rows.filter(day__gte=since)
    if before is not None:
        rows = rows.filter(day__lt=before)
    return rows.values_list(
        "link__partnership__campaign_id",
        "link__partnership_id",
        "link__partnership__influencer_id",
        "day",
        "people",
    )


def click_days(
    *, campaigns: Iterable[int], since: date | None = None, before: date | None = None
) -> list[ClickDayRow]:
    """The daily counts of clicks by people on the links of ``campaigns`` (ids) that count as
    their results (from each campaign's start day: ``is_result_day``), from the day ``since``
    on and of the days before ``before``, when given."""
    return list(_click_days_query(campaigns=campaigns, since=since, before=before))


class CompiledQuery:
    """A query's SQL and converters, worked out by the ORM once, run again with other values in
    the places of its stand-ins (values found once each in its parameters). For a query read at
    every visit: building it costs more than running it."""

    def __init__(self, queryset: QuerySet, stand_ins: Sequence[object]) -> None:
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.alias = queryset.db
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.places = [self.params.index(stand_in) for stand_in in stand_ins]
        # The ORM's own converters of each column (Decimal sums on SQLite, say), as it would
        # apply them: the rows are those the queryset itself gives.
        self.converters = list(
            compiler.get_converters([column for column, _, _ in compiler.select]).items()
        )

    def rows(self, values: Sequence[object]) -> list[list]:
        params = list(self.params)
        for place, value in zip(self.places, values, strict=True):
            params[place] = value
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = [list(row) for row in cursor.fetchall()]
        for row in rows:
            for position, (converters, expression) in self.converters:
                for converter in converters:
                    row[position] = converter(row[position], expression, connection)
        return rows


# Stand-ins for the two values of the recent counts' query.
SOME_CAMPAIGN, SOME_DAY = -4242, date(1901, 2, 3)


@cache
def _click_days_since_query(alias: str) -> CompiledQuery:
    """``click_days(campaigns=[campaign], since=day)``, compiled once per process and database:
    the dashboard reads it at every visit."""
    query = _click_days_query(campaigns=[SOME_CAMPAIGN], since=SOME_DAY).using(alias)
    day = connections[alias].ops.adapt_datefield_value(SOME_DAY)
    return CompiledQuery(query, [SOME_CAMPAIGN, day])


def click_days_since(*, campaign: int, since: date, alias: str = "default") -> list[ClickDayRow]:
    """``click_days(campaigns=[campaign], since=since)``, from the SQL compiled once."""
    day = connections[alias].ops.adapt_datefield_value(since)
    return [tuple(row) for row in _click_days_since_query(alias).rows([campaign, day])]


# A row of ``values()``: {column: value}.
Row = Mapping[str, Any]


@lru_cache(maxsize=64)
def _kpi_readings_query(alias: str, count: int) -> CompiledQuery:
    """The readings' sums of ``count`` KPIs, compiled once per process, database and count:
    a redraw after a check-in reads one KPI's again."""
    stand_ins = list(range(-count, 0))  # distinct: the ORM drops a repeated id
    query = (
        Measurement.objects.using(alias)
        .filter(kpi__in=stand_ins)
        .values_list("kpi_id", "influencer_id", "date")
        .annotate(total=Sum("value"))
        .order_by()
    )
    return CompiledQuery(query, stand_ins)


def kpi_readings(kpis: Iterable[CampaignKPI], *, alias: str = "default") -> list[Row]:
    """[{kpi_id, kpi__campaign_id, kpi__kind, influencer_id, date, total}]: these KPIs'
    readings, summed per KPI (one per kind and campaign), influencer and day. Each row's kind
    and campaign are taken from its KPI, read already, rather than joined in (the join took a
    third of the read), and the SQL is compiled once (building it took a third of the rest)."""
    by_id = {kpi.pk: kpi for kpi in kpis}
    if not by_id:
        return []
    rows = _kpi_readings_query(alias, len(by_id)).rows(list(by_id))
    return [
        {
            "kpi_id": kpi_id,
            "kpi__campaign_id": by_id[kpi_id].campaign_id,
            "kpi__kind": by_id[kpi_id].kind,
            "influencer_id": influencer_id,
            "date": day,
            "total": total,
        }
        for kpi_id, influencer_id, day, total in rows
    ]


@cache
def _readings_versions_query(alias: str) -> CompiledQuery:
    query = (
        CampaignKPI.objects.using(alias)
        .filter(campaign=SOME_CAMPAIGN)
        .values_list("pk", "readings_version")
        .order_by()
    )
    return CompiledQuery(query, [SOME_CAMPAIGN])


def readings_versions(*, campaign: int, alias: str = "default") -> dict[int, int]:
    """{KPI id: the version of its readings} of a campaign's KPIs (``readings_version``, which
    the database raises at every change to them), from SQL compiled once: a redraw after a
    check-in needs these versions, not the KPIs again."""
    return dict(_readings_versions_query(alias).rows([campaign]))


def snapshot_levels(*, kpis: Iterable[int]) -> list[Row]:
    """[{kpi__campaign_id, kpi_id, date, value}]: every reading of the snapshot KPIs ``kpis``
    (ids), oldest first."""
    rows: Iterable[Row] = (
        Measurement.objects.filter(kpi__in=kpis)
        .order_by("date", "id")
        .values("kpi__campaign_id", "kpi_id", "date", "value")
    )
    return list(rows)


class CampaignRows:
    """The rows a set of campaigns' figures are worked out from. Each kind is read once for
    all the campaigns together, the first time a figure needs it, and each campaign then
    takes its own share: one campaign or thirty cost the same queries."""

    def __init__(self, campaigns: Iterable[Campaign]) -> None:
        self.campaigns = {campaign.pk: campaign for campaign in campaigns}

    @cached_property
    def kpis(self):
        """{campaign id: [CampaignKPI]}, in the campaign's order."""
        kpis = list(CampaignKPI.objects.filter(campaign__in=self.campaigns))
        for kpi in kpis:
            kpi.campaign = self.campaigns[kpi.campaign_id]
        return _grouped(kpis, lambda kpi: kpi.campaign_id)

    @cached_property
    def levels(self):
        """{campaign id: [{kpi_id, date, value}]}: every reading of a snapshot KPI, oldest
        first (its level on a day is its last reading that day)."""
        snapshot_kpis = [
            kpi.pk for kpis in self.kpis.values() for kpi in kpis if not kpi.cumulative
        ]
        return _grouped(snapshot_levels(kpis=snapshot_kpis), lambda row: row["kpi__campaign_id"])

    @cached_property
    def readings(self):
        """{campaign id: [{kpi__kind, influencer_id, date, total}]}: readings summed per kind,
        influencer and day."""
        kpis = [kpi for kpis in self.kpis.values() for kpi in kpis]
        return _grouped(kpi_readings(kpis), lambda row: row["kpi__campaign_id"])

    @cached_property
    def click_days(self) -> list[ClickDayRow]:
        """Every daily count of clicks by people on the campaigns' links (one row per link and
        day, never the clicks: the same few rows at 50 clicks or 5 million)."""
        return click_days(campaigns=self.campaigns)

    @cached_property
    def human_clicks(self):
        """{campaign id: {(partnership id, day): clicks by people}}, from ``click_days``."""
        counts = defaultdict(lambda: defaultdict(int))
        for campaign_id, partnership_id, _, day, people in self.click_days:
            counts[campaign_id][(partnership_id, day)] += people
        return counts

    @cached_property
    def code_uses(self):
        """{campaign id: [{partnership__influencer_id, date, uses, revenue, first_time}]}, from
        each campaign's start day (``from_start``)."""
        rows = (
            Redemption.objects.filter(
                from_start(day="date", campaign="partnership__campaign"),
                partnership__campaign__in=self.campaigns,
            )
            .values("partnership__campaign_id", "partnership__influencer_id", "date")
            .annotate(
                uses=Count("id"),
                revenue=Sum("revenue"),
                first_time=Count("id", filter=Q(new_customer=True)),
            )
            .order_by()
        )
        return _grouped(rows, lambda row: row["partnership__campaign_id"])

    @cached_property
    def posts(self):
        """{campaign id: [(influencer id, day, interactions, views)]}, one per post from each
        campaign's start day (``from_start``)."""
        rows = Post.objects.filter(
            from_start(day="posted_on", campaign="partnership__campaign"),
            partnership__campaign__in=self.campaigns,
        ).values_list(
            "partnership__campaign_id",
            "partnership__influencer_id",
            "posted_on",
            "views",
            "likes",
            "comments",
            "shares",
        )
        posts = defaultdict(list)
        for campaign_id, influencer_id, day, views, likes, comments, shares in rows:
            interactions = metrics.post_interactions(likes=likes, comments=comments, shares=shares)
            posts[campaign_id].append((influencer_id, day, interactions, metrics.post_reach(views)))
        return posts

    @cached_property
    def partnerships(self):
        """{campaign id: [Partnership]} with each influencer and their profiles."""
        partnerships = list(
            Partnership.objects.filter(campaign__in=self.campaigns)
            .select_related("influencer")
            .prefetch_related("influencer__profiles")
        )
        for partnership in partnerships:
            partnership.campaign = self.campaigns[partnership.campaign_id]
        return _grouped(partnerships, lambda partnership: partnership.campaign_id)


def rows_for(campaign: Campaign, rows: CampaignRows | None) -> CampaignRows:
    return rows if rows is not None else CampaignRows([campaign])
