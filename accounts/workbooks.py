"""An Excel workbook (.xlsx) uploaded instead of a CSV file, read as the CSV text of its sheet.

Owners open a shop's or Google Analytics' export in Excel and save it as a workbook, or keep
their numbers in one. The sheet Excel shows on opening (the one that was open when it was
saved) becomes CSV text, one line per sheet row, blank rows kept, so every message still
names the row the owner sees, and everything after it reads the text as it reads any
upload. Cells are written as plain text the readers of ``kpis.cells`` take: a date as
2026-11-14 (a time after it when it has one), a number as typed without its display format
(a currency sign, thousands), a percentage as 12.5%, a formula as the value Excel last
worked out.

A workbook is a zip of XML: its declared size unzipped, its sheet's text and its columns
are bounded before and while it is read, and its XML is parsed with defusedxml (openpyxl
uses it when installed).
"""

import csv
import io
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from accounts.formatting import format_whole

SIGNATURE = b"PK\x03\x04"
# Unzipped, a workbook's XML is some ten times its size; more than this is no real export.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024


class UnreadableWorkbook(ValueError):
    """The workbook cannot be read; the message says why, in plain words."""


def is_workbook(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


def sheet_text(data: bytes, *, max_characters: int, max_columns: int) -> tuple[str, str]:
    """(CSV text of the workbook's open sheet, how it was read in words)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unzipped = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise UnreadableWorkbook(
            _(
                "This looks like an Excel workbook (.xlsx) or another zipped file, but it is "
                "damaged and cannot be opened. In Excel, choose File → Save as → “CSV UTF-8 "
                "(comma delimited)” and upload that."
            )
        ) from error
    if "xl/workbook.xml" not in names:
        raise UnreadableWorkbook(
            _(
                "This is a zipped file, not a CSV file or an Excel workbook. Unzip it and "
                "upload the CSV file inside."
            )
        )
    if unzipped > MAX_UNZIPPED_BYTES:
        raise UnreadableWorkbook(
            _("This workbook is too large once opened. Save the sheet as CSV and upload that.")
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        active = workbook.active  # none open, or a chart: the first sheet of cells
        sheet = active if isinstance(active, ReadOnlyWorksheet) else workbook.worksheets[0]
        if not isinstance(sheet, ReadOnlyWorksheet):
            raise ValueError("not a sheet of cells")  # told as a workbook we could not open
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = [cell_text(cell.value, cell.number_format) for cell in row]
            while cells and not cells[-1]:
                cells.pop()  # the sheet's width is its widest row's, or what it declares
            if len(cells) > max_columns:
                raise UnreadableWorkbook(
                    _(
                        "Row %(row)s has %(count)s columns; we read files of up to %(limit)s. "
                        "Is it the right file?"
                    )
                    % {"row": number, "count": format_whole(len(cells)), "limit": max_columns}
                )
            writer.writerow(cells)
            if text.tell() > max_characters:
                raise UnreadableWorkbook(
                    _(
                        "The sheet “%(sheet)s” holds more than %(limit)s characters of text; "
                        "we read sheets of up to that. Is it the right file?"
                    )
                    % {"sheet": sheet.title, "limit": format_whole(max_characters)}
                )
        title = sheet.title
        workbook.close()
    except UnreadableWorkbook:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged or odd workbook
        raise UnreadableWorkbook(
            _(
                "We could not open this Excel workbook (it may be damaged or password "
                "protected). In Excel, choose File → Save as → “CSV UTF-8 (comma delimited)” "
                "and upload that."
            )
        ) from error
    how = _("the sheet “%(sheet)s” of an Excel workbook") % {"sheet": title}
    return text.getvalue(), how


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
        if number_format and "%" in number_format:
            return f"{plain(number * 100)}%"
        return plain(number)
    return str(value)


def plain(number: Decimal) -> str:
    """12, 12.5, 0.00001: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text
