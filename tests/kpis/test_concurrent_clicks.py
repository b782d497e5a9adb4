"""No click is lost when many people follow links at the same moment.

On PostgreSQL (or a SQLite file) this runs against pytest-django's live server. The default
SQLite test database lives in memory, where the live server's threads would share one
connection: that proves nothing about real concurrency, so there the test serves a SQLite
file with gunicorn (two worker processes, as in production) through the bench's helpers.
"""

from urllib.parse import urlsplit

import pytest
from django.db import connection

from bench.tracked_links import (
    count_clicks,
    fire,
    make_links,
    running_server,
    server_environment,
)
from kpis.models import Click
from tests.factories.kpis import TrackedLinkFactory

pytestmark = pytest.mark.django_db(transaction=True)

REQUESTS = 200
THREADS = 8
SLUGS = ["busy-one", "busy-two"]


@pytest.fixture
def click_server(request, tmp_path):
    """(host, port, a function counting (stored clicks, of which people))."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        environment = server_environment(tmp_path)
        environment["SQLITE_PATH"] = str(request.getfixturevalue("migrated_sqlite"))
        make_links(environment, SLUGS)
        with running_server(environment) as (host, port):
            yield host, port, lambda: count_clicks(environment)
    else:
        server = urlsplit(request.getfixturevalue("live_server").url)
        for slug in SLUGS:
            TrackedLinkFactory(slug=slug)
        yield (
            server.hostname,
            server.port,
            lambda: (Click.objects.count(), Click.objects.filter(is_bot=False).count()),
        )


def test_every_concurrent_click_is_stored_exactly_once(click_server):
    host, port, stored_clicks = click_server
    paths = [f"/r/{SLUGS[number % 2]}" for number in range(REQUESTS)]

    statuses, _seconds = fire(host, port, paths, THREADS)

    assert statuses == [302] * REQUESTS
    assert stored_clicks() == (REQUESTS, REQUESTS)
