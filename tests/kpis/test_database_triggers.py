"""Every trigger the migrations create is in place after all of them, on SQLite and on
PostgreSQL. On SQLite a migration that rebuilds a table drops its triggers without a word
(kpis migration 0016 says how to keep them); this test is where that shows."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

# {table: its triggers}: the daily click counts (migrations 0010 to 0014) and the versions
# of readings and check-ins (0016).
TRIGGERS = {
    "kpis_click": {"kpis_click_counted", "kpis_click_unchanged", "kpis_click_uncounted"},
    "kpis_measurement": {
        "kpis_measurement_versioned_insert",
        "kpis_measurement_versioned_update",
        "kpis_measurement_versioned_delete",
    },
    "kpis_checkin": {
        "kpis_checkin_versioned_insert",
        "kpis_checkin_versioned_update",
        "kpis_checkin_versioned_delete",
    },
}
QUERIES = {
    "sqlite": "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'",
    "postgresql": ("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"),
}


def test_every_trigger_is_in_place():
    with connection.cursor() as cursor:
        cursor.execute(QUERIES[connection.vendor])
        found = {}
        for table, name in cursor.fetchall():
            found.setdefault(table, set()).add(name)

    assert found == TRIGGERS
