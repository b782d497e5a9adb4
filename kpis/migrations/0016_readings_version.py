"""Readings and check-ins versioned by the database itself.

Every change to a reading raises its KPI's ``readings_version`` and its campaign's; every
change to a check-in raises its campaign's. Triggers, not the code that writes, so that a
form, an import's ``bulk_create``, a check-in moving its readings with ``update()`` or a
cascade all count alike. The dashboard keeps what readings feed by these versions, so a
reading typed in draws again only what it changes (``reports.caching``).

On SQLite, a later migration that rebuilds one of these four tables (most ``AlterField``s,
an ``AddField`` with a default) loses the triggers or fails on them: it must drop them
first and create them again after (``run_all``). ``tests/kpis/test_database_triggers.py``
checks that every trigger is in place after all the migrations.
"""

from django.db import migrations, models

# The rows a trigger of each event sees: the new one, the old one, or both (a reading moved).
ROWS = {"INSERT": ["NEW"], "UPDATE": ["OLD", "NEW"], "DELETE": ["OLD"]}


# The campaign's row is raised before the KPI's, in both databases: a check-in raises its
# campaign first (its own row comes before its readings), so every writer takes the two
# rows' locks in the same order and two of them at once never wait on each other.
def sqlite_kpi_raised(row):
    return f"""
        UPDATE campaigns_campaign SET readings_version = readings_version + 1
        WHERE id = (SELECT campaign_id FROM kpis_campaignkpi WHERE id = {row}.kpi_id);
        UPDATE kpis_campaignkpi SET readings_version = readings_version + 1
        WHERE id = {row}.kpi_id;"""


def sqlite_campaign_raised(row):
    return f"""
        UPDATE campaigns_campaign SET readings_version = readings_version + 1
        WHERE id = {row}.campaign_id;"""


SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER kpis_{table}_versioned_{event.lower()} AFTER {event} ON kpis_{table}
    BEGIN {"".join(raised(row) for row in rows)}
    END
    """
    for table, raised in (("measurement", sqlite_kpi_raised), ("checkin", sqlite_campaign_raised))
    for event, rows in ROWS.items()
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER kpis_{table}_versioned_{event}"
    for table in ("measurement", "checkin")
    for event in ("insert", "update", "delete")
]

# What each table's PostgreSQL trigger raises, given ``changed``: the keys (``column``) the
# statement's old rows, new rows or both (rows moved) hold. A trigger per statement, not per
# row: an import of thousands of readings raises each version once, and does not update the
# same two rows thousands of times in one transaction (each such update is slower than the
# last, as it walks the row's earlier versions).
POSTGRESQL_RAISED = {
    "measurement": (
        "kpi_id",
        """
            UPDATE campaigns_campaign SET readings_version = readings_version + 1
            WHERE id IN (SELECT campaign_id FROM kpis_campaignkpi WHERE id = ANY(changed));
            UPDATE kpis_campaignkpi SET readings_version = readings_version + 1
            WHERE id = ANY(changed);""",
    ),
    "checkin": (
        "campaign_id",
        """
            UPDATE campaigns_campaign SET readings_version = readings_version + 1
            WHERE id = ANY(changed);""",
    ),
}
# The transition tables each event's trigger is given.
POSTGRESQL_REFERENCING = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}

POSTGRESQL_FORWARD = [
    statement
    for table, (column, raised) in POSTGRESQL_RAISED.items()
    for statement in (
        f"""
        CREATE FUNCTION kpis_{table}_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            changed bigint[];
        BEGIN
            IF TG_OP = 'INSERT' THEN
                SELECT array_agg(DISTINCT {column}) INTO changed FROM new_rows;
            ELSIF TG_OP = 'DELETE' THEN
                SELECT array_agg(DISTINCT {column}) INTO changed FROM old_rows;
            ELSE
                SELECT array_agg(DISTINCT {column}) INTO changed FROM (
                    SELECT {column} FROM old_rows UNION SELECT {column} FROM new_rows
                ) AS moved;
            END IF;{raised}
            RETURN NULL;
        END $$
        """,
        *(
            f"""
            CREATE TRIGGER kpis_{table}_versioned_{event.lower()} AFTER {event} ON kpis_{table}
            REFERENCING {referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION kpis_{table}_versioned()
            """
            for event, referencing in POSTGRESQL_REFERENCING.items()
        ),
    )
]
POSTGRESQL_BACKWARD = [
    statement
    for table in POSTGRESQL_RAISED
    for statement in (
        *(
            f"DROP TRIGGER kpis_{table}_versioned_{event.lower()} ON kpis_{table}"
            for event in POSTGRESQL_REFERENCING
        ),
        f"DROP FUNCTION kpis_{table}_versioned()",
    )
]

STATEMENTS = {
    "forward": {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD},
    "backward": {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD},
}


def run_all(direction):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in STATEMENTS[direction]:
            raise NotImplementedError(f"no readings-version triggers for {vendor}")
        for statement in STATEMENTS[direction][vendor]:
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0006_readings_version"),
        ("kpis", "0015_post_links_kept_one_way"),
    ]

    operations = [
        migrations.AddField(
            model_name="campaignkpi",
            name="readings_version",
            field=models.PositiveBigIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(run_all("forward"), run_all("backward")),
    ]
