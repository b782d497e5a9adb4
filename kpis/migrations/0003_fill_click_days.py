"""Clicks stored in bulk before their day was required get it from their time."""

from django.db import migrations
from django.db.models.functions import TruncDate
from django.utils import timezone


def fill_missing_days(apps, schema_editor):
    """Clicks stored in bulk before this migration may have no day: it comes from their time."""
    Click = apps.get_model("kpis", "Click")
    Click.objects.filter(day__isnull=True).update(
        day=TruncDate("at", tzinfo=timezone.get_current_timezone())
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0002_click_day"),
    ]

    operations = [
        migrations.RunPython(fill_missing_days, migrations.RunPython.noop),
    ]
