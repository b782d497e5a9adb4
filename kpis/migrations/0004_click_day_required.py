"""Every click has its local day, and clicks by people per day are counted from an index.

Apart from 0003 (which fills the days) so that PostgreSQL changes the table in a transaction
of its own, after the rows are written. On a large PostgreSQL table the index is built while
new clicks wait for it: run it at a quiet hour.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0003_fill_click_days"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="click",
            name="kpis_click_link_id_2302f6_idx",
        ),
        migrations.AlterField(
            model_name="click",
            name="day",
            field=models.DateField(editable=False),
        ),
        migrations.AddIndex(
            model_name="click",
            index=models.Index(
                fields=["link", "is_bot", "day"], name="kpis_click_link_id_0086b7_idx"
            ),
        ),
    ]
