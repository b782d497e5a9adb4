"""The generic CSV file: date, KPI, value and optional influencer, with a column mapping."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kpis import importers
from kpis.importers import BadFile, MeasurementRow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
KPIS = {"new customers": 1, "customers": 1, "link clicks": 2, "clicks": 2}
INFLUENCERS = {"bristol bread lover": 10, "maya cooks clifton": 11}
MAPPING = {"date": "date", "kpi": "kpi", "value": "value", "influencer": "influencer"}
NO_INFLUENCER = {"date": "date", "kpi": "kpi", "value": "value"}
TODAY = datetime.date(2026, 11, 23)


def parse(text, mapping=MAPPING, automatic=()):
    return importers.parse_generic(text, mapping, KPIS, INFLUENCERS, automatic, today=TODAY)


def test_the_sample_file_reads_cleanly():
    text = importers.decode((SAMPLES / "generic_measurements.csv").read_bytes())

    result = parse(text)

    assert result.errors == []
    assert result.rows == [
        MeasurementRow(2, datetime.date(2026, 11, 9), 1, Decimal(6), 10),
        MeasurementRow(3, datetime.date(2026, 11, 9), 1, Decimal(2), 11),
        MeasurementRow(4, datetime.date(2026, 11, 16), 1, Decimal(5), None),
        MeasurementRow(5, datetime.date(2026, 11, 16), 2, Decimal(1204), None),
    ]


def test_columns_are_guessed_then_mapped_by_the_owner():
    header = importers.generic_header("When,Metric,Amount,Creator,Comment\n")
    assert importers.guess_mapping(header) == {
        "date": "When",
        "kpi": "Metric",
        "value": "Amount",
        "influencer": "Creator",
    }
    text = "Day;What happened;How many\n14/11/2026;Clicks;12\n"
    mapping = {"date": "Day", "kpi": "What happened", "value": "How many"}

    result = parse(text, mapping)

    assert result.rows == [MeasurementRow(2, datetime.date(2026, 11, 14), 2, Decimal(12))]


def test_every_bad_row_is_named_by_its_line_and_nothing_is_kept_back_silently():
    text = (
        "date,kpi,value,influencer\n"
        "2026-11-02,customers,3,\n"
        "2026-13-02,customers,3,\n"  # no 13th month
        "yesterday,customers,3,\n"
        "2026-11-02,Sales of cake,3,\n"
        "2026-11-02,customers,three,\n"
        "2026-11-02,customers,-2,\n"
        "2026-11-02,customers,4,Unknown Person\n"
        "2026-12-25,customers,4,\n"
        "\n"
        ",,,\n"
        "2026-11-03,,1,\n"
    )

    result = parse(text)

    assert [row.line for row in result.rows] == [2]
    assert dict(result.errors) == {
        3: "“2026-13-02” is not a date (use 2026-03-14, 14/03/2026 or 20260314)",
        4: "“yesterday” is not a date (use 2026-03-14, 14/03/2026 or 20260314)",
        5: "“Sales of cake” is not one of this campaign's KPIs",
        6: "“three” is not a number",
        7: "-2 is below zero",
        8: "“Unknown Person” is not an influencer on this campaign",
        9: "2026-12-25 is in the future",
        12: "the KPI is empty",
    }
    assert not result.ok


def test_several_problems_on_one_row_are_all_named():
    result = parse("date,kpi,value\nsoon,nothing,lots\n", NO_INFLUENCER)

    assert len(result.errors) == 1
    line, reason = result.errors[0]
    assert line == 2
    assert reason.count(";") == 2


def test_kpis_counted_by_the_app_are_refused():
    result = parse(
        "date,kpi,value\n2026-11-02,Link clicks,40\n", NO_INFLUENCER, automatic={"link clicks"}
    )

    assert result.errors == [
        (2, "“Link clicks” is counted for you by the app; leave it out of the file")
    ]


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1,234", 1234),
        ("1,234.50", Decimal("1234.50")),
        ("12,5", Decimal("12.5")),
        ("1 234", 1234),
        ("£24.99", Decimal("24.99")),
        ("1.234,50", Decimal("1234.50")),
    ],
)
def test_numbers_with_thousands_separators(value, number):
    assert importers.parse_number(value) == Decimal(number)


@pytest.mark.parametrize("value", ["", "abc", "1,2,3", "12.5.6", "--3"])
def test_not_numbers(value):
    assert importers.parse_number(value) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03-14", datetime.date(2026, 3, 14)),
        ("14/03/2026", datetime.date(2026, 3, 14)),
        ("4/3/2026", datetime.date(2026, 3, 4)),
        ("20260314", datetime.date(2026, 3, 14)),
        ("2026-03-14 10:15:22 +0000", datetime.date(2026, 3, 14)),
    ],
)
def test_dates_in_the_accepted_formats(value, day):
    assert importers.parse_date(value) == day


@pytest.mark.parametrize("value", ["", "03/14/2026", "31/02/2026", "March 14", "2026/03/14"])
def test_dates_in_other_formats_are_refused(value):
    assert importers.parse_date(value) is None


class TestBadFiles:
    def test_an_empty_file(self):
        with pytest.raises(BadFile, match="empty"):
            importers.decode(b"")
        with pytest.raises(BadFile, match="empty"):
            importers.decode(b"\xef\xbb\xbf  \n\n")

    def test_a_file_that_is_not_utf8_text(self):
        with pytest.raises(BadFile, match="CSV UTF-8"):
            importers.decode("date,kpi,value\n2026-11-02,Café,3\n".encode("cp1252"))

    def test_a_spreadsheet_uploaded_instead_of_csv(self):
        with pytest.raises(BadFile):
            importers.decode(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe")

    def test_a_file_too_large(self):
        with pytest.raises(BadFile, match="too large"):
            importers.decode(b"x" * 2048, max_bytes=1024)

    def test_the_byte_order_mark_is_ignored(self):
        text = importers.decode("\ufeffdate,kpi,value\n2026-11-02,customers,3\n".encode())
        assert importers.generic_header(text) == ["date", "kpi", "value"]

    def test_a_mapped_column_missing_from_the_file_is_named(self):
        with pytest.raises(BadFile, match="“value”"):
            parse("date,kpi,amount\n2026-11-02,customers,3\n")

    def test_a_required_field_left_unmapped(self):
        with pytest.raises(BadFile, match="value"):
            parse("date,kpi,value\n2026-11-02,customers,3\n", {"date": "date", "kpi": "kpi"})

    def test_column_names_but_no_rows(self):
        with pytest.raises(BadFile, match="no rows"):
            parse("date,kpi,value\n", NO_INFLUENCER)

    def test_an_unclosed_quote_is_reported_with_a_line(self):
        result = parse(
            'date,kpi,value\n2026-11-02,"customers,3\n2026-11-03,customers,4\n', NO_INFLUENCER
        )
        assert result.rows == []
        assert [line for line, _reason in result.errors] == [2]
