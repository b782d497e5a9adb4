#!/usr/bin/env bash
# Backs up the database that DATABASE_URL names (PostgreSQL) or the SQLite file
# (SQLITE_PATH, default db.sqlite3) into $BACKUP_DIR (default backups/) with a UTC timestamp.
# Prints the file it wrote; never overwrites one. BACKUP_LABEL adds a word to the name.
# See README.md, "Backups".
set -euo pipefail
cd "$(dirname "$0")/.."

BACKUP_DIR=${BACKUP_DIR:-backups}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
PYTHON=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}
mkdir -p "$BACKUP_DIR"
chmod 700 "$BACKUP_DIR"  # backups hold every owner's data

# backups/microreach-<time>[-label][-n].<extension>, the first name not taken yet.
new_file() {
  local base="$BACKUP_DIR/microreach-$STAMP${BACKUP_LABEL:+-$BACKUP_LABEL}" name n=1
  name="$base.$1"
  while [ -e "$name" ]; do n=$((n + 1)); name="$base-$n.$1"; done
  echo "$name"
}

case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*)
    file=$(new_file pgdump)
    pg_dump --format=custom --no-owner --file="$file" --dbname="$DATABASE_URL"
    ;;
  "" | sqlite://*)
    source=${SQLITE_PATH:-db.sqlite3}
    if [ -n "${DATABASE_URL:-}" ]; then source=${DATABASE_URL#sqlite://}; source=${source#/}; fi
    file=$(new_file sqlite3)
    "$PYTHON" scripts/sqlite_backup.py backup "$source" "$file" >/dev/null
    ;;
  *)
    echo "backup.sh: cannot back up DATABASE_URL=${DATABASE_URL%%:*}://..." >&2
    exit 2
    ;;
esac
chmod 600 "$file"
echo "$file"
