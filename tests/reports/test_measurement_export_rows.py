"""The measurements workbook written part by part: dates as dates, numbers as numbers, text
safe and valid XML whatever the owner typed."""

import datetime
import io
from decimal import Decimal

import openpyxl

from reports.measurement_exports import xlsx_bytes


def test_a_workbook_of_dates_numbers_and_awkward_text():
    rows = [
        ["Date", "Value", "Note"],
        [datetime.date(2026, 11, 14), Decimal("12.50"), "<b>Tom & Jerry</b>\x01\x0b"],
        [datetime.date(2027, 1, 1), 3, "'=SUM(1)"],
    ]

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(rows))).active

    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [
        ["Date", "Value", "Note"],
        [datetime.datetime(2026, 11, 14), 12.5, "<b>Tom & Jerry</b>"],
        [datetime.datetime(2027, 1, 1), 3, "'=SUM(1)"],
    ]
