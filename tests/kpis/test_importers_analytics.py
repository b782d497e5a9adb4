"""Google Analytics exports: '#' comment lines, sessions by date or by source / medium."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kpis import importers
from kpis.importers import BY_DATE, BY_SOURCE, BadFile, VisitRow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SOURCES = {"bristol-bread-lover": 10, "maya-cooks-clifton": 11, "sams-bristol-eats": 12}
COMMENTS = (
    "# ----------------------------------------\n"
    "# Traffic acquisition: Session source / medium\n"
    "# ----------------------------------------\n"
    "#\n"
    "# Start date: 20261102\n"
    "# End date: 20261122\n"
    "# ----------------------------------------\n"
    "\n"
)


def sample(name):
    return importers.decode((SAMPLES / name).read_bytes())


def test_sessions_by_source_go_to_the_matching_influencers():
    kind, result = importers.parse_analytics(sample("ga4_sessions_by_source.csv"), SOURCES)

    end = datetime.date(2026, 11, 22)
    assert kind == BY_SOURCE
    assert result.errors == []
    assert result.rows == [
        VisitRow(15, end, Decimal(318), 10),
        VisitRow(16, end, Decimal(164), 11),
        VisitRow(18, end, Decimal(22), 12),
    ]


def test_sessions_by_date():
    kind, result = importers.parse_analytics(sample("ga4_sessions_by_date.csv"), SOURCES)

    assert kind == BY_DATE
    assert result.errors == []
    assert len(result.rows) == 21
    first = result.rows[0]
    assert (first.line, first.date, first.influencer_id) == (13, datetime.date(2026, 11, 2), None)


def test_bad_rows_by_line_number_counting_the_comment_lines():
    text = COMMENTS + "Date,Sessions\n20261102,1,204\n20261131,40\n20261104,many\n"

    # The unquoted "1,204" gives the row an extra cell: the sessions column reads "1".
    _kind, result = importers.parse_analytics(text, SOURCES)

    assert [row.sessions for row in result.rows] == [Decimal(1)]
    assert [line for line, _reason in result.errors] == [11, 12]
    assert "“20261131” is not a date" in result.errors[0][1]
    assert "“many” is not a number of sessions" in result.errors[1][1]


def test_only_the_first_table_is_read():
    text = COMMENTS + "Date,Sessions\n20261102,10\n\n# Totals\nDate,Sessions\nTotal,10\n"

    _kind, result = importers.parse_analytics(text, SOURCES)

    assert [row.sessions for row in result.rows] == [Decimal(10)]
    assert result.errors == []


def test_a_source_report_without_its_dates_is_refused():
    with pytest.raises(BadFile, match="End date"):
        importers.parse_analytics("Session source / medium,Sessions\nx / y,3\n", SOURCES)


def test_a_source_report_where_no_source_is_an_influencer_says_so():
    text = COMMENTS + "Session source / medium,Sessions\ngoogle / organic,300\n"

    _kind, result = importers.parse_analytics(text, SOURCES)

    assert result.rows == [] and result.errors == []
    assert "no source in this file matches" in result.notes[0][1]


def test_a_file_of_comments_only():
    with pytest.raises(BadFile, match="no table"):
        importers.parse_analytics(COMMENTS, SOURCES)


def test_another_kind_of_file_is_refused_with_what_was_expected():
    with pytest.raises(BadFile, match="Session source / medium"):
        importers.parse_analytics("Page path,Views\n/home,30\n", SOURCES)


def test_a_missing_sessions_column_is_named():
    with pytest.raises(BadFile, match="“Sessions”"):
        importers.parse_analytics(COMMENTS + "Date,Users\n20261102,4\n", SOURCES)
