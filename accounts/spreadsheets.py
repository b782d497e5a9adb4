"""Spreadsheet-safe cells for every CSV or XLSX file the site writes.

Lives at the bottom of the import chain so that every app can use it.
"""

import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
# return, may shift it into one), so a name such as "=HYPERLINK(...)" could run on opening.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may start a new cell inside one of our CSV cells: a semicolon (the
# separator where the decimal mark is a comma) or a tab. A formula may not follow either.
CELL_BREAK_THEN_FORMULA = re.compile(r"([;\t])(?=[=+\-@])")


def safe_cell(value: object) -> object:
    """A CSV cell: text that could start a formula, at its start or after a semicolon or tab,
    gets an apostrophe there; everything else is unchanged (numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = CELL_BREAK_THEN_FORMULA.sub(r"\1'", value)
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def xlsx_bytes(*, headers: Sequence[Any], rows: Iterable[Sequence[Any]], title: str = "") -> bytes:
    """An XLSX workbook of one sheet. Text is stored as text, never as a formula, and text
    that looks like one is marked "quote prefix", as Excel marks what is typed after an
    apostrophe: it shows as typed, with no apostrophe, and stays text when edited."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = re.sub(r"[\\/*?:\[\]]", " ", title or "Export")[:31]
    bold = Font(bold=True)
    for line, values in enumerate([headers, *rows], start=1):
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(row=line, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
                cell.quotePrefix = value.startswith(FORMULA_TRIGGERS)
            if line == 1:
                cell.font = bold
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
