"""The one file reader: encodings, separators, line endings, multi-line cells, padded comment
lines and spreadsheet row numbers; odd shapes refused before the work."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts import reader

CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from([",", ";", "\t", '"', "\n", "\r", "é", "€"]),
    max_size=12,
).map(str.strip)


def written(records, *, delimiter, newline, encoding):
    """As a spreadsheet writes a CSV file: a cell with the separator, a quote or a line break
    in quotes, its quotes doubled."""

    def quoted(cell):
        if any(char in cell for char in (delimiter, '"', "\r", "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [delimiter.join(quoted(cell) for cell in record) for record in records]
    return "".join(line + newline for line in lines).encode(encoding)


@settings(max_examples=150, deadline=None)
@given(
    records=st.lists(st.lists(CELL, min_size=2, max_size=5), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_what_a_spreadsheet_writes_is_read_back_with_its_rows(
    records, delimiter, newline, encoding
):
    # A header the sniffer can see, as every export has; cells never start a comment.
    header = [f"column {index}" for index in range(len(records[0]))]
    records = [[cell.lstrip('"#') for cell in record] for record in records]
    data = written([header, *records], delimiter=delimiter, newline=newline, encoding=encoding)

    table = reader.read_table(data)

    expected = [
        (row, _without_trailing_empty(record))
        for row, record in enumerate(records, start=2)
        if any(cell.strip() for cell in record)
    ]
    assert [(r.row, r.cells) for r in table.records[1:]] == expected
    assert table.delimiter == delimiter


def _without_trailing_empty(cells):
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_end_in_a_table_or_a_plain_message(data):
    try:
        table = reader.read_table(data)
    except reader.BadFile as error:
        assert str(error)
    else:
        assert all(record.row >= 1 for record in table.records)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Name,City\nZoë,Zürich\n".encode("utf-8-sig"), ""),
        ("Name\tCity\r\nZoë\tZürich\r\n".encode("utf-16"), "UTF-16"),
        ("Name\tCity\r\nZoë\tZürich\r\n".encode("utf-16-be"), "UTF-16"),
        ("Name;City\r\nZoë;Zürich\r\n".encode("cp1252"), "Windows-1252"),
        ("Name,City\rFrançoise,Besançon\r".encode("mac_roman"), "Mac Roman"),
    ],
)
def test_encodings_excel_and_others_save(data, encoding):
    table = reader.read_table(data)

    assert table.records[1].cells[1] in ("Zürich", "Besançon")
    assert encoding in table.encoding


def test_comment_lines_padded_by_excel_are_comments():
    data = (
        b"# Account: Rosie's,,,\r\n# End date: 20261122,,,\r\n,,,\r\n"
        b"Date,Sessions,,\r\n20261102,95,,\r\n"
    )

    table = reader.read_table(data)

    assert table.comments == ["# Account: Rosie's", "# End date: 20261122"]
    assert [(r.row, r.cells) for r in table.records] == [
        (4, ["Date", "Sessions"]),
        (5, ["20261102", "95"]),
    ]


def test_an_order_number_starting_with_a_hash_is_not_a_comment():
    table = reader.read_table(b"Name,Total\n#1001,5.00\n")
    assert table.records[1].cells == ["#1001", "5.00"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"PK\x03\x04\x14\x00", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "old Excel workbook"),
        (b"%PDF-1.7\n", "PDF"),
        (b"a,b\n\x00\x01\x02\x03\x04\x05\x06\x07\x08", "binary data"),
        (b"," * 400 + b"\n1\n", "columns"),
        (b"a" * 200_000, "characters long"),
        (b'a,b\n"never closed,1\n' + b"x" * 140_000, "characters long"),
        (b"# only\n# comments\n", "only comments"),
    ],
)
def test_files_that_are_not_exports_are_refused_plainly(data, message):
    with pytest.raises(reader.BadFile, match=message):
        reader.read_table(data)


def test_a_file_over_the_limit_is_refused_before_reading(settings):
    with pytest.raises(reader.BadFile, match="too large"):
        reader.read_table(b"x" * 101, max_bytes=100)


def test_excels_separator_line_says_the_separator_and_is_no_row():
    """Meta Business Suite opens its files with "sep=,", which Excel reads and hides."""
    table = reader.read_table(b'sep=;\r\n"Reach"\r\nDate;Primary\r\n2026-11-02;1,5\r\n')

    assert table.delimiter == ";"
    assert [record.cells for record in table.records] == [
        ["Reach"],
        ["Date", "Primary"],
        ["2026-11-02", "1,5"],
    ]
    assert table.records[0].row == 1
