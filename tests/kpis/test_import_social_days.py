"""Per-day account insights (Meta Business Suite, TikTok Studio's Overview and Follower
History, YouTube Studio's Chart data), as the platforms write them and as Excel saves them
again: each day's views or reach, engagement and followers; expected numbers come from the
records."""

import datetime

import pytest

from accounts import reader
from kpis import sources

from . import exports
from .import_context import INFLUENCERS, campaign_context

KPIS = {"reach": 106, "engagement": 107, "followers": 103}


def read(data, mapping=None, **context):
    table = reader.read_table(data)
    source = sources.recognise(table)
    return source, source.read(
        table, campaign_context(kpis_by_kind=KPIS, **context), mapping=mapping
    )


def by_day(result, part):
    return {row.date: getattr(row, part) for row in result.rows}


def meta(metric, variant):
    if variant == "as-meta-writes-it":
        return exports.meta_file(metric)
    header, rows, preamble = exports.meta_days(metric)
    # Excel reads the "sep=," line and does not write it back.
    return exports.render(header, rows, variant=variant, preamble=preamble[1:])


META_VARIANTS = ("as-meta-writes-it", *exports.VARIANTS)


@pytest.mark.parametrize("variant", META_VARIANTS)
@pytest.mark.parametrize(
    ("metric", "part", "record"),
    [("reach", "reach", "reach"), ("interactions", "engagement", "engagement")],
)
def test_meta_account_insights_one_number_per_file(variant, metric, part, record):
    source, result = read(meta(metric, variant))

    assert source.key == "meta_days"
    assert result.errors == []
    assert by_day(result, part) == exports.counted_days(part=record)
    assert {row.influencer_id for row in result.rows} == {None}  # the business's own account


def test_metas_follows_per_day_are_not_taken_for_followers():
    _source, result = read(meta("follows", "as-meta-writes-it"))

    assert result.rows == []
    assert any("new follows per day, not how many people follow" in fact for fact in result.facts)


TIKTOK_VARIANTS = {"as-tiktok-writes-it": exports.TIKTOK_WRITES} | {
    variant: {"variant": variant} for variant in exports.VARIANTS
}


@pytest.mark.parametrize("variant", TIKTOK_VARIANTS)
def test_tiktok_overview_days_without_a_year(variant):
    source, result = read(exports.render(*exports.tiktok_overview(), **TIKTOK_VARIANTS[variant]))

    assert source.key == "tiktok_overview"
    assert result.errors == []
    assert by_day(result, "engagement") == exports.counted_days(part="engagement")
    assert by_day(result, "reach") == exports.counted_days(part="views")
    assert any("without the year" in fact for fact in result.facts)
    assert any("before the campaign starts" in item.reason for item in result.left_out)


@pytest.mark.parametrize("variant", TIKTOK_VARIANTS)
def test_tiktok_follower_history_is_the_followers_each_day(variant):
    source, result = read(exports.render(*exports.tiktok_followers(), **TIKTOK_VARIANTS[variant]))

    assert source.key == "tiktok_overview"
    assert result.errors == []
    assert by_day(result, "followers") == exports.counted_days(part="followers")


@pytest.mark.parametrize("variant", exports.VARIANTS)
def test_youtube_chart_data_adds_up_the_videos_of_each_day(variant):
    source, result = read(exports.render(*exports.youtube_chart(), variant=variant))

    assert source.key == "youtube_chart"
    assert result.errors == []
    assert by_day(result, "engagement") == exports.counted_days(part="engagement")
    assert by_day(result, "reach") == exports.counted_days(part="views")


def test_an_influencers_account_gives_their_days_not_their_followers():
    maya = INFLUENCERS["Maya Cooks Clifton"]
    account = {"account": str(maya)}

    _source, followers = read(exports.render(*exports.tiktok_followers()), mapping=account)
    _source, overview = read(exports.render(*exports.tiktok_overview()), mapping=account)

    assert followers.rows == []
    assert any("not your business's followers" in fact for fact in followers.facts)
    assert {row.influencer_id for row in overview.rows} == {maya}
    assert by_day(overview, "engagement") == exports.counted_days(part="engagement")


def test_an_influencers_days_are_not_added_to_their_campaign_posts():
    maya = INFLUENCERS["Maya Cooks Clifton"]

    _source, result = read(
        exports.render(*exports.tiktok_overview()),
        mapping={"account": str(maya)},
        posted=frozenset({maya}),
    )

    assert result.rows == []
    assert any("posts in this campaign already count" in fact for fact in result.facts)


def test_the_days_are_readings_of_the_campaigns_kpis():
    table = reader.read_table(exports.render(*exports.tiktok_overview()))
    source = sources.get("tiktok_overview")
    context = campaign_context(kpis_by_kind=KPIS)
    result = source.read(table, context)

    readings = source.readings(result.rows, context)

    expected = {(107, day, n) for day, n in exports.counted_days(part="engagement").items()}
    expected |= {(106, day, n) for day, n in exports.counted_days(part="views").items()}
    assert {(kpi, day, value) for _row, kpi, day, value, _who in readings} == expected


def test_a_bad_count_names_its_spreadsheet_row_and_day():
    header, rows = exports.tiktok_overview()
    rows[2][3] = "lots"

    _source, result = read(exports.render(header, rows))

    assert result.errors == [(4, "November 3: Likes “lots” is not a count")]


def test_tiktok_video_days_without_a_year_are_the_latest_up_to_today():
    """Some versions of TikTok Studio's Content download (per video) write "November 12"."""
    data = (
        b"Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n"
        b"Best buns,https://www.tiktok.com/@mayacooks/video/7311234567890123456,November 12,"
        b'"1,2K",48,31,"18,400"\n'
    )
    source, result = read(
        data, today=datetime.date(2026, 12, 1), handles={("tiktok", "mayacooks"): 2}
    )

    assert source.key == "tiktok"
    assert result.errors == []
    assert any("without the year" in fact for fact in result.facts)
    [post] = result.rows
    assert (post.date, post.likes, post.views) == (datetime.date(2026, 11, 12), 1200, 18400)


def test_youtube_table_data_with_only_some_engagement_columns_gets_in():
    """YouTube Studio exports the columns the owner chose: views and likes, say."""
    data = (
        b"Content,Video title,Video publish time,Duration,Views,Average view duration,"
        b"Subscribers,Likes\n"
        b"Total,,,,2900,,12,140\n"
        b'dQw4w9WgXcQ,Sourdough at home,"Nov 11, 2026",612,2100,0:02:10,9,101\n'
        b'kJQP7kiw5Fk,Our bakery tour,"Nov 14, 2026",241,800,0:01:02,3,39\n'
    )

    source, result = read(data, handles={("youtube", "rosie"): 2})

    assert source.key == "youtube"
    assert result.errors == []
    assert [(row.views, row.likes, row.comments) for row in result.rows] == [
        (2100, 101, None),
        (800, 39, None),
    ]


@pytest.mark.parametrize("chosen", ["²", "99999999999999999999999", "abc"])
def test_an_account_choice_that_is_no_influencer_is_the_businesss_own(chosen):
    """ "²" passes str.isdigit() but is no number int() reads: never an error."""
    _source, result = read(exports.render(*exports.tiktok_overview()), mapping={"account": chosen})

    assert result.errors == []
    assert any("your business's own" in fact for fact in result.facts)
