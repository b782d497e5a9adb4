"""An Excel workbook (.xlsx) uploaded instead of a CSV file, read as the CSV text of its sheet.

Owners open a shop's or Google Analytics' export in Excel and save it as a workbook, or keep
their numbers in one. The sheet Excel shows on opening (the one that was open when it was
saved) becomes CSV text, one line per sheet row, blank rows kept, so every message still
names the row the owner sees, and everything after it reads the text as it reads any
upload. Cells are written as plain text the readers of ``kpis.cells`` take: a date as
2026-11-14 (a time after it when it has one), a number as typed without its display format
(a currency sign, thousands), a percentage as 12.5%, a formula as the value Excel last
worked out.

A workbook is a zip of XML: its size unzipped (in all and per part read whole), the sheets
it lists, its rows, columns and text are bounded before and while it is read, and its XML
is parsed with defusedxml (openpyxl uses it when installed).
"""

import csv
import io
import re
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from defusedxml import ElementTree
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from accounts.formatting import format_whole, megabytes

SIGNATURE = b"PK\x03\x04"
# Unzipped, a real workbook is at most some ten times its size; a zip bomb, thousands. Each
# of the parts openpyxl reads whole is bounded on its own.
EXPANSION = 25
MIN_UNZIPPED_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = {
    "xl/workbook.xml": 1024 * 1024,
    "xl/styles.xml": 5 * 1024 * 1024,
    "xl/sharedStrings.xml": 30 * 1024 * 1024,
}
# Where a workbook keeps its sheets: each listed sheet is opened (read until its size is
# found) when the workbook is, so a list naming one part many times is refused.
SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/", "xl/macrosheets/")
# More rows than any export within the upload limit has (blank rows count: Excel shows them).
MAX_ROWS = 200_000
WORKBOOK_PART = "xl/workbook.xml"
# Parts of a number format shown as they are, not as a percentage: "%" in quotes or after \\.
SHOWN_AS_TYPED = re.compile(r'"[^"]*"|\\.')


COULD_NOT_OPEN = gettext_lazy(
    "We could not open this Excel workbook (it may be damaged). In Excel, choose File → Save as "
    "→ “CSV UTF-8 (comma delimited)” and upload that."
)


class UnreadableWorkbook(ValueError):
    """The workbook cannot be read; the message says why, in plain words."""


def is_workbook(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


def sheet_text(data: bytes, *, max_characters: int, max_columns: int) -> tuple[str, str]:
    """(CSV text of the workbook's open sheet, how it was read in words). Its columns are
    separated by commas, whatever its cells hold (pass ``","`` to ``read_table``)."""
    check_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        active = workbook.active  # none open, or a chart: the first sheet of cells
        sheet = active if isinstance(active, ReadOnlyWorksheet) else workbook.worksheets[0]
        if not isinstance(sheet, ReadOnlyWorksheet):
            raise ValueError("not a sheet of cells")  # told as a workbook we could not open
        # The size a sheet declares may be wrong (too small: rows left out; too wide: each row
        # padded to it): read the rows it has, and only as many columns as we take.
        sheet.reset_dimensions()
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        for number, row in enumerate(sheet.iter_rows(max_col=max_columns + 1), start=1):
            if number > MAX_ROWS:
                raise UnreadableWorkbook(
                    _("The sheet “%(sheet)s” has more than %(limit)s rows. Is it the right file?")
                    % {"sheet": sheet.title, "limit": format_whole(MAX_ROWS)}
                )
            # Each row comes padded to the columns asked for, with cells the sheet does not
            # hold: those right of its last cell are not read.
            width = len(row)
            while width and row[width - 1] is EMPTY_CELL:
                width -= 1
            cells = [cell_text(cell.value, cell.number_format) for cell in row[:width]]
            while cells and not cells[-1]:
                cells.pop()
            if len(cells) > max_columns:
                raise UnreadableWorkbook(
                    _(
                        "Row %(row)s has more than %(limit)s columns; we read files of up to "
                        "%(limit)s. Is it the right file?"
                    )
                    % {"row": number, "limit": max_columns}
                )
            writer.writerow(cells)
            if text.tell() > max_characters:
                raise UnreadableWorkbook(
                    _(
                        "The sheet “%(sheet)s” holds more than %(limit)s MB of text; we read "
                        "sheets of up to that. Is it the right file?"
                    )
                    % {"sheet": sheet.title, "limit": megabytes(max_characters)}
                )
        title = sheet.title
        workbook.close()
    except UnreadableWorkbook:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged or odd workbook
        raise UnreadableWorkbook(COULD_NOT_OPEN) from error
    how = _("the sheet “%(sheet)s” of an Excel workbook") % {"sheet": title}
    return text.getvalue(), how


def check_size(data: bytes) -> None:
    """Refuses, before it is opened, a zip that is no workbook, or one that would take more
    memory or time than a real export once unzipped."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        sizes = {member.filename: member.file_size for member in archive.infolist()}
        listed = (
            archive.read(WORKBOOK_PART)
            if WORKBOOK_PART in sizes and sizes[WORKBOOK_PART] <= MAX_PART_BYTES[WORKBOOK_PART]
            else b""
        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise UnreadableWorkbook(
            _(
                "This looks like an Excel workbook (.xlsx) or another zipped file, but it is "
                "damaged and cannot be opened. In Excel, choose File → Save as → “CSV UTF-8 "
                "(comma delimited)” and upload that."
            )
        ) from error
    if WORKBOOK_PART not in sizes:
        raise UnreadableWorkbook(
            _(
                "This zipped file is not a CSV file or an Excel workbook (.xlsx): it may be a "
                "Numbers, OpenDocument or binary Excel (.xlsb) spreadsheet, or a .zip. Save the "
                "sheet as “CSV UTF-8” or as an Excel workbook (.xlsx), or unzip it and upload "
                "the CSV file inside."
            )
        )
    try:
        sheets = sheet_count(listed) if listed else 0
    except (ElementTree.ParseError, ValueError) as error:  # defusedxml's refusals included
        raise UnreadableWorkbook(COULD_NOT_OPEN) from error
    limit = min(MAX_UNZIPPED_BYTES, max(MIN_UNZIPPED_BYTES, EXPANSION * len(data)))
    too_large = sum(sizes.values()) > limit or any(
        sizes.get(part, 0) > most for part, most in MAX_PART_BYTES.items()
    )
    parts = sum(1 for name in sizes if name.startswith(SHEET_FOLDERS) and name.count("/") == 2)
    if too_large or sheets > parts:
        raise UnreadableWorkbook(
            _(
                "This workbook is far larger once opened than a real export. Save the sheet "
                "you want as CSV and upload that."
            )
        )


def sheet_count(workbook_xml: bytes) -> int:
    """How many sheets the workbook lists (each is opened when the workbook is)."""
    root = ElementTree.fromstring(workbook_xml)
    return sum(1 for element in root.iter() if element.tag.rsplit("}", 1)[-1] == "sheet")


def cell_text(value: object, number_format: str | None) -> str:
    """A cell's value as the text a CSV file of the sheet would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        minutes, seconds = divmod(round(value.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    if isinstance(value, int | float):
        # Fifteen significant digits, as Excel shows a number (0.1 + 0.2 is 0.3).
        number = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
        if number_format and "%" in SHOWN_AS_TYPED.sub("", number_format):
            return f"{plain(number * 100)}%"
        return plain(number)
    return str(value)


def plain(number: Decimal) -> str:
    """12, 12.5, 0.00001: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text
