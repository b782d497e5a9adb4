"""The database keeps the daily click counts (ClickDay) exact itself: triggers on the click
table count every stored click and uncount every deleted one, in the same transaction, however
it was written (the redirect's INSERT, bulk_create, a cascade, a shell). Then the clicks already
stored are counted.

SQLite runs its triggers row by row, as each row is written, one writer at a time. PostgreSQL
runs a statement's triggers once, over the rows it changed (transition tables), so a bulk
insert of two clicks by the same visitor counts one visitor, not none. On PostgreSQL the
visitor checks are statements of their own, run after the day's row is locked (by the upsert,
or first thing on a delete): they then see every click committed before, so a visitor's first
click and a delete of their last one at the same moment are counted once each.

Clicks are never changed once stored; the triggers refuse an UPDATE, so the counts cannot
drift.
"""

from django.db import migrations
from django.db.models import Count, Q

SQLITE_FORWARD = [
    """
    CREATE TRIGGER kpis_click_counted AFTER INSERT ON kpis_click
    BEGIN
        INSERT INTO kpis_clickday (link_id, day, people, bots, visitors)
        VALUES (NEW.link_id, NEW.day, NOT NEW.is_bot, NEW.is_bot, 0)
        ON CONFLICT (link_id, day) DO UPDATE
        SET people = people + excluded.people, bots = bots + excluded.bots;
        UPDATE kpis_clickday SET visitors = visitors + 1
        WHERE link_id = NEW.link_id AND day = NEW.day AND NOT NEW.is_bot
        AND NOT EXISTS (
            SELECT 1 FROM kpis_click
            WHERE link_id = NEW.link_id AND day = NEW.day AND visitor_hash = NEW.visitor_hash
            AND NOT is_bot AND id <> NEW.id
        );
    END
    """,
    """
    CREATE TRIGGER kpis_click_uncounted AFTER DELETE ON kpis_click
    BEGIN
        UPDATE kpis_clickday
        SET people = people - NOT OLD.is_bot,
            bots = bots - OLD.is_bot,
            visitors = visitors - (
                NOT OLD.is_bot AND NOT EXISTS (
                    SELECT 1 FROM kpis_click
                    WHERE link_id = OLD.link_id AND day = OLD.day
                    AND visitor_hash = OLD.visitor_hash AND NOT is_bot
                )
            )
        WHERE link_id = OLD.link_id AND day = OLD.day;
    END
    """,
    """
    CREATE TRIGGER kpis_click_unchanged BEFORE UPDATE ON kpis_click
    BEGIN
        SELECT RAISE(ABORT, 'clicks are never changed once stored');
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER kpis_click_counted",
    "DROP TRIGGER kpis_click_uncounted",
    "DROP TRIGGER kpis_click_unchanged",
]

POSTGRESQL_FORWARD = [
    """
    CREATE FUNCTION kpis_click_counted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO kpis_clickday (link_id, day, people, bots, visitors)
        SELECT link_id, day, COUNT(*) FILTER (WHERE NOT is_bot), COUNT(*) FILTER (WHERE is_bot), 0
        FROM added GROUP BY link_id, day ORDER BY link_id, day
        ON CONFLICT (link_id, day) DO UPDATE
        SET people = kpis_clickday.people + EXCLUDED.people,
            bots = kpis_clickday.bots + EXCLUDED.bots;
        UPDATE kpis_clickday SET visitors = kpis_clickday.visitors + fresh.visitors
        FROM (
            SELECT a.link_id, a.day, COUNT(DISTINCT a.visitor_hash) AS visitors FROM added a
            WHERE NOT a.is_bot AND NOT EXISTS (
                SELECT 1 FROM kpis_click c
                WHERE c.link_id = a.link_id AND c.day = a.day AND c.visitor_hash = a.visitor_hash
                AND NOT c.is_bot AND NOT EXISTS (SELECT 1 FROM added b WHERE b.id = c.id)
            )
            GROUP BY a.link_id, a.day
        ) AS fresh
        WHERE kpis_clickday.link_id = fresh.link_id AND kpis_clickday.day = fresh.day;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION kpis_click_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- Lock the days first: the count below then sees every click stored before.
        PERFORM 1 FROM kpis_clickday d
        JOIN (SELECT DISTINCT link_id, day FROM removed) r ON d.link_id = r.link_id AND d.day = r.day
        ORDER BY d.link_id, d.day FOR UPDATE OF d;
        UPDATE kpis_clickday
        SET people = kpis_clickday.people - gone.people,
            bots = kpis_clickday.bots - gone.bots,
            visitors = kpis_clickday.visitors - gone.visitors
        FROM (
            SELECT g.link_id, g.day,
                COUNT(*) FILTER (WHERE NOT g.is_bot) AS people,
                COUNT(*) FILTER (WHERE g.is_bot) AS bots,
                COUNT(DISTINCT g.visitor_hash) FILTER (
                    WHERE NOT g.is_bot AND NOT EXISTS (
                        SELECT 1 FROM kpis_click c
                        WHERE c.link_id = g.link_id AND c.day = g.day
                        AND c.visitor_hash = g.visitor_hash AND NOT c.is_bot
                    )
                ) AS visitors
            FROM removed g GROUP BY g.link_id, g.day
        ) AS gone
        WHERE kpis_clickday.link_id = gone.link_id AND kpis_clickday.day = gone.day;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION kpis_click_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'clicks are never changed once stored';
    END $$
    """,
    """
    CREATE TRIGGER kpis_click_counted AFTER INSERT ON kpis_click
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kpis_click_counted()
    """,
    """
    CREATE TRIGGER kpis_click_uncounted AFTER DELETE ON kpis_click
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION kpis_click_uncounted()
    """,
    """
    CREATE TRIGGER kpis_click_unchanged BEFORE UPDATE ON kpis_click
    FOR EACH ROW EXECUTE FUNCTION kpis_click_unchanged()
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER kpis_click_counted ON kpis_click",
    "DROP TRIGGER kpis_click_uncounted ON kpis_click",
    "DROP TRIGGER kpis_click_unchanged ON kpis_click",
    "DROP FUNCTION kpis_click_counted()",
    "DROP FUNCTION kpis_click_uncounted()",
    "DROP FUNCTION kpis_click_unchanged()",
]

FORWARD = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}
BACKWARD = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}


def run_all(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise NotImplementedError(f"no click-count triggers for {vendor}")
        for statement in statements[vendor]:
            schema_editor.execute(statement, params=None)

    return run


def count_stored_clicks(apps, schema_editor):
    """The counts of clicks stored before the triggers: one grouped pass over the clicks."""
    Click = apps.get_model("kpis", "Click")
    ClickDay = apps.get_model("kpis", "ClickDay")
    rows = (
        Click.objects.values("link_id", "day")
        .annotate(
            people=Count("pk", filter=Q(is_bot=False)),
            bots=Count("pk", filter=Q(is_bot=True)),
            visitors=Count("visitor_hash", filter=Q(is_bot=False), distinct=True),
        )
        .order_by()
    )
    ClickDay.objects.bulk_create((ClickDay(**row) for row in rows.iterator()), batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0009_click_days"),
    ]

    operations = [
        # Triggers first: creating them locks the click table until this migration commits,
        # so no click can slip in between the count and the triggers.
        migrations.RunPython(run_all(FORWARD), run_all(BACKWARD)),
        migrations.RunPython(count_stored_clicks, migrations.RunPython.noop),
    ]
