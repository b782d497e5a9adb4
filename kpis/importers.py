"""Reading CSV files into rows ready to save, as pure functions: file in, checked rows out.

Nothing here touches the database. Each importer takes the file (bytes or text) and plain
look-ups of the campaign's KPIs, influencers and promo codes, and returns an ``ImportResult``:
the rows to add, the errors (line number and a plain reason) and notes about rows left out on
purpose. A problem with the whole file (empty, not text, missing columns) raises ``BadFile``.

Line numbers are the file's own: line 1 is the first line, comments and blank lines included,
so an owner can find the row in a spreadsheet or text editor.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.text import slugify
from django.utils.translation import gettext as _

DATE_FORMATS_HELP = _("use 2026-03-14, 14/03/2026 or 20260314")


class BadFile(ValueError):
    """The file as a whole cannot be read; the message says why, in plain words."""


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # [(line, reason)]
    notes: list = field(default_factory=list)  # [(line, reason)]: rows left out on purpose

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


# ---------------------------------------------------------------- reading the file


def decode(data, max_bytes=None):
    """Text of an upload: UTF-8 (with or without a byte-order mark), else a clear BadFile."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        if max_bytes is not None and len(data) > max_bytes:
            raise BadFile(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
                % {"size": _megabytes(len(data)), "limit": _megabytes(max_bytes)}
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BadFile(
                _(
                    "This file is not plain UTF-8 text (it may be an Excel .xlsx file or use "
                    "another encoding). In your spreadsheet, choose Save as / Download as "
                    "'CSV UTF-8' and upload that."
                )
            ) from error
    if not text.strip():
        raise BadFile(_("The file is empty."))
    if "\0" in text:
        raise BadFile(_("This does not look like a CSV file: it contains binary data."))
    return text


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}"


def read_rows(text, skip_comments=False):
    """[(line number, [cells])] of a CSV text, delimiter sniffed (comma, semicolon or tab).

    With ``skip_comments`` lines starting with ``#`` are left out (Google Analytics puts its
    report details there). Blank rows are left out; numbering still counts them.
    """
    lines = text.splitlines(keepends=True)
    if skip_comments:
        lines = ["\n" if line.lstrip().startswith("#") else line for line in lines]
    content = "".join(lines)
    sample = "\n".join(line for line in content.splitlines() if line.strip())[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((line, [cell.strip() for cell in cells]))
            line = reader.line_num + 1
    except csv.Error as error:
        raise BadFile(
            _("Line %(line)s cannot be read as CSV (%(error)s).") % {"line": line, "error": error}
        ) from error
    return rows


def _header_index(header, required, optional=()):
    """{column name: position} by case-insensitive name; BadFile naming the missing ones."""
    positions = {name.strip().lower(): index for index, name in enumerate(header)}
    missing = [name for name in required if name.lower() not in positions]
    if missing:
        raise BadFile(
            _("These columns are missing: %(missing)s. The file has: %(found)s.")
            % {
                "missing": ", ".join(f"“{name}”" for name in missing),
                "found": ", ".join(f"“{name}”" for name in header if name) or _("no columns"),
            }
        )
    return {
        name: positions[name.lower()]
        for name in (*required, *optional)
        if name.lower() in positions
    }


def _cell(cells, index):
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


# ---------------------------------------------------------------- values


def parse_date(value):
    """A date written as 2026-03-14 (also with a time after it, as shops export it),
    14/03/2026 (day first) or 20260314 (Google Analytics). None when it is none of these."""
    value = value.strip()
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", (1, 2, 3)),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", (3, 2, 1)),
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", (3, 2, 1)),
        (r"(\d{4})(\d{2})(\d{2})", (1, 2, 3)),
    ]
    for pattern, (year, month, day) in patterns:
        match = re.fullmatch(pattern, value)
        if match:
            try:
                return datetime.date(
                    int(match.group(year)), int(match.group(month)), int(match.group(day))
                )
            except ValueError:
                return None
    return None


def _read_date(value, problems):
    """The date in a cell, or None with the reason added to ``problems``."""
    day = parse_date(value)
    if day is None:
        problems.append(
            _("“%(value)s” is not a date (%(formats)s)")
            % {"value": value, "formats": DATE_FORMATS_HELP}
        )
    return day


def parse_number(value):
    """A Decimal from '1234', '1,234.50', '1 234', '12,5' (decimal comma) or '£12.50'.
    None when it is not a number."""
    cleaned = re.sub(r"[\s\u00a0\u202f'£$€]", "", value)
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _normalised(name):
    return re.sub(r"\s+", " ", name.strip().lower())


# ---------------------------------------------------------------- generic file


GENERIC_FIELDS = ("date", "kpi", "value", "influencer")
GENERIC_REQUIRED = ("date", "kpi", "value")
# Column names we recognise without asking, for the mapping step's first guess.
GENERIC_GUESSES = {
    "date": ("date", "day", "when"),
    "kpi": ("kpi", "measure", "metric", "what", "name"),
    "value": ("value", "number", "count", "amount", "total"),
    "influencer": ("influencer", "creator", "who", "partner"),
}


@dataclass(frozen=True)
class MeasurementRow:
    line: int
    date: datetime.date
    kpi_id: int
    value: Decimal
    influencer_id: int | None = None


def generic_header(text):
    """The column names of a generic file (its first row), for the mapping step."""
    rows = read_rows(text)
    if not rows:
        raise BadFile(_("The file is empty."))
    header = [name for name in rows[0][1]]
    if not any(header):
        raise BadFile(_("The first line should name the columns, but it is empty."))
    return header


def guess_mapping(header):
    """{field: column name} for the columns whose names we recognise."""
    mapping = {}
    for field_name, guesses in GENERIC_GUESSES.items():
        for column in header:
            if _normalised(column) in guesses and column not in mapping.values():
                mapping[field_name] = column
                break
    return mapping


def parse_generic(text, mapping, kpis, influencers, automatic=(), today=None):
    """Measurements from a file of (date, KPI, value, optional influencer) rows.

    ``mapping``: {field: column name}; ``kpis``: {name (lower case): KPI id}, by label and
    kind; ``influencers``: {name (lower case): influencer id} of the campaign's partners;
    ``automatic``: lower-case names of KPIs the app counts itself (refused: they would count
    twice); ``today``: dates after it are refused.
    """
    rows = read_rows(text)
    if not rows:
        raise BadFile(_("The file is empty."))
    header = rows[0][1]
    missing = [field_name for field_name in GENERIC_REQUIRED if not mapping.get(field_name)]
    if missing:
        raise BadFile(_("Choose which column holds: %(fields)s.") % {"fields": ", ".join(missing)})
    chosen = [mapping[name] for name in GENERIC_FIELDS if mapping.get(name)]
    columns = _header_index(header, chosen)
    position = {name: columns.get(mapping.get(name)) for name in GENERIC_FIELDS}
    result = ImportResult()
    if len(rows) == 1:
        raise BadFile(_("The file has column names but no rows under them."))
    for line, cells in rows[1:]:
        problems = []
        raw_date = _cell(cells, position["date"])
        day = _read_date(raw_date, problems)
        if day is not None and today and day > today:
            problems.append(_("%(date)s is in the future") % {"date": day.isoformat()})
        raw_kpi = _cell(cells, position["kpi"])
        kpi_id = kpis.get(_normalised(raw_kpi))
        if _normalised(raw_kpi) in automatic:
            problems.append(
                _("“%(kpi)s” is counted for you by the app; leave it out of the file")
                % {"kpi": raw_kpi}
            )
        elif kpi_id is None:
            problems.append(
                _("“%(kpi)s” is not one of this campaign's KPIs") % {"kpi": raw_kpi}
                if raw_kpi
                else _("the KPI is empty")
            )
        raw_value = _cell(cells, position["value"])
        value = parse_number(raw_value)
        if value is None:
            problems.append(_("“%(value)s” is not a number") % {"value": raw_value})
        elif value < 0:
            problems.append(_("%(value)s is below zero") % {"value": raw_value})
        influencer_id = None
        raw_influencer = _cell(cells, position["influencer"])
        if raw_influencer:
            influencer_id = influencers.get(_normalised(raw_influencer))
            if influencer_id is None:
                problems.append(
                    _("“%(name)s” is not an influencer on this campaign") % {"name": raw_influencer}
                )
        if problems:
            result.errors.append((line, "; ".join(problems)))
        else:
            result.rows.append(MeasurementRow(line, day, kpi_id, value, influencer_id))
    return result


# ---------------------------------------------------------------- Shopify orders export


SHOPIFY_REQUIRED = ("Name", "Created at", "Total", "Discount Code")
SKIPPED_FINANCIAL_STATUSES = {"refunded", "voided"}


@dataclass(frozen=True)
class OrderRow:
    line: int
    order_ref: str
    date: datetime.date
    revenue: Decimal
    code: str
    partnership_id: int


def parse_shopify_orders(text, codes, known_orders=frozenset()):
    """Promo-code uses from a Shopify orders export.

    Shopify writes one line per item bought and repeats the order number on each; only the
    order's first line carries its totals, status and discount code. Each order is counted
    once, with the order total as its revenue. ``codes``: {promo code (upper case):
    partnership id}; ``known_orders``: order numbers already imported (left out, so the same
    file can be imported again without counting twice).
    """
    rows = read_rows(text)
    if not rows:
        raise BadFile(_("The file is empty."))
    columns = _header_index(rows[0][1], SHOPIFY_REQUIRED, optional=("Financial Status",))
    result = ImportResult()
    seen = set()
    for line, cells in rows[1:]:
        order_ref = _cell(cells, columns["Name"])
        if not order_ref:
            result.errors.append((line, _("the order number (Name) is empty")))
            continue
        if order_ref in seen:
            continue  # another item of an order already read
        raw_total = _cell(cells, columns["Total"])
        if not raw_total:
            result.errors.append(
                (line, _("order %(order)s starts without its total") % {"order": order_ref})
            )
            continue
        seen.add(order_ref)
        raw_codes = _cell(cells, columns["Discount Code"])
        if not raw_codes:
            continue  # an order without a code has nothing to do with the campaign
        status = _cell(cells, columns.get("Financial Status")).lower()
        if status in SKIPPED_FINANCIAL_STATUSES:
            result.notes.append(
                (
                    line,
                    _("order %(order)s was %(status)s: not counted")
                    % {"order": order_ref, "status": status},
                )
            )
            continue
        entered = [code.strip() for code in raw_codes.split(",") if code.strip()]
        code = next((code for code in entered if code.upper() in codes), None)
        if code is None:
            result.notes.append(
                (
                    line,
                    _("order %(order)s used code %(code)s, which is not one of this campaign's")
                    % {"order": order_ref, "code": raw_codes},
                )
            )
            continue
        if order_ref in known_orders:
            result.notes.append(
                (line, _("order %(order)s was imported before") % {"order": order_ref})
            )
            continue
        problems = []
        raw_date = _cell(cells, columns["Created at"])
        day = _read_date(raw_date, problems)
        revenue = parse_number(raw_total)
        if revenue is None or revenue < 0:
            problems.append(_("the total “%(value)s” is not an amount") % {"value": raw_total})
        if problems:
            result.errors.append((line, "; ".join(problems)))
            continue
        result.rows.append(
            OrderRow(line, order_ref, day, revenue, code.upper(), codes[code.upper()])
        )
    return result


# ---------------------------------------------------------------- Google Analytics export


BY_DATE = "date"
BY_SOURCE = "source"
GA_SOURCE_COLUMNS = ("Session source / medium", "Session source")


@dataclass(frozen=True)
class VisitRow:
    line: int
    date: datetime.date
    sessions: Decimal
    influencer_id: int | None = None


def _report_end_date(text):
    match = re.search(r"^#\s*End date:\s*(\d{8})\s*$", text, re.MULTILINE)
    return parse_date(match.group(1)) if match else None


def parse_analytics(text, sources):
    """Website visits from a Google Analytics export (sessions by date, or by session source
    / medium). ``sources``: {utm_source: influencer id} of the campaign's tracked links.

    Rows by date become visits on those dates. Rows by source become visits per influencer,
    dated the report's end date (from its ``# End date:`` line); other sources (search,
    direct...) are not the campaign's and are left out. Only the first table is read.
    Returns (kind of report, ImportResult).
    """
    rows = read_rows(text, skip_comments=True)
    if not rows:
        raise BadFile(_("The file has no table: only comment lines."))
    header_line, header = rows[0]
    names = [_normalised(name) for name in header]
    if "date" in names:
        kind = BY_DATE
        columns = _header_index(header, ("Date", "Sessions"))
    elif any(_normalised(name) in names for name in GA_SOURCE_COLUMNS):
        kind = BY_SOURCE
        source_column = next(name for name in GA_SOURCE_COLUMNS if _normalised(name) in names)
        columns = _header_index(header, (source_column, "Sessions"))
        columns["source"] = columns[source_column]
    else:
        raise BadFile(
            _(
                "This does not look like a Google Analytics export: the table should have a "
                "“Date” or a “Session source / medium” column, and “Sessions”."
            )
        )
    end_date = _report_end_date(text)
    if kind == BY_SOURCE and end_date is None:
        raise BadFile(
            _(
                "The file does not say which days it covers (a “# End date: 20260131” line "
                "at the top). Export it again from Google Analytics without editing it."
            )
        )
    result = ImportResult()
    previous_line = header_line
    for line, cells in rows[1:]:
        if line > previous_line + 1:
            break  # a blank line ends the first table
        previous_line = line
        raw_sessions = _cell(cells, columns["Sessions"])
        sessions = parse_number(raw_sessions)
        problems = []
        if sessions is None or sessions < 0:
            problems.append(_("“%(value)s” is not a number of sessions") % {"value": raw_sessions})
        if kind == BY_DATE:
            raw_date = _cell(cells, columns["Date"])
            day = _read_date(raw_date, problems)
            if problems:
                result.errors.append((line, "; ".join(problems)))
            else:
                result.rows.append(VisitRow(line, day, sessions))
            continue
        raw_source = _cell(cells, columns["source"])
        utm_source = slugify(raw_source.split("/")[0].strip())
        influencer_id = sources.get(utm_source)
        if influencer_id is None:
            continue  # search engines, direct visits...: not the campaign's
        if problems:
            result.errors.append((line, "; ".join(problems)))
        else:
            result.rows.append(VisitRow(line, end_date, sessions, influencer_id))
    if not result.rows and not result.errors and kind == BY_SOURCE:
        result.notes.append(
            (
                header_line,
                _("no source in this file matches your influencers' tracked links"),
            )
        )
    return kind, result
