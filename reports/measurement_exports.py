"""A campaign's readings as a CSV or XLSX file, written straight from the database rows.

Written without a django-tables2 table, which renders every cell one by one, and the XLSX
file as its few XML parts directly (a general workbook library spends most of its time on
features one plain sheet does not use): 100,000 readings export in seconds, not minutes.
"""

import csv
import datetime
import io
import re
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from accounts.spreadsheets import FORMULA_TRIGGERS, safe_cell
from kpis.catalogue import KPIKind, Source

HEADER = (
    _("Date"),
    _("What was measured"),
    _("Value"),
    _("Source"),
    _("Influencer"),
    _("Note"),
)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def measurement_rows(measurements, guard=safe_cell):
    """The header, then one list of cells per reading, owner text through ``guard`` (the CSV
    guard by default; the XLSX writer marks such text as text itself)."""
    yield [str(name) for name in HEADER]
    kinds = {kind.value: str(kind.label) for kind in KPIKind}
    sources = {source.value: str(source.label) for source in Source}
    rows = measurements.values_list(
        "date", "kpi__kind", "value", "source", "influencer__name", "note"
    )
    for day, kind, value, source, influencer, note in rows.iterator(chunk_size=5000):
        yield [
            day,
            kinds.get(kind, kind),
            value,
            sources.get(source, source),
            guard(influencer or ""),
            guard(note),
        ]


def export_response(measurements, export_format, filename):
    if export_format == "csv":
        rows = measurement_rows(measurements)
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so Excel reads the file as UTF-8
        csv.writer(buffer).writerows(
            [day.isoformat() if hasattr(day, "isoformat") else day, *rest] for day, *rest in rows
        )
        content = buffer.getvalue().encode()
    else:
        content = xlsx_bytes(measurement_rows(measurements, guard=str))
    response = HttpResponse(content, content_type=CONTENT_TYPES[export_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response


# The parts of the smallest workbook Excel, LibreOffice and Numbers open: one sheet, text
# inline, numbers as numbers, dates as dates (style 1: the built-in short date format).
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
XLSX_PARTS = {
    "[Content_Types].xml": (
        f'{XML}<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{SHEET_TYPE}.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        f'ContentType="{SHEET_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{SHEET_TYPE}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIP}">'
        '<sheets><sheet name="Measurements" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIP}/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELATIONSHIP}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        f'{XML}<styleSheet xmlns="{MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="3"><xf/><xf numFmtId="14" applyNumberFormat="1"/>'
        # Style 2: text marked "quote prefix", as Excel marks what is typed after an
        # apostrophe: a cell that looks like a formula shows as typed and stays text.
        '<xf quotePrefix="1" applyAlignment="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
EXCEL_EPOCH = datetime.date(1899, 12, 30)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_bytes(rows):
    """A one-sheet workbook of ``rows`` (text, numbers, dates)."""
    lines = [f'{XML}<worksheet xmlns="{MAIN}"><sheetData>']
    for row in rows:
        lines.append("<row>" + "".join(map(_xlsx_cell, row)) + "</row>")
    lines.append("</sheetData></worksheet>")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in XLSX_PARTS.items():
            archive.writestr(name, part)
        archive.writestr("xl/worksheets/sheet1.xml", "".join(lines))
    return output.getvalue()


def _xlsx_cell(value):
    if isinstance(value, datetime.date):
        return f'<c s="1"><v>{(value - EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, (int, float, Decimal)):
        return f"<c><v>{value}</v></c>"
    text = NOT_XML.sub("", str(value))
    style = ' s="2"' if text.startswith(FORMULA_TRIGGERS) else ""
    return f'<c t="inlineStr"{style}><is><t xml:space="preserve">{escape(text)}</t></is></c>'
