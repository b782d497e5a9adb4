#!/usr/bin/env bash
# Restores a file made by backup.sh into the database that DATABASE_URL names (PostgreSQL) or
# the SQLite file (SQLITE_PATH, default db.sqlite3). The current data is backed up first, so a
# restore can itself be undone. Stop the site (or put it in maintenance) while restoring.
#   scripts/restore.sh backups/microreach-20260101T020000Z.sqlite3
set -euo pipefail
cd "$(dirname "$0")/.."

file=${1:?"usage: restore.sh BACKUP_FILE (see make restore FILE=...)"}
[ -f "$file" ] || { echo "restore.sh: no file $file" >&2; exit 2; }
PYTHON=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}

echo "Saving the current data first: $(BACKUP_LABEL=before-restore scripts/backup.sh)"
case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*)
    case "$file" in *.pgdump) ;; *) echo "restore.sh: $file is not a PostgreSQL backup" >&2; exit 2;; esac
    pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
      --dbname="$DATABASE_URL" "$file"
    ;;
  "" | sqlite://*)
    case "$file" in *.sqlite3) ;; *) echo "restore.sh: $file is not a SQLite backup" >&2; exit 2;; esac
    target=${SQLITE_PATH:-db.sqlite3}
    if [ -n "${DATABASE_URL:-}" ]; then target=${DATABASE_URL#sqlite://}; target=${target#/}; fi
    "$PYTHON" scripts/sqlite_backup.py restore "$file" "$target" >/dev/null
    ;;
  *)
    echo "restore.sh: cannot restore into DATABASE_URL=${DATABASE_URL%%:*}://..." >&2
    exit 2
    ;;
esac
echo "Restored $file"
