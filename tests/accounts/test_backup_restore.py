"""scripts/backup.sh and scripts/restore.sh (make backup / make restore), for real."""

import os
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings

SCRIPTS = Path(settings.BASE_DIR) / "scripts"
POSTGRES_SERVER = os.environ.get("BACKUP_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def run(script, *args, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    result = subprocess.run(
        [str(SCRIPTS / script), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()


def names(database):
    with closing(sqlite3.connect(database)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM shop ORDER BY name")]


def test_sqlite_backup_and_restore_round_trip(tmp_path):
    live = tmp_path / "live.sqlite3"
    with closing(sqlite3.connect(live, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE shop (name TEXT)")
        connection.executemany("INSERT INTO shop VALUES (?)", [("Bakery",), ("Gym",)])
    env = {"SQLITE_PATH": str(live), "BACKUP_DIR": str(tmp_path / "backups")}

    backup = Path(run("backup.sh", **env)[-1])
    with closing(sqlite3.connect(live, isolation_level=None)) as connection:
        connection.execute("DELETE FROM shop WHERE name = 'Gym'")
        connection.execute("INSERT INTO shop VALUES ('Oops')")
    output = run("restore.sh", str(backup), **env)

    assert backup.name.startswith("microreach-") and backup.suffix == ".sqlite3"
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    assert names(live) == ["Bakery", "Gym"]
    with closing(sqlite3.connect(live)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert output[-1] == f"Restored {backup}"
    # The data replaced by the restore was saved first, so the restore can be undone.
    saved = [path for path in (tmp_path / "backups").iterdir() if path != backup]
    assert len(saved) == 1 and names(saved[0]) == ["Bakery", "Oops"]
    assert saved[0].name.endswith("-before-restore.sqlite3")


def test_two_backups_in_the_same_second_keep_both(tmp_path):
    live = tmp_path / "live.sqlite3"
    sqlite3.connect(live).execute("CREATE TABLE shop (name TEXT)").connection.close()
    env = {"SQLITE_PATH": str(live), "BACKUP_DIR": str(tmp_path / "backups")}
    written = {run("backup.sh", **env)[-1] for _ in range(3)}
    assert len(written) == 3
    assert all(Path(path).exists() for path in written)


def test_restore_refuses_a_missing_or_foreign_file(tmp_path):
    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "live.sqlite3")}
    missing = subprocess.run(
        [str(SCRIPTS / "restore.sh"), str(tmp_path / "nope.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert missing.returncode != 0 and "no file" in missing.stderr


def postgres_admin():
    psycopg = pytest.importorskip("psycopg")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    try:
        return psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"no PostgreSQL server at {POSTGRES_SERVER}: {error}")


def test_postgresql_backup_and_restore_round_trip(tmp_path):
    import psycopg

    admin = postgres_admin()
    name = f"mr_h5_backup_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{POSTGRES_SERVER}/{name}"
    try:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE TABLE shop (name text)")
            connection.execute("INSERT INTO shop VALUES ('Bakery'), ('Gym')")
        env = {"DATABASE_URL": url, "BACKUP_DIR": str(tmp_path)}

        backup = Path(run("backup.sh", **env)[-1])
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("DELETE FROM shop WHERE name = 'Gym'")
        run("restore.sh", str(backup), **env)

        assert backup.suffix == ".pgdump"
        with psycopg.connect(url) as connection:
            rows = connection.execute("SELECT name FROM shop ORDER BY name").fetchall()
        assert rows == [("Bakery",), ("Gym",)]
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
