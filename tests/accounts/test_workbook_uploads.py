"""An Excel workbook (.xlsx) uploaded instead of a CSV file is read as its open sheet: rows
where the owner sees them, cells as plain text, and hostile or odd workbooks refused plainly.
(Every shop, analytics and insights export saved as a workbook: the ``xlsx`` variant of
``tests.kpis.exports``, in those sources' own tests.)"""

import datetime
import io
import re
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import reader, workbooks
from influencers.importers import parse_roster_csv
from tests.kpis import exports


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_sheet_open_when_saved_is_read_with_its_rows_where_excel_shows_them():
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active["A1"] = "not this sheet"
    sheet = workbook.create_sheet("Week 1")
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = "Date", "Customers", "Share", "Note"
    sheet["A3"] = datetime.datetime(2026, 11, 14)
    sheet["A3"].number_format = "dd/mm/yyyy"
    sheet["B3"] = 12
    sheet["C3"] = 0.125
    sheet["C3"].number_format = "0.0%"
    sheet["D3"] = "Stall at the fair,\nrainy"
    sheet["A4"] = datetime.datetime(2026, 11, 15, 9, 30)
    sheet["B4"] = 2.5
    sheet["C4"] = "=B4*2"  # a formula never worked out by Excel: no value kept
    workbook.active = 1

    table = reader.read_table(workbook_bytes(workbook))

    assert table.workbook
    assert table.encoding == "the sheet “Week 1” of an Excel workbook"
    assert table.records == [
        reader.Record(1, ["Date", "Customers", "Share", "Note"]),
        reader.Record(3, ["2026-11-14", "12", "12.5%", "Stall at the fair,\nrainy"]),
        reader.Record(4, ["2026-11-15 09:30:00", "2.5"]),
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (None, "General", ""),
        (True, "General", "TRUE"),
        (1234.5, '"£"#,##0.00', "1234.5"),
        (0.1 + 0.2, "General", "0.3"),  # as Excel shows it: fifteen significant digits
        (1200.0, "General", "1200"),
        (1e-05, "General", "0.00001"),
        (-0.0, "General", "0"),
        (7, "0%", "700%"),
        (datetime.date(2026, 11, 3), "yyyy-mm-dd", "2026-11-03"),
        (datetime.time(9, 5), "hh:mm", "09:05:00"),
        (datetime.timedelta(minutes=2, seconds=5), "[h]:mm:ss", "0:02:05"),
        ("#1001", "General", "#1001"),
    ],
)
def test_cells_become_the_text_the_readers_take(value, number_format, text):
    assert workbooks.cell_text(value, number_format) == text


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_workbook_that_unzips_to_more_than_a_real_export_is_refused_unread(monkeypatch):
    # Zeros compress a thousandfold: a small upload that would fill the memory once opened.
    monkeypatch.setattr(workbooks, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    bomb = zipped({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "0" * 2_000_000})
    assert len(bomb) < 10_000
    with pytest.raises(reader.BadFile, match="far larger once opened than a real export"):
        reader.read_table(bomb)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00", "damaged and cannot be opened"),
        (zipped({"photos/cake.jpg": b"\xff\xd8"}), "zipped file is not a CSV file or an Excel"),
        (zipped({"xl/workbook.xml": "<not a workbook"}), "could not open this Excel workbook"),
    ],
)
def test_zipped_files_that_are_not_workbooks_are_refused_plainly(data, message):
    with pytest.raises(reader.BadFile, match=message):
        reader.read_table(data)


def test_a_sheet_wider_or_longer_than_a_real_export_is_refused_with_its_row():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Date", "Value"])
    workbook.active.append(["x"] * 301)
    with pytest.raises(reader.BadFile, match="Row 2 has more than 300 columns"):
        reader.read_table(workbook_bytes(workbook))

    workbook = openpyxl.Workbook()
    for _ in range(2_000):
        workbook.active.append(["2026-11-01", 5, "a note long enough to add up"])
    data = workbook_bytes(workbook)  # small zipped; its text, bounded as a file's bytes are, not
    with pytest.raises(reader.BadFile, match="holds more than [0-9.]+ MB of text"):
        reader.read_table(data, max_bytes=len(data) + 1)


def test_an_empty_sheet_is_an_empty_file():
    with pytest.raises(reader.BadFile, match="The file is empty"):
        reader.read_table(workbook_bytes(openpyxl.Workbook()))


def test_the_roster_reads_a_workbook_and_says_which_sheet():
    workbook = openpyxl.Workbook()
    workbook.active.title = "Influencers"
    workbook.active.append(["Name", "Platform", "Handle", "Followers", "Avg likes"])
    workbook.active.append(["Bristol Bread Lover", "Instagram", "@bristolbreadlover", 12300, 410])

    parsed = parse_roster_csv(workbook_bytes(workbook))

    assert parsed.errors == []
    assert parsed.notices == ["We read the sheet “Influencers” of an Excel workbook."]
    ((row),) = parsed.rows
    assert (row["name"], row["handle"], row["followers"], row["avg_likes"]) == (
        "Bristol Bread Lover",
        "bristolbreadlover",
        12300,
        410,
    )


def test_a_workbook_whose_xml_expands_entities_is_refused():
    # "Billion laughs": a few lines of XML that expand to gigabytes. defusedxml refuses any
    # entity declaration before expanding one.
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "ha">'
        + "".join(
            f'<!ENTITY {b} "&{a};&{a};&{a};&{a};&{a};&{a};&{a};&{a};&{a};&{a};">'
            for a, b in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + ']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "&i;</workbook>"
    )
    assert openpyxl.DEFUSEDXML
    with pytest.raises(reader.BadFile, match="could not open this Excel workbook"):
        reader.read_table(zipped({"xl/workbook.xml": laughs}))


SHOP_WORKBOOK = exports.render(*exports.shopify(), variant="xlsx")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    at=st.integers(min_value=0, max_value=len(SHOP_WORKBOOK) - 1),
    replacement=st.binary(min_size=1, max_size=64),
    cut=st.booleans(),
)
def test_a_damaged_workbook_gets_a_message_never_an_error(at, replacement, cut):
    # A real workbook with some of its bytes changed, or cut short there.
    data = SHOP_WORKBOOK[:at] if cut else SHOP_WORKBOOK[:at] + replacement + SHOP_WORKBOOK[at:]
    try:
        table = reader.read_table(data)
    except reader.BadFile as error:
        assert str(error)
    else:
        assert table.records
        assert table.workbook == workbooks.is_workbook(data)


def rewritten(data, changes):
    """The workbook with some of its parts changed: {part: function of its bytes}."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            content = source.read(member.filename)
            archive.writestr(member.filename, changes.get(member.filename, bytes)(content))
    return buffer.getvalue()


def with_dimension(data, ref):
    return rewritten(
        data,
        {
            "xl/worksheets/sheet1.xml": lambda xml: re.sub(
                rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{ref}"/>'.encode(), xml
            )
        },
    )


def test_a_sheet_that_declares_a_wrong_size_is_read_as_it_is():
    workbook = openpyxl.Workbook()
    for number in range(1, 11):
        workbook.active.append([f"row {number}", number])
    data = workbook_bytes(workbook)

    # Too small: every row is still read. Too wide and long: nothing padded to it.
    table = reader.read_table(with_dimension(data, "A1:A3"))
    assert [record.cells for record in table.records][-1] == ["row 10", "10"]
    text, _how = workbooks.sheet_text(
        with_dimension(data, "A1:XFD1048576"), max_characters=10**6, max_columns=300
    )
    assert text.splitlines() == [f"row {number},{number}" for number in range(1, 11)]


def test_a_sheet_with_more_rows_than_an_export_is_refused():
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Date"
    workbook.active.cell(row=workbooks.MAX_ROWS + 1, column=1, value="far below")
    with pytest.raises(reader.BadFile, match="more than 200,000 rows"):
        reader.read_table(workbook_bytes(workbook))


def test_parts_read_whole_and_sheets_listed_twice_are_bounded():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Date", "Value"])
    data = workbook_bytes(workbook)
    # A styles part of 6 MB (real ones are a few KB) zips to a few KB.
    styles = rewritten(data, {"xl/styles.xml": lambda xml: xml + b" " * 6 * 1024 * 1024})
    # A hundred sheets listed, all one part: each would be read when the workbook opens.
    listed = b"".join(
        b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (number, number)
        for number in range(2, 102)
    )
    repeated = rewritten(
        data, {"xl/workbook.xml": lambda xml: xml.replace(b"</sheets>", listed + b"</sheets>")}
    )
    for hostile in (styles, repeated):
        assert len(hostile) < 50_000
        with pytest.raises(reader.BadFile, match="far larger once opened than a real export"):
            reader.read_table(hostile)


def test_a_first_cell_with_a_semicolon_does_not_change_the_separator():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Influencers; spring list"])
    workbook.active.append(["name", "platform", "handle"])
    workbook.active.append(["Maya", "instagram", "@maya"])

    table = reader.read_table(workbook_bytes(workbook), comments=False)

    assert [record.cells for record in table.records][1:] == [
        ["name", "platform", "handle"],
        ["Maya", "instagram", "@maya"],
    ]


def test_a_percent_sign_shown_as_typed_is_not_a_percentage():
    assert workbooks.cell_text(12.5, '0.0"%"') == "12.5"
    assert workbooks.cell_text(12.5, "0.0\\%") == "12.5"
    assert workbooks.cell_text(0.125, '0.0%" of sales"') == "12.5%"


def test_a_password_protected_workbook_is_named_as_such():
    # Excel keeps a workbook protected by a password in the old compound file format.
    with pytest.raises(reader.BadFile, match="protected by a password"):
        reader.read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
