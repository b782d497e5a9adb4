"""Reading a tracked link and storing its click: the hot path, kept to two short statements,
and the link itself kept in the cache for a few seconds.

Building a query through the ORM costs several times more than running it, so both
statements are compiled by the ORM once per process and database, then reused with new
values. The ORM still writes the SQL: column names, quoting and value conversion stay its job.

On PostgreSQL the click's values are sent beside its statement, for the server to bind,
rather than written into it in Python as Django's cursors do. In a loop of single clicks that
took a third off the processor time per click on both sides (158 to 100 us in the database
server, 100 to 65 us in the app); under the redirect bench's load, about one point of the
share of a bare redirect. The statement is not prepared: that gained nothing more, and would
not survive a connection pooler.
"""

import contextlib
import datetime
import fcntl
import functools
from typing import Any

from django.core.cache import cache
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from .models import Click, TrackedLink

LINK_COLUMNS = (
    "pk",
    "destination",
    "partnership__influencer__name",
    "partnership__campaign__name",
)
CLICK_FIELDS = ("link", "at", "day", "referrer_domain", "visitor_hash", "is_bot")
SLUG_PLACEHOLDER = "slug-placeholder"


@functools.cache
def _link_sql(alias):
    query = (
        TrackedLink.objects.using(alias).filter(slug=SLUG_PLACEHOLDER).values_list(*LINK_COLUMNS)
    )
    sql, params = query[:1].query.sql_with_params()
    assert params == (SLUG_PLACEHOLDER,), "the link query must take the slug as its only value"
    return sql


@functools.cache
def _click_sql(alias):
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(Click._meta.get_field(name).column) for name in CLICK_FIELDS)
    placeholders = ", ".join(["%s"] * len(CLICK_FIELDS))
    insert = f"INSERT INTO {quote(Click._meta.db_table)} ({columns})"
    if connection.vendor == "postgresql":
        # The click's own transaction commits without waiting for the disk (set for this
        # statement only, in the same round trip): waiting is most of a click's time on
        # PostgreSQL. The same trade as SQLite's synchronous=NORMAL: a crash of the database
        # machine may lose the last fraction of a second of clicks, never half a click or
        # its daily count, and nothing else is written this way.
        return (
            f"{insert} SELECT {placeholders} "
            "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS click_commit"
        )
    return f"{insert} VALUES ({placeholders})"


# Links read lately, in the cache (CACHES): each process's own memory by default, one Redis
# shared by every server with CACHE_URL. A link saved or deleted through the site is forgotten
# at once in the cache (so, with Redis, by every server at once); a change the cache does not
# hear of, such as a renamed campaign (its name is in the UTM tags), shows within this long.
LINK_MEMORY_SECONDS = 5


def _link_key(alias, slug):
    return f"kpis:link:{alias}:{slug}"


def find_link(slug: str, *, alias: str = "default") -> tuple[int, str, str, str] | None:
    """(link id, destination, influencer name, campaign name), or None for an unknown slug."""
    key = _link_key(alias, slug)
    row = cache.get(key)
    if row is not None:
        return row
    with connections[alias].cursor() as cursor:
        cursor.execute(_link_sql(alias), [slug])
        row = cursor.fetchone()
    if row is not None:  # unknown slugs are not kept: made-up addresses cannot fill the cache
        cache.set(key, tuple(row), LINK_MEMORY_SECONDS)
    return row


def forget_link(slug: str) -> None:
    """Read this link afresh next time (it was changed or deleted)."""
    cache.delete_many([_link_key(alias, slug) for alias in connections])


def forget_saved_link(sender, instance, **kwargs):
    """Signal receiver: a link saved or deleted is read afresh at once."""
    forget_link(instance.slug)


def lock_links(**links: object) -> None:
    """Locks the tracked links the filter chooses until the transaction ends, so a click
    arriving meanwhile waits (``accounts.deletion`` calls it before deleting what they hang
    from)."""
    list(TrackedLink.objects.select_for_update().filter(**links).values_list("pk"))


def record_click(
    *,
    link_id: int,
    at: datetime.datetime,
    referrer_domain: str,
    visitor_hash: str,
    is_bot: bool,
    alias: str = "default",
) -> None:
    """Store one Click row: a single INSERT, committed at once as its own transaction (with
    its daily count, kept by the database). Call it outside ``transaction.atomic``."""
    connection = connections[alias]
    ops = connection.ops
    # The two values a driver cannot take as they are, converted as the ORM would (the others
    # are a number, text and a boolean).
    params = [
        link_id,
        ops.adapt_datetimefield_value(at),
        ops.adapt_datefield_value(timezone.localdate(at)),
        referrer_domain,
        visitor_hash,
        is_bot,
    ]
    with _sqlite_writers_queue(connection), _click_cursor(connection) as cursor:
        cursor.execute(_click_sql(alias), params)


def _server_bound_cursor(connection: BaseDatabaseWrapper) -> Any:
    """A Django cursor (errors translated, queries logged when Django logs them) whose
    values PostgreSQL binds itself."""
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor: Any = psycopg.Cursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


# The cursor a click is stored with, by database vendor; any other takes Django's own.
CLICK_CURSORS = {"postgresql": _server_bound_cursor}


def _click_cursor(connection: BaseDatabaseWrapper) -> Any:
    make_cursor = CLICK_CURSORS.get(connection.vendor)
    return make_cursor(connection) if make_cursor else connection.cursor()


@functools.cache
def _queue_file(database_path):
    return open(f"{database_path}.clicks-lock", "a")  # noqa: SIM115 - kept open by the process


@contextlib.contextmanager
def _sqlite_writers_queue(connection):
    """On a SQLite file, click writers from all server processes take turns through a file
    lock. SQLite alone would make a writer that finds the database busy sleep and retry
    (1 ms, then longer); a file lock wakes the next writer the moment the last one is done,
    which doubles the clicks per second two workers can store."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        yield
        return
    queue = _queue_file(connection.settings_dict["NAME"])
    fcntl.flock(queue, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(queue, fcntl.LOCK_UN)
