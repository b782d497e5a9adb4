import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

from tests.factories.accounts import PASSWORD, UserFactory

# No time limit per example: the suite runs a process per core beside browsers and servers,
# so how long one example takes measures the machine's load, not the code (a first example
# once took 300 ms against Hypothesis' default 200 ms and failed the run). Every example is
# still checked; tests that set their own settings keep them. Hypothesis keeps what it learns
# (failing examples, constants read from the code) in the system's temporary folder, not in
# the checkout: a test run leaves the tree as it was.
hypothesis_settings.register_profile("suite", deadline=None)
hypothesis_settings.load_profile("suite")
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "microreach-hypothesis")


def pytest_configure(config):
    """A fast password hasher for the tests: the real one takes a third of a second per
    password by design, and most tests make an owner (and many log one in). Servers the
    tests start in a process of their own keep the real one."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache, and nothing kept in this process's memory: ids
    come round again once a test's rows are rolled back, so a page cached in one test could be
    served in the next."""
    from reports.caching import in_process

    cache.clear()
    in_process.clear()


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def other_owner(db):
    return UserFactory()


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory):
    """A SQLite file with every migration applied, made once per test process: the project's
    and those of the Redis job queue's app (installed only with ``TASKS_REDIS_URL``; it makes
    no tables, so the file serves both job backends)."""
    path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "TASKS_REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment["SQLITE_PATH"] = str(path)
    environment["TASKS_REDIS_URL"] = "redis://127.0.0.1:6379/0"  # named, never connected to
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        check=True,
    )
    return path


@pytest.fixture
def migrated_sqlite(tmp_path, migrated_sqlite_template):
    """A fresh, migrated SQLite file of this test's own (``tmp_path / "db.sqlite3"``), for a
    test that serves the project from another process: a copy of one migrated once, since
    running every migration again costs many seconds per test."""
    path = tmp_path / "db.sqlite3"
    # SQLite's own copy, which also takes what may still sit in the template's write-ahead log.
    with (
        contextlib.closing(sqlite3.connect(migrated_sqlite_template)) as template,
        contextlib.closing(sqlite3.connect(path)) as copy,
    ):
        template.backup(copy)
    return path
