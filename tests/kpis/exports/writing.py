"""Writing an export file as a product writes it, or as Excel saves it again; the campaign
the invented records belong to."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
CAMPAIGN_START = datetime.date(2026, 11, 1)
CAMPAIGN_END = datetime.date(2026, 11, 30)
PARTNERS = {"BREADLOVER": "Bristol Bread Lover", "MAYA10": "Maya Cooks Clifton"}


def render(header, rows, *, variant="plain", preamble=(), quote_all=False):
    """Bytes of a file as the product writes it (``plain``: UTF-8, commas, LF, the comment
        lines bare) or as Excel saves it again: ``bom`` (CSV UTF-8: BOM, CRLF, comment lines
        padded with commas), ``cp1252`` (CSV on Windows), ``semicolon`` (CSV in countries with a
        decimal comma), ``utf16`` (Unicode Text: UTF-16 with BOM, tabs), ``utf16_de`` (the same
    from a German Excel: decimal commas, and whole numbers grouped with points, 9.100: nothing in
    a tab-separated file says which mark is which). ``quote_all``: every
        cell in quotes, as TikTok and Meta write them (Excel drops them when it saves again)."""
    delimiter = {"semicolon": ";", "utf16": "\t", "utf16_de": "\t"}.get(variant, ",")
    decimal = "," if variant in ("semicolon", "utf16_de") else "."
    grouped = variant == "utf16_de"
    newline = "\n" if variant == "plain" else "\r\n"
    width = len(header)
    buffer = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all and variant == "bom" else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    for line in preamble:
        if variant == "plain":
            buffer.write(line + newline)
        else:
            writer.writerow([line] + [""] * (width - 1))
    writer.writerow(header)
    for row in rows:
        writer.writerow([_format(value, decimal, grouped=grouped) for value in row])
    text = buffer.getvalue()
    encoding = {
        "bom": "utf-8-sig",
        "cp1252": "cp1252",
        "utf16": "utf-16",
        "utf16_de": "utf-16",
    }.get(variant, "utf-8")
    return text.encode(encoding)


VARIANTS = ("plain", "bom", "cp1252", "semicolon", "utf16")


def _format(value, decimal, *, grouped=False):
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", decimal)
    if grouped and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return "" if value is None else str(value)
