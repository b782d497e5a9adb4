# Microreach: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/microreach
AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo yes)
# The suite runs in parallel, one process per core, each with its own test database (and, for
# the browser tests, its own Chromium); tests go to whichever process is free. TEST_WORKERS=0
# runs it all in one process.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

.PHONY: run serve install system-deps browser test-tools migrate demo test test-postgres lint format bench

run: install system-deps migrate demo serve

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The venv's own pip installs everything (editable installs from pyproject.toml included):
# upgrading it first cost a clean clone's set-up a quarter of its time.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# WeasyPrint subsets fonts 3x faster with HarfBuzz's subsetter (Debian's libharfbuzz-subset0).
system-deps:
ifeq ($(AS_ROOT),yes)
	@ldconfig -p | grep -q libharfbuzz-subset.so.0 || \
		(apt-get update -qq && apt-get install -y -qq libharfbuzz-subset0)
endif

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own. They
# run its headless shell (chromium-headless-shell: the same engine without the browser's
# window machinery, the build Playwright itself runs headless) when it is there: the browser
# tests take about half the time they take in the full browser.
browser:
ifeq ($(AS_ROOT),yes)
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ] || \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-headless-shell)
endif

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: install
	$(BIN)/python manage.py load_demo

serve: install
	$(BIN)/python manage.py runall 127.0.0.1:8000

# The survey card test reads its printed QR code back: pdftoppm renders it, zbarimg decodes it.
test-tools:
ifeq ($(AS_ROOT),yes)
	@(command -v pdftoppm && command -v zbarimg) >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq poppler-utils zbar-tools)
endif

# Python keeps its compiled modules (in __pycache__, which git ignores) while testing, even
# where the environment says not to (PYTHONDONTWRITEBYTECODE): each test process, and each
# server, worker and command the tests start, would compile the project and the tests again.
test test-postgres: export PYTHONDONTWRITEBYTECODE :=

test: install system-deps browser test-tools
	$(PYTEST)

# The suite without the browser tests, against PostgreSQL (DATABASE_URL). Tests marked
# own_sqlite run the project from a SQLite file of their own whatever DATABASE_URL says, so
# this pass would only repeat them as `make test` ran them.
test-postgres: install system-deps
	DATABASE_URL=$(POSTGRES_TEST_URL) $(PYTEST) -m "not browser and not own_sqlite"

# Speed figures (bench/README.md), one after the other in one run: printed, never pass or fail
# on time. Each script builds its own throw-away databases (PostgreSQL at 127.0.0.1:5432).
bench: install
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/dashboard.py --clicks 5000000 --pdf-runs 1
	$(BIN)/python bench/tracked_links.py
	$(BIN)/python bench/imports.py
	$(BIN)/python bench/survey.py

# lint-imports holds the layers (pyproject.toml, [tool.importlinter]): imports run only downward;
# mypy checks the annotations ([tool.mypy]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Backups (README.md, "Backups"): `make backup` writes backups/microreach-<UTC time>.*;
# `make restore FILE=backups/...` puts one back (after saving the current data).
.PHONY: backup restore
backup:
	scripts/backup.sh

restore:
	@[ -n "$(FILE)" ] || (echo "usage: make restore FILE=backups/microreach-....sqlite3" >&2; exit 2)
	scripts/restore.sh "$(FILE)"
