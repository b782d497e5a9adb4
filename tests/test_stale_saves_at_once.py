"""Two saves of one edit page sent at the same moment: the version check locks the row until
its save commits, so the second save waits for the first and is then refused. Needs real
concurrent connections, so it runs on PostgreSQL (SQLite's writers queue up anyway)."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Business
from accounts.versions import is_stale, version_of
from tests.factories.accounts import BusinessFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real concurrent connections"
    ),
]


def test_of_two_saves_sent_at_once_the_second_is_refused():
    business = BusinessFactory()
    posted = {"version": version_of(business)}  # both tabs were drawn from this version
    checked, results = threading.Event(), {}

    def save(name, then):
        try:
            with transaction.atomic():
                results[name] = is_stale(data=posted, row=Business.objects.get(pk=business.pk))
                then()
                if not results[name]:
                    Business.objects.filter(pk=business.pk).update(
                        name=name, updated_at=timezone.now()
                    )
        finally:
            connection.close()

    # The first save checks, then takes a moment before saving; the second is sent meanwhile.
    first = threading.Thread(target=save, args=("first", lambda: (checked.set(), time.sleep(1))))
    second = threading.Thread(target=save, args=("second", lambda: None))
    first.start()
    checked.wait(5)
    second.start()
    first.join(10)
    second.join(10)

    assert results == {"first": False, "second": True}
    assert Business.objects.get(pk=business.pk).name == "first"
