"""Readings and check-ins versioned by the database itself.

Every change to a reading raises its KPI's ``readings_version`` and its campaign's; every
change to a check-in raises its campaign's. Triggers, not the code that writes, so that a
form, an import's ``bulk_create``, a check-in moving its readings with ``update()`` or a
cascade all count alike. The dashboard keeps what readings feed by these versions, so a
reading typed in draws again only what it changes (``reports.caching``).
"""

from django.db import migrations, models

# The rows a trigger of each event sees: the new one, the old one, or both (a reading moved).
ROWS = {"INSERT": ["NEW"], "UPDATE": ["OLD", "NEW"], "DELETE": ["OLD"]}


def sqlite_kpi_raised(row):
    return f"""
        UPDATE kpis_campaignkpi SET readings_version = readings_version + 1
        WHERE id = {row}.kpi_id;
        UPDATE campaigns_campaign SET readings_version = readings_version + 1
        WHERE id = (SELECT campaign_id FROM kpis_campaignkpi WHERE id = {row}.kpi_id);"""


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

# What each table's PostgreSQL trigger raises, given ``changed``: the key (``column``) of
# the old row, the new row, or both (a row moved).
POSTGRESQL_RAISED = {
    "measurement": (
        "kpi_id",
        """
        UPDATE kpis_campaignkpi SET readings_version = readings_version + 1
        WHERE id = ANY(changed);
        UPDATE campaigns_campaign SET readings_version = readings_version + 1
        WHERE id IN (SELECT campaign_id FROM kpis_campaignkpi WHERE id = ANY(changed));""",
    ),
    "checkin": (
        "campaign_id",
        """
        UPDATE campaigns_campaign SET readings_version = readings_version + 1
        WHERE id = ANY(changed);""",
    ),
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
                changed := ARRAY[NEW.{column}];
            ELSIF TG_OP = 'DELETE' THEN
                changed := ARRAY[OLD.{column}];
            ELSE
                changed := ARRAY[OLD.{column}, NEW.{column}];
            END IF;{raised}
            RETURN NULL;
        END $$
        """,
        f"""
        CREATE TRIGGER kpis_{table}_versioned AFTER INSERT OR UPDATE OR DELETE
        ON kpis_{table} FOR EACH ROW EXECUTE FUNCTION kpis_{table}_versioned()
        """,
    )
]
POSTGRESQL_BACKWARD = [
    statement
    for table in POSTGRESQL_RAISED
    for statement in (
        f"DROP TRIGGER kpis_{table}_versioned ON kpis_{table}",
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
