"""The roster CSV import: read a file into checked rows, then save them all or nothing.

``parse_roster_csv`` is pure (bytes in, rows and errors out), reading the file with the
same reader as every other import (``accounts.reader``). Line numbers are the rows the owner sees
in a spreadsheet: the header is row 1, the first person row 2.
"""

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import bounds
from accounts.formatting import megabytes
from accounts.owned import owned
from accounts.reader import BadFile, read_table

from .metrics import profile_engagement
from .models import Influencer, OutreachStatus, Platform, Profile
from .services import normalise_handle

COLUMNS = (
    "name",
    "platform",
    "handle",
    "profile_url",
    "followers",
    "following",
    "avg_likes",
    "avg_comments",
    "avg_shares",
    "avg_reach",
    "niche",
    "location",
    "email",
    "notes",
    "status",
)
REQUIRED_COLUMNS = ("name", "platform", "handle")
COUNT_COLUMNS = ("followers", "following", "avg_likes", "avg_comments", "avg_shares", "avg_reach")
# Headers people write in their own spreadsheets, after lower-casing and joining words with _.
HEADER_ALIASES = {
    "display_name": "name",
    "influencer": "name",
    "username": "handle",
    "url": "profile_url",
    "profile_link": "profile_url",
    "link": "profile_url",
    "average_likes": "avg_likes",
    "likes": "avg_likes",
    "average_comments": "avg_comments",
    "comments": "avg_comments",
    "average_shares": "avg_shares",
    "shares": "avg_shares",
    "average_reach": "avg_reach",
    "reach": "avg_reach",
    "e_mail": "email",
    "contact_email": "email",
    "outreach_status": "status",
}
PLATFORM_ALIASES = {
    "ig": Platform.INSTAGRAM,
    "insta": Platform.INSTAGRAM,
    "tik_tok": Platform.TIKTOK,
    "yt": Platform.YOUTUBE,
    "fb": Platform.FACEBOOK,
    "twitter": Platform.X,
    "x_(twitter)": Platform.X,
}
# The downloadable example file: one person on two platforms, and one with only the essentials.
SAMPLE_ROWS = [
    {
        "name": "Bristol Bread Lover",
        "platform": "Instagram",
        "handle": "bristolbreadlover",
        "profile_url": "https://www.instagram.com/bristolbreadlover/",
        "followers": "12,300",
        "following": "610",
        "avg_likes": "410",
        "avg_comments": "35",
        "avg_shares": "12",
        "avg_reach": "5.9k",
        "niche": "food",
        "location": "Bristol",
        "email": "hello@bristolbreadlover.example",
        "notes": "Posts a bakery round-up every Saturday",
        "status": "contacted",
    },
    {
        "name": "Bristol Bread Lover",
        "platform": "TikTok",
        "handle": "bristolbreadlover",
        "followers": "8.1k",
        "avg_likes": "620",
        "avg_comments": "40",
    },
    {"name": "Sam Eats", "platform": "TikTok", "handle": "sameats", "status": "identified"},
]
MAX_LENGTHS = {"name": 120, "handle": 100, "profile_url": 200, "niche": 80, "location": 120}


class ImportFileError(Exception):
    """The file as a whole cannot be read (too big, not text, no header)."""


@dataclass
class RowError:
    line: int | None  # None: about the whole file
    message: str


# One checked person row: column name -> value (plain values, safe to keep in the session).
Row = dict[str, Any]


@dataclass
class ParsedRoster:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def sample_csv(file: IO[str]) -> None:
    """Write the example roster file (every column, header first) to a text file object."""
    writer = csv.DictWriter(file, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(SAMPLE_ROWS)


def key(text: str | None) -> str:
    """'Avg Likes ', 'avg-likes' -> 'avg_likes': how we compare headers and choices."""
    return re.sub(r"[\s\-]+", "_", (text or "").strip().lower())


def read_upload(uploaded_file: UploadedFile) -> bytes:
    """The bytes of an uploaded file, refusing files over ``settings.MAX_UPLOAD_BYTES``."""
    size = uploaded_file.size or 0
    if size > settings.MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("This file is %(size)s MB; the largest file we accept is %(limit)s MB.")
            % {
                "size": megabytes(size),
                "limit": megabytes(settings.MAX_UPLOAD_BYTES),
            }
        )
    return uploaded_file.read()


def parse_count(text: str | None) -> int | None:
    """A count as people type it: '12300', '12,300', '12 300', '12.3k', '1.2M', '45.5' -> int,
    at most ``bounds.MAX_COUNT`` (as the forms take).

    Blank is None. Raises ValueError with a message for the owner otherwise.
    """
    count = read_count(text)
    if count is not None and count > bounds.MAX_COUNT:
        raise ValueError(
            _("'%(value)s' is more than 1,000,000,000: this looks like a typo.")
            % {"value": (text or "").strip()}
        )
    return count


def read_count(text: str | None) -> int | None:
    """``parse_count`` without its upper bound: for a form, whose validators say it."""
    text = (text or "").strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None
    match = re.fullmatch(r"(\d[\d,.' _]*?)\s*([kKmM]?)", text)
    if match:
        digits, suffix = match.groups()
        compact = re.sub(r"[ '_]", "", digits)
        if suffix:
            # Before k or m, "." or "," is a decimal mark: 12.3k, 12,3k.
            if re.fullmatch(r"\d+([.,]\d+)?", compact):
                multiplier = 1_000 if suffix.lower() == "k" else 1_000_000
                return round_count(Decimal(compact.replace(",", ".")) * multiplier)
        elif re.fullmatch(r"\d{1,3}([,. '_]\d{3})+", digits) or compact.isdigit():
            # Separators between groups of three digits are thousands: 12,300 or 12.300.
            return int(re.sub(r"\D", "", digits))
        elif re.fullmatch(r"\d+[.,]\d+", compact):
            # An average with decimals, such as 45.5 likes per post.
            return round_count(Decimal(compact.replace(",", ".")))
    raise ValueError(
        _("'%(value)s' is not a number we can read. Write it like 12300, 12,300 or 12.3k.")
        % {"value": text}
    )


def round_count(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_platform(text: str) -> str:
    wanted = key(text)
    for value, label in Platform.choices:
        if wanted in (value, key(str(label))):
            return value
    if wanted in PLATFORM_ALIASES:
        return PLATFORM_ALIASES[wanted].value
    raise ValueError(
        _("'%(value)s' is not a platform we know. Use one of: %(choices)s.")
        % {"value": text, "choices": ", ".join(str(label) for label in Platform.labels)}
    )


def parse_status(text: str) -> str | None:
    wanted = key(text)
    if not wanted:
        return None
    for value, label in OutreachStatus.choices:
        if wanted in (value, key(str(label))):
            return value
    raise ValueError(
        _("'%(value)s' is not an outreach status. Use one of: %(choices)s.")
        % {"value": text, "choices": ", ".join(OutreachStatus.values)}
    )


def parse_url(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if not re.match(r"^https?://", text, flags=re.IGNORECASE):
        text = f"https://{text}"
    try:
        URLValidator()(text)
    except ValidationError as error:
        raise ValueError(_("'%(value)s' is not a web address.") % {"value": text}) from error
    return text


def parse_email(text: str) -> str:
    text = text.strip()
    if text:
        try:
            validate_email(text)
        except ValidationError as error:
            raise ValueError(
                _("'%(value)s' is not an e-mail address.") % {"value": text}
            ) from error
    return text


def read_header(header: Sequence[str]) -> list[str | None]:
    """Map each column position to our column name (None: a column we ignore)."""
    names = []
    for cell in header:
        name = key(cell)
        names.append(HEADER_ALIASES.get(name, name) if name else None)
    return [name if name in COLUMNS else None for name in names]


def parse_row(cells: dict[str, str]) -> tuple[Row, list[str]]:
    """One person's cells (column name -> text) -> (row dict, [error messages])."""
    row: Row = {}
    problems: list[str] = []

    def take(column: str, parser: Callable[[str], Any]) -> None:
        try:
            row[column] = parser(cells.get(column, ""))
        except ValueError as error:
            label = column.replace("_", " ")
            problems.append(_("%(column)s: %(reason)s") % {"column": label, "reason": error})
            row[column] = None

    for column in ("name", "niche", "location", "notes"):
        row[column] = cells.get(column, "").strip()
    take("platform", parse_platform)
    take("profile_url", parse_url)
    row["handle"] = normalise_handle(cells.get("handle", "")) or normalise_handle(
        row["profile_url"] or ""
    )
    for column in COUNT_COLUMNS:
        take(column, parse_count)
    take("email", parse_email)
    take("status", parse_status)

    if not row["name"]:
        problems.append(_("name: this is missing."))
    if not row["handle"]:
        problems.append(_("handle: this is missing (the name they use on the platform)."))
    for column, limit in MAX_LENGTHS.items():
        if row[column] and len(row[column]) > limit:
            problems.append(
                _("%(column)s: longer than %(limit)s characters.")
                % {"column": column.replace("_", " "), "limit": limit}
            )
    return row, problems


def parse_roster_csv(raw: bytes) -> ParsedRoster:
    """Bytes of a roster CSV -> ParsedRoster. Nothing touches the database. Line numbers are
    the spreadsheet's rows (a cell with line breaks is still one row)."""
    result = ParsedRoster()
    try:
        table = read_table(raw, comments=False)
    except BadFile as error:
        result.errors.append(RowError(None, str(error)))
        return result
    if table.workbook:
        result.notices.append(_("We read %(sheet)s.") % {"sheet": table.encoding})
    elif table.encoding:
        result.notices.append(
            _(
                "This file is not saved as UTF-8, so we read it as %(encoding)s. Check that "
                "names with accents look right below; if not, save it as 'CSV UTF-8' and "
                "upload it again."
            )
            % {"encoding": table.encoding}
        )
    columns = read_header(table.header)
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        result.errors.append(
            RowError(
                table.records[0].row,
                _("The first line must name the columns; missing: %(missing)s.")
                % {"missing": ", ".join(missing)},
            )
        )
        return result

    seen: dict[tuple[str, str], int] = {}
    for record in table.records[1:]:
        line, cells = record.row, record.cells
        named = {column: cell for column, cell in zip(columns, cells, strict=False) if column}
        row, problems = parse_row(named)
        row["line"] = line
        handle_key = (row["platform"], row["handle"])
        if row["platform"] and row["handle"] and handle_key in seen:
            problems.append(
                _("@%(handle)s on this platform is already on line %(line)s.")
                % {"handle": row["handle"], "line": seen[handle_key]}
            )
        seen.setdefault(handle_key, line)
        result.errors.extend(RowError(line, problem) for problem in problems)
        if not problems:
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(RowError(None, _("This file has a header but no people in it.")))
    return result


def existing_profiles(*, owner: User, rows: Sequence[Row]) -> dict[tuple[str, str], Profile]:
    """The owner's profiles that rows refer to, by (platform, handle)."""
    handles = {row["handle"] for row in rows}
    profiles = owned(Profile, owner=owner).filter(handle__in=handles).select_related("influencer")
    return {(profile.platform, profile.handle): profile for profile in profiles}


def plan_import(*, owner: User, rows: Sequence[Row]) -> list[Row]:
    """Each row for the preview: ``action`` ('update' when the owner already has that platform
    + handle, else 'add'), display labels and the engagement the numbers give."""
    existing = existing_profiles(owner=owner, rows=rows)
    return [
        {
            **row,
            "action": "update" if (row["platform"], row["handle"]) in existing else "add",
            "platform_label": Platform(row["platform"]).label,
            "status_label": OutreachStatus(row["status"]).label if row["status"] else "",
            "engagement": profile_engagement(
                Profile(**{PROFILE_FIELDS[column]: row[column] for column in COUNT_COLUMNS})
            ),
        }
        for row in rows
    ]


INFLUENCER_FIELDS = ("niche", "location", "email", "notes")
PROFILE_FIELDS = {"profile_url": "url", **{column: column for column in COUNT_COLUMNS}}


@transaction.atomic
def save_import(*, owner: User, rows: Sequence[Row]) -> tuple[int, int]:
    """Write checked rows for ``owner`` in one transaction; returns (added, updated).

    A known platform + handle updates that profile and its person; a new one joins the person
    of the same name (earlier in the file or already in the roster) or a new person. A blank
    cell leaves what the roster already holds.
    """
    existing = existing_profiles(owner=owner, rows=rows)
    people: dict[str, Influencer] = {}
    added = updated = 0
    for row in rows:
        profile = existing.get((row["platform"], row["handle"]))
        if profile:
            influencer = profile.influencer
            influencer.name = row["name"]
            updated += 1
        else:
            influencer = people.get(row["name"].casefold()) or (
                owned(Influencer, owner=owner).filter(name__iexact=row["name"]).first()
                or Influencer(owner=owner, name=row["name"])
            )
            profile = Profile(owner=owner, platform=row["platform"], handle=row["handle"])
            added += 1
        for column in INFLUENCER_FIELDS:
            if row[column]:
                setattr(influencer, column, row[column])
        if row["status"]:
            influencer.status = row["status"]
        influencer.save()
        people[row["name"].casefold()] = influencer

        profile.influencer = influencer
        for column, attribute in PROFILE_FIELDS.items():
            if row[column] not in (None, ""):
                setattr(profile, attribute, row[column])
        profile.save()
    return added, updated
