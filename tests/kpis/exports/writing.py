"""Writing an export file as a product writes it, or as Excel saves it again; the campaign
the invented records belong to."""

import csv
import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
CAMPAIGN_START = datetime.date(2026, 11, 1)
CAMPAIGN_END = datetime.date(2026, 11, 30)
PARTNERS = {"BREADLOVER": "Bristol Bread Lover", "MAYA10": "Maya Cooks Clifton"}


def render(header, rows, *, variant="plain", preamble=(), quote_all=False):
    """Bytes of a file as the product writes it (``plain``: UTF-8, commas, LF, the comment
        lines bare) or as Excel saves it again: ``bom`` (CSV UTF-8: BOM, CRLF, comment lines
        padded with commas), ``cp1252`` (CSV on Windows), ``semicolon`` (CSV in countries with a
        decimal comma), ``utf16`` (Unicode Text: UTF-16 with BOM, tabs), ``xlsx`` (opened in
        Excel and saved as a workbook: ``excel_workbook``), ``utf16_de`` (the same
    from a German Excel: decimal commas, and whole numbers grouped with points, 9.100: nothing in
    a tab-separated file says which mark is which). ``quote_all``: every
        cell in quotes, as TikTok and Meta write them (Excel drops them when it saves again)."""
    if variant == "xlsx":
        return excel_workbook(header, rows, preamble=preamble)
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


VARIANTS = ("plain", "bom", "cp1252", "semicolon", "utf16", "xlsx")

# How Excel types the text of a CSV cell when it opens the file (English, UK), and the number
# format it gives the cell: what a workbook saved from it then holds.
EXCEL_WHOLE = re.compile(r"-?\d{1,15}")  # longer numbers are ids Excel would round: kept as text
EXCEL_DECIMAL = re.compile(r"-?\d+\.\d+")
EXCEL_GROUPED = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
EXCEL_MONEY = re.compile(r"(-?)£(\d[\d,]*(?:\.\d+)?)")
EXCEL_PERCENT = re.compile(r"(-?\d+(?:\.\d+)?)%")
EXCEL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXCEL_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?")


def excel_typed(text):
    """(value, number format) of a CSV cell as Excel reads it on opening the file."""
    if not text:
        return None, "General"
    if EXCEL_WHOLE.fullmatch(text) and not (len(text) > 1 and text.startswith("0")):
        return int(text), "General"
    if EXCEL_DECIMAL.fullmatch(text):
        return float(text), "General"
    if EXCEL_GROUPED.fullmatch(text):
        return float(text.replace(",", "")), "#,##0.00"
    if money := EXCEL_MONEY.fullmatch(text):
        return float(money.group(1) + money.group(2).replace(",", "")), '"£"#,##0.00'
    if percent := EXCEL_PERCENT.fullmatch(text):
        return float(percent.group(1)) / 100, "0.0%"
    if EXCEL_DATE.fullmatch(text):
        return datetime.datetime.fromisoformat(text), "yyyy-mm-dd"
    if EXCEL_DATE_TIME.fullmatch(text):
        return datetime.datetime.fromisoformat(text), "yyyy-mm-dd hh:mm:ss"
    return text, "General"  # text Excel does not read as a number or a date (a time zone, a code)


def excel_workbook(header, rows, *, preamble=()):
    """Bytes of a workbook as Excel saves one it opened from the product's CSV file: one sheet,
    named after the file, each cell typed as Excel types it (``excel_typed``), the comment
    lines in the first column."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "export"
    for line in preamble:
        sheet.append([line])
    sheet.append(header)
    for number, row in enumerate(rows, start=len(preamble) + 2):
        for column, value in enumerate(row, start=1):
            typed, number_format = excel_typed(_format(value, "."))
            if typed is not None:
                cell = sheet.cell(row=number, column=column, value=typed)
                cell.number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_shared_strings(buffer.getvalue())


INLINE_TEXT = re.compile(
    rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t>(.*?)</t></is></c>', re.S
)
SPREADSHEET = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
SHARED_STRINGS_RELATION = (
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)


def with_shared_strings(data):
    """The workbook with its text kept once in a shared strings part, as Excel saves it (the
    library that writes it here puts text in each cell)."""
    strings = {}

    def shared(match):
        index = strings.setdefault(match.group(2), len(strings))
        return match.group(1) + b' t="s"><v>%d</v></c>' % index

    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = INLINE_TEXT.sub(shared, parts[sheet])
    items = b"".join(
        b'<si><t xml:space="preserve">%s</t></si>' % text
        if text != text.strip() or b"\n" in text
        else b"<si><t>%s</t></si>" % text
        for text in strings
    )
    parts["xl/sharedStrings.xml"] = b'<sst xmlns="%s" uniqueCount="%d">%s</sst>' % (
        SPREADSHEET,
        len(strings),
        items,
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>'
        % SHARED_STRINGS_TYPE,
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="%s" Target="sharedStrings.xml" Id="rIdShared"/></Relationships>'
        % SHARED_STRINGS_RELATION,
    )
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _format(value, decimal, *, grouped=False):
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", decimal)
    if grouped and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return "" if value is None else str(value)
