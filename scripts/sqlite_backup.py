#!/usr/bin/env python3
"""Consistent copies of a live SQLite database, with only Python's standard library.

    sqlite_backup.py backup LIVE.sqlite3 COPY.sqlite3    # a snapshot of the live database
    sqlite_backup.py restore COPY.sqlite3 LIVE.sqlite3   # the live database becomes the copy

Both use SQLite's online backup API, so they are safe while the site runs (WAL mode
included): readers never see a half-copied file, and the copy is checked before it counts.
"""

import sqlite3
import sys
from contextlib import closing
from pathlib import Path


def copy(source, target):
    if not Path(source).is_file():
        sys.exit(f"No SQLite database at {source}")
    # Plain read-write connections, closed explicitly: SQLite then tidies away its -wal and
    # -shm files, so a backup is one self-contained file.
    with closing(sqlite3.connect(source)) as reader:
        problem = reader.execute("PRAGMA integrity_check").fetchone()[0]
        if problem != "ok":
            sys.exit(f"{source} is damaged ({problem}); nothing was copied")
        with closing(sqlite3.connect(target)) as writer:
            # The copy takes the source's journal mode; keep the target's own (WAL for the
            # live database, the plain single-file mode for a new backup).
            journal_mode = writer.execute("PRAGMA journal_mode").fetchone()[0]
            reader.backup(writer)
            writer.execute(f"PRAGMA journal_mode={journal_mode}")
    print(f"Copied {source} -> {target}")


def main(argv):
    if len(argv) != 4 or argv[1] not in ("backup", "restore"):
        sys.exit(__doc__)
    copy(argv[2], argv[3])


if __name__ == "__main__":
    main(sys.argv)
