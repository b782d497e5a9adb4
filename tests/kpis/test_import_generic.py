"""The owner's own spreadsheet: one row per number, or a date column and one column per KPI;
dates and numbers as their country writes them."""

import datetime
from decimal import Decimal

import pytest

from accounts import reader
from kpis import sources
from kpis.sources.generic import guess_mapping

from . import exports
from .import_context import campaign_context

READINGS = (
    (datetime.date(2026, 11, 9), Decimal(6), Decimal(1260)),
    (datetime.date(2026, 11, 16), Decimal("2.5"), None),
    (datetime.date(2026, 11, 23), None, Decimal(1302)),
)


def read(data, mapping=None):
    table = reader.read_table(data)
    return sources.get("generic").read(table, campaign_context(), mapping=mapping)


@pytest.mark.parametrize("variant", exports.VARIANTS)
def test_the_wide_shape_one_column_per_kpi(variant):
    rows = [
        [day.strftime("%d/%m/%Y"), customers, followers, "till count"]
        for day, customers, followers in READINGS
    ]

    result = read(
        exports.render(["Date", "New customers", "Followers", "Note"], rows, variant=variant)
    )

    assert result.errors == []
    expected = {
        (day, kpi, value)
        for day, customers, followers in READINGS
        for kpi, value in ((101, customers), (103, followers))
        if value is not None
    }
    assert {(row.date, row.kpi_id, row.value) for row in result.rows} == expected


def test_one_row_per_number_with_a_bad_row_named_by_its_spreadsheet_row():
    data = (
        b"When;Metric;Amount;Creator\r\n09.11.2026;New customers;6;Bristol Bread Lover\r\n"
        b'16.11.2026;"Cakes\r\nsold";4;\r\n23.11.2026;New customers;1,5;\r\n'
    )
    table = reader.read_table(data)
    mapping = guess_mapping(table.header)

    result = sources.get("generic").read(table, campaign_context(), mapping=mapping)

    assert mapping == {"date": "When", "kpi": "Metric", "value": "Amount", "influencer": "Creator"}
    assert result.errors == [(3, "“Cakes\r\nsold” is not one of this campaign's KPIs")]
    assert [(row.row, row.value, row.influencer_id) for row in result.rows] == [
        (2, Decimal(6), 11),
        (4, Decimal("1.5"), None),
    ]
