import pytest

from influencers.importers import parse_count, parse_roster_csv

HEADER = "name,platform,handle,followers,following,avg_likes,avg_comments,avg_shares,status\n"


def messages_by_line(parsed):
    return {(error.line, error.message) for error in parsed.errors}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("12300", 12_300),
        ("12,300", 12_300),
        ("12 300", 12_300),
        ("12.300", 12_300),
        ("1,234,567", 1_234_567),
        ("12.3k", 12_300),
        ("12,3K", 12_300),
        ("1.2M", 1_200_000),
        ("45.5", 46),
        (" 7 ", 7),
        ("", None),
        (None, None),
    ],
)
def test_counts_as_people_write_them(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["abc", "-5", "12.3.4k", "1k2", "k"])
def test_unreadable_counts_are_refused_with_the_value(text):
    with pytest.raises(ValueError, match="not a number we can read"):
        parse_count(text)


def test_a_good_file():
    parsed = parse_roster_csv(
        (
            HEADER
            + 'Bristol Bread Lover,Instagram,@BristolBreadLover,"12,300",610,410,35,12,contacted\n'
            + "Bristol Bread Lover,TikTok,bristolbreadlover,8.1k,,620,40,,\n"
        ).encode()
    )
    assert parsed.errors == []
    first, second = parsed.rows
    assert first["line"] == 2 and second["line"] == 3
    assert first["handle"] == "bristolbreadlover"
    assert first["platform"] == "instagram"
    assert first["followers"] == 12_300
    assert first["status"] == "contacted"
    assert second["platform"] == "tiktok"
    assert second["followers"] == 8_100
    assert second["following"] is None
    assert second["status"] is None


def test_bom_semicolons_and_loose_headers():
    raw = (
        "\ufeffName ; Platform;Handle;Followers;Avg Likes;E-mail;Outreach status\n"
        "Maya;IG;mayacooks;12,300;1.2k;maya@example.com;Gifted-not-posted\n"
    ).encode()
    parsed = parse_roster_csv(raw)
    assert parsed.errors == []
    [row] = parsed.rows
    assert row["name"] == "Maya"
    assert row["followers"] == 12_300
    assert row["avg_likes"] == 1_200
    assert row["email"] == "maya@example.com"
    assert row["status"] == "gifted_not_posted"


def test_optional_columns_may_be_missing():
    parsed = parse_roster_csv(b"name,platform,handle\nSam,tiktok,sam\n")
    assert parsed.errors == []
    assert parsed.rows[0]["followers"] is None
    assert parsed.rows[0]["niche"] == ""


def test_bad_rows_are_named_by_spreadsheet_line_and_reason():
    raw = (
        HEADER
        + "Good,instagram,good,1000,10,50,5,1,\n"
        + "\n"  # blank line 3 is skipped but still counted
        + "Bad Number,instagram,bad,lots,,,,,\n"
        + ",myspace,,,,,,,maybe\n"
        + "Twice,instagram,@GOOD,1,,,,,\n"
    ).encode()
    parsed = parse_roster_csv(raw)
    errors = messages_by_line(parsed)
    lines = {line for line, _ in errors}
    assert lines == {4, 5, 6}
    assert any(line == 4 and "followers" in m and "'lots'" in m for line, m in errors)
    assert any(line == 5 and "name: this is missing" in m for line, m in errors)
    assert any(line == 5 and "handle: this is missing" in m for line, m in errors)
    assert any(line == 5 and "'myspace' is not a platform" in m for line, m in errors)
    assert any(line == 5 and "'maybe' is not an outreach status" in m for line, m in errors)
    assert any(line == 6 and "already on line 2" in m for line, m in errors)
    assert [row["line"] for row in parsed.rows] == [2]


def test_line_numbers_follow_spreadsheet_rows_with_multiline_cells():
    raw = b'name,platform,handle,notes\nAnn,instagram,ann,"first\nsecond line"\nBob,instagram,,\n'
    parsed = parse_roster_csv(raw)
    assert [error.line for error in parsed.errors] == [3]


def test_invalid_email_and_address():
    raw = b"name,platform,handle,email,profile_url\nAnn,instagram,ann,not-an-email,http://\n"
    errors = messages_by_line(parse_roster_csv(raw))
    assert any("not an e-mail address" in m for _, m in errors)
    assert any("not a web address" in m for _, m in errors)


def test_handle_can_come_from_the_profile_address():
    raw = b"name,platform,handle,profile_url\nAnn,instagram,,instagram.com/Ann.Bakes/\n"
    [row] = parse_roster_csv(raw).rows
    assert row["handle"] == "ann.bakes"
    assert row["profile_url"] == "https://instagram.com/Ann.Bakes/"


def test_missing_required_columns_is_a_file_error():
    parsed = parse_roster_csv(b"name,followers\nAnn,100\n")
    assert parsed.rows == []
    [error] = parsed.errors
    assert error.line == 1
    assert "platform" in error.message and "handle" in error.message


def test_empty_file_and_header_only():
    assert parse_roster_csv(b"").errors
    parsed = parse_roster_csv(b"name,platform,handle\n")
    assert "no people" in parsed.errors[0].message


def test_windows_text_is_read_with_a_notice():
    parsed = parse_roster_csv("name,platform,handle\nZoë,instagram,zoe\n".encode("cp1252"))
    assert parsed.errors == []
    assert parsed.rows[0]["name"] == "Zoë"
    assert "UTF-8" in parsed.notices[0]


def test_bytes_windows_text_cannot_hold_are_read_as_mac_roman():
    parsed = parse_roster_csv(
        "name,platform,handle\nFrançoise Crèpe,instagram,x\n".encode("mac_roman")
    )
    assert parsed.rows[0]["name"] == "Françoise Crèpe"
    assert "Mac Roman" in parsed.notices[0]


def test_bytes_that_are_not_text_at_all_give_a_clear_error():
    parsed = parse_roster_csv(b"name,platform,handle\n\x00\x01\x02\x03\x04,instagram,x\n")
    assert parsed.rows == []
    assert "binary data" in parsed.errors[0].message


@pytest.mark.parametrize(
    "data",
    [
        "name,platform,handle\r\nZoë,instagram,zoe\r\n".encode("utf-16"),
        "name\tplatform\thandle\r\nZoë\tinstagram\tzoe\r\n".encode("utf-16"),
        b"name,platform,handle\rZo\xc3\xab,instagram,zoe\r",
    ],
    ids=["utf-16-commas", "utf-16-tabs (Excel Unicode Text)", "cr-only line endings"],
)
def test_files_that_once_crashed_the_roster_import(data):
    parsed = parse_roster_csv(data)
    assert parsed.errors == []
    assert [(row["line"], row["name"], row["handle"]) for row in parsed.rows] == [(2, "Zoë", "zoe")]


def test_a_note_with_line_breaks_keeps_the_next_rows_spreadsheet_row():
    parsed = parse_roster_csv(
        b'name,platform,handle,notes\nAnn,instagram,ann,"met at\nthe market\nin May"\n'
        b"Bo,instagram,\n"
    )
    assert [(error.line, error.message.split(":")[0]) for error in parsed.errors] == [(3, "handle")]


@pytest.mark.parametrize("text", ["99999999999999999999", "1,000,000,001", "2000M"])
def test_counts_past_what_a_form_takes_are_refused_as_a_typo(text):
    with pytest.raises(ValueError, match="more than 1,000,000,000: this looks like a typo"):
        parse_count(text)


def test_a_roster_row_with_an_impossible_count_is_named_and_not_saved():
    parsed = parse_roster_csv(
        b"name,platform,handle,followers\nZed,instagram,zed,99999999999999999999\n"
        b"Amy,instagram,amy,1200\n"
    )
    assert [row["name"] for row in parsed.rows] == ["Amy"]
    assert [(error.line, "looks like a typo" in error.message) for error in parsed.errors] == [
        (2, True)
    ]


def test_a_handle_that_is_a_broken_address_is_named_as_missing():
    parsed = parse_roster_csv(b"name,platform,handle,followers\nZed,instagram,http://[::1,100\n")
    assert parsed.rows == []
    assert [error.line for error in parsed.errors] == [2]
