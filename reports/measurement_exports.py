"""A campaign's readings as a CSV or XLSX file, written straight from the database rows.

Written without a django-tables2 table, which renders every cell one by one: 100,000
readings export in seconds, not minutes.
"""

import csv
import io

import openpyxl
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from accounts.spreadsheets import safe_cell
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


def measurement_rows(measurements):
    """The header, then one list of cells per reading (text made spreadsheet-safe)."""
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
            safe_cell(influencer or ""),
            safe_cell(note),
        ]


def export_response(measurements, export_format, filename):
    rows = measurement_rows(measurements)
    if export_format == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so Excel reads the file as UTF-8
        csv.writer(buffer).writerows(
            [day.isoformat() if hasattr(day, "isoformat") else day, *rest] for day, *rest in rows
        )
        content = buffer.getvalue().encode()
    else:
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        workbook.save(output)
        content = output.getvalue()
    response = HttpResponse(content, content_type=CONTENT_TYPES[export_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response
