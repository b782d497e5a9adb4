"""Google Analytics downloads in every layout and interface language, and as Excel saves them
again: visits per influencer per day; other sources left out and listed."""

import datetime
from decimal import Decimal

import pytest

from accounts import reader
from kpis import sources

from . import exports
from .import_context import INFLUENCERS, campaign_context


def read(data, **context):
    table = reader.read_table(data)
    source = sources.recognise(table)
    return source, source.read(table, campaign_context(**context))


def visits_by_day(result):
    names = {pk: name for name, pk in INFLUENCERS.items()}
    return {(row.date, names[row.influencer_id]): row.sessions for row in result.rows}


@pytest.mark.parametrize("variant", [*exports.VARIANTS, "utf16_de"])
@pytest.mark.parametrize("language", exports.GA4_NAMES)
def test_source_medium_with_a_date_dimension_counts_per_influencer_per_day(language, variant):
    header, rows, preamble = exports.ga4_source_by_date(language)
    data = exports.render(header, rows, variant=variant, preamble=preamble)

    source, result = read(data)

    assert source.key == "analytics"
    assert result.errors == []
    assert visits_by_day(result) == {
        key: Decimal(value) for key, value in exports.influencer_visits().items()
    }


def test_unmatched_sources_are_listed_and_the_second_table_named():
    header, rows, preamble = exports.ga4_source_by_date()

    _source, result = read(exports.render(header, rows, preamble=preamble))

    facts = " ".join(result.facts)
    assert "google / organic (1,240)" in facts
    assert "(direct) / (none) (611)" in facts
    assert "holds 2 tables" in facts


def test_by_source_without_dates_is_dated_the_reports_last_day():
    header = ["Session source / medium", "Sessions"]
    rows = [["bristol-bread-lover / influencer", "1,318"], ["google / organic", "50"]]
    preamble = exports.ga4_preamble(
        "en", start=datetime.date(2026, 11, 2), end=datetime.date(2026, 11, 22)
    )

    _source, result = read(exports.render(header, rows, variant="bom", preamble=preamble))

    assert visits_by_day(result) == {
        (datetime.date(2026, 11, 22), "Bristol Bread Lover"): Decimal(1318)
    }


def test_by_date_alone_is_the_whole_site_and_says_so():
    header = ["Date", "Sessions"]
    rows = [["20261102", 95], ["20261103", 88], ["20261001", 70]]
    preamble = exports.ga4_preamble(
        "en", start=datetime.date(2026, 10, 1), end=datetime.date(2026, 11, 3)
    )

    _source, result = read(exports.render(header, rows, preamble=preamble))

    assert [(row.date, row.sessions, row.influencer_id) for row in result.rows] == [
        (datetime.date(2026, 11, 2), 95, None),
        (datetime.date(2026, 11, 3), 88, None),
    ]
    assert any("whole website" in fact for fact in result.facts)
    assert [item.row for item in result.left_out] == [len(preamble) + 4]


def test_universal_analytics_source_medium():
    data = (
        b"# ----------------------------------------\n# All Web Site Data\n# Source / Medium\n"
        b"# 20261101-20261130\n# ----------------------------------------\n\n"
        b"Source / Medium,Users,New Users,Sessions,Bounce Rate\n"
        b'maya-cooks-clifton / influencer,40,38,"1,052",40.00%\ngoogle / organic,9,9,12,10%\n'
    )

    source, result = read(data)

    assert source.key == "ga_universal"
    assert visits_by_day(result) == {
        (datetime.date(2026, 11, 30), "Maya Cooks Clifton"): Decimal(1052)
    }


def test_a_campaign_without_a_visits_kpi_is_told_so():
    header, rows, preamble = exports.ga4_source_by_date()
    with pytest.raises(reader.BadFile, match="does not track website visits"):
        read(exports.render(header, rows, preamble=preamble), kpis_by_kind={})


def test_a_bad_row_is_named_by_its_spreadsheet_row_source_and_date():
    header, rows, preamble = exports.ga4_source_by_date()
    rows[2][2] = "lots"  # the second visit after the Grand total row

    _source, result = read(exports.render(header, rows, variant="bom", preamble=preamble))

    visit = exports.VISITS[1]
    assert result.errors == [
        (
            len(preamble) + 1 + 3,
            f"{visit.source} · {visit.date:%Y%m%d}: “lots” is not a number of sessions",
        )
    ]


def test_a_totals_row_without_a_label_is_not_a_day():
    """Universal Analytics' Audience → Overview by day ends with the total under no label."""
    data = b"Day Index,Sessions\n2026-11-10,120\n2026-11-11,95\n,215\n"

    source, result = read(data)

    assert source.key == "ga_universal"
    assert result.errors == []
    assert sum(row.sessions for row in result.rows) == 215
