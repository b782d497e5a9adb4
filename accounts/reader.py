"""The one file reader for every import (a campaign's numbers and the influencer roster).

Bytes in, a ``Table`` out: the text decoded (UTF-8 with or without a byte-order mark, UTF-16
as Excel's "Unicode Text" and Meta Business Suite write it, else Windows-1252 or Mac Roman),
the separator sniffed among comma, semicolon and tab, any line ending, quoted cells with line
breaks, comment lines (Google Analytics' ``#`` preamble, also when Excel padded it with
separators) kept apart. Every record carries the **spreadsheet row** the owner sees in Excel:
one row per record, however many lines its cells span, blank rows counted.

An Excel workbook (.xlsx) is read as the CSV text of its open sheet (``accounts.workbooks``).
Shapes no real export has (hundreds of columns, giant lines, binary data) are refused before
any expensive work. Reading the values in the cells (numbers, dates) is ``kpis.cells``.
"""

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import charset_normalizer
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import workbooks
from accounts.formatting import format_whole, megabytes

MAX_COLUMNS = 300
MAX_LINE_CHARACTERS = 100_000
DELIMITERS = (",", ";", "\t")
# What the upload fields offer to choose: text files and Excel workbooks.
WORKBOOK_AND_TEXT_FILES = (
    ".csv,.txt,.tsv,.xlsx,text/csv,"
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
EXCEL_SEPARATOR = re.compile(r"\"?sep=([,;\t])\"?[,;\t]*(?:\r\n|\r|\n)", re.IGNORECASE)

# What an owner's file may be instead of text, by its first bytes (an Excel workbook is read:
# ``accounts.workbooks``).
BINARY_SIGNATURES = {
    # Excel also wraps a workbook protected by a password in this old format.
    b"\xd0\xcf\x11\xe0": gettext_lazy(
        "This is an old Excel workbook (.xls), or a workbook protected by a password, not a "
        "CSV file. In Excel, remove the password if it has one, then choose File → Save as → "
        "“CSV UTF-8 (comma delimited)” and upload that."
    ),
    b"%PDF": gettext_lazy("This is a PDF document, not a CSV file."),
}
# Encodings tried when a file is not UTF-8, with the words the preview uses for them.
FALLBACK_ENCODINGS = {
    "cp1252": gettext_lazy("Windows-1252 (as Excel on Windows saves “CSV”)"),
    "mac_roman": gettext_lazy("Mac Roman (as older Excel for Mac saves “CSV”)"),
}
UTF16_LABEL = gettext_lazy("UTF-16 (as Excel saves “Unicode Text”)")


class BadFile(ValueError):
    """The file as a whole cannot be read; the message says why, in plain words."""


class Record(NamedTuple):
    row: int  # the spreadsheet row, 1 being the first
    cells: list[str]


@dataclass
class Table:
    records: list[Record]  # rows with something in them, comment rows left out
    comments: list[str] = field(default_factory=list)  # comment lines' text, "#" included
    encoding: str = ""  # how the text was read, in words, when it was not UTF-8
    delimiter: str = ","
    workbook: bool = False  # read from an Excel workbook's sheet (``encoding`` names it)

    @property
    def header(self) -> list[str]:
        return self.records[0].cells if self.records else []

    @property
    def decimal_comma(self) -> bool:
        """Files separated by semicolons come from countries writing 12,5 for twelve and a half."""
        return self.delimiter == ";"


class Decoded(NamedTuple):
    text: str
    how: str  # how it was read, in words: its encoding ("" for UTF-8), or the workbook's sheet
    delimiter: str | None = None  # known (a workbook's text: commas), else for read_table to tell


def decode(data: bytes, *, max_bytes: int | None = None) -> Decoded:
    """The text of an upload's bytes, or an Excel workbook's open sheet as CSV text; BadFile
    when it is neither."""
    max_bytes = settings.MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise BadFile(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {"size": megabytes(len(data)), "limit": megabytes(max_bytes)}
        )
    if workbooks.is_workbook(data):
        try:
            # Its text is bounded as a CSV file's bytes are.
            text, sheet = workbooks.sheet_text(
                data, max_characters=max_bytes, max_columns=MAX_COLUMNS
            )
            return Decoded(text, sheet, delimiter=",")
        except workbooks.UnreadableWorkbook as error:
            raise BadFile(str(error)) from error
    for signature, message in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise BadFile(str(message))
    text, label = _decoded(data)
    if "\0" in text or _mostly_control_characters(text):
        raise BadFile(_("This does not look like a CSV file: it contains binary data."))
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise BadFile(_("The file is empty."))
    return Decoded(text, label)


def _decoded(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), str(UTF16_LABEL)
    head = data[:4096]
    if head and head.count(0) > len(head) // 4:
        # UTF-16 without its byte-order mark: every other byte of plain text is zero.
        odd_zeros = head[1::2].count(0) > head[0::2].count(0)
        return _strict(data, "utf-16-le" if odd_zeros else "utf-16-be"), str(UTF16_LABEL)
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:65536], cp_isolation=list(FALLBACK_ENCODINGS)).best()
    order = list(FALLBACK_ENCODINGS)
    if best is not None and best.encoding in order:
        order.remove(best.encoding)
        order.insert(0, best.encoding)
    for encoding in order:
        try:
            return data.decode(encoding), str(FALLBACK_ENCODINGS[encoding])
        except UnicodeDecodeError:
            continue
    raise BadFile(_("We could not read this file as text. Save it as “CSV UTF-8” and upload it."))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise BadFile(
            _("This file is damaged: some of its text cannot be read (byte %(position)s).")
            % {"position": error.start}
        ) from error


def _mostly_control_characters(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for char in sample if char < " " and char not in "\t\r\n")
    return controls > len(sample) // 100


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the first line that is not a comment holds most of
    (a comma when none)."""
    for line in io.StringIO(text, newline=""):
        stripped = line.strip()
        if stripped and not _is_comment_text(stripped):
            counts = {delimiter: line.count(delimiter) for delimiter in DELIMITERS}
            best = max(counts, key=lambda delimiter: counts[delimiter])
            return best if counts[best] else ","
    return ","


def _is_comment_text(text: str) -> bool:
    return text.lstrip('"').startswith("#")


def read_table(
    data: bytes | str,
    *,
    max_bytes: int | None = None,
    comments: bool | None = None,
    delimiter: str | None = None,
) -> Table:
    """The ``Table`` of an upload (bytes) or of text already decoded (with its ``delimiter``
    when ``decode`` knew it: a workbook's text may have a semicolon in its first cell).

    ``comments``: whether rows starting with ``#`` are comments. By default they are when the
    file opens with one (as Google Analytics files do); an order number such as ``#1001`` in
    the first column of a shop's export is not a comment.
    """
    workbook = isinstance(data, bytes) and workbooks.is_workbook(data)
    if isinstance(data, bytes):
        text, encoding, delimiter = decode(data, max_bytes=max_bytes)
    else:
        text, encoding = data.removeprefix("\ufeff"), ""
        if not text.strip():
            raise BadFile(_("The file is empty."))
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE_CHARACTERS:
        raise BadFile(
            _(
                "A line of this file is %(length)s characters long; real exports stay under "
                "%(limit)s. Is it the right file?"
            )
            % {"length": format_whole(longest), "limit": format_whole(MAX_LINE_CHARACTERS)}
        )
    if delimiter is None:
        if hint := EXCEL_SEPARATOR.match(text):
            # Excel's "sep=," first line (Meta Business Suite writes it) says the separator.
            delimiter, text = hint.group(1), text[hint.end() :]
        else:
            delimiter = sniff_delimiter(text)
    if comments is None:
        comments = _is_comment_text(text.lstrip())
    table = Table(records=[], encoding=encoding, delimiter=delimiter, workbook=workbook)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row = 0
    try:
        for row, cells in enumerate(reader, start=1):
            if len(cells) > MAX_COLUMNS:
                raise BadFile(
                    _(
                        "Row %(row)s has %(count)s columns; we read files of up to %(limit)s. "
                        "Is it the right file?"
                    )
                    % {"row": row, "count": format_whole(len(cells)), "limit": MAX_COLUMNS}
                )
            cells = list(map(str.strip, cells))
            while cells and not cells[-1]:
                cells.pop()  # the empty columns Excel adds to the right
            if not cells:
                continue
            if comments and cells[0].lstrip('"').startswith("#"):
                table.comments.append(delimiter.join(cells))
                continue
            table.records.append(Record(row, cells))
    except csv.Error as error:
        raise BadFile(
            _("Row %(row)s cannot be read as CSV (%(error)s).") % {"row": row + 1, "error": error}
        ) from error
    if not table.records:
        raise BadFile(
            _("The file has no rows, only comments.") if table.comments else _("The file is empty.")
        )
    return table


def header_positions(header: Sequence[str]) -> dict[str, int]:
    """{normalised column name: position}; the first of two columns with the same name wins."""
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(normalised(name), index)
    return positions


def normalised(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def cell(cells: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]
