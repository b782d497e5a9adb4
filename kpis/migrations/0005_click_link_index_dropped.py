"""Clicks lose their index on the link alone: both indexes of 0004 start with the link, and
every index is one more write per click."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0004_click_day_required"),
    ]

    operations = [
        migrations.AlterField(
            model_name="click",
            name="link",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="clicks",
                to="kpis.trackedlink",
            ),
        ),
    ]
