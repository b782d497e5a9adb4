"""Clicks stored before every click had to carry its local day get it from their time."""

import datetime

import pytest

from kpis.models import Click
from tests.factories.kpis import TrackedLinkFactory
from tests.migrating import latest, migrate

BEFORE = [("kpis", "0002_click_day")]


@pytest.mark.django_db(transaction=True)
def test_clicks_without_a_day_get_the_local_day_of_their_time(settings):
    settings.TIME_ZONE = "Europe/London"
    link = TrackedLinkFactory()
    newest = latest("kpis")
    old_click = migrate(BEFORE).get_model("kpis", "Click")
    # Written in bulk, the old way: no day. 23:30 UTC on 1 June is 2 June in London.
    late_evening = datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC)
    old_click.objects.bulk_create([old_click(link_id=link.pk, at=late_evening)])
    assert old_click.objects.get().day is None

    migrate(newest)

    assert Click.objects.get().day == datetime.date(2026, 6, 2)
