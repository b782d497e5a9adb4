"""The login log keeps addresses only a short while, goes with the account, and is exported."""

import csv
import datetime
import io
import zipfile

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.login_log import ADDRESSES_KEPT_FOR, ENTRIES_KEPT_FOR

pytestmark = pytest.mark.django_db


def log_in(client, email, password):
    return client.post(
        reverse("login"), {"username": email, "password": password}, REMOTE_ADDR="203.0.113.9"
    )


def age(model, by):
    model.objects.update(attempt_time=timezone.now() - by)


def test_a_login_is_logged_with_its_address(client, owner, password):
    assert log_in(client, owner.email, password).status_code == 302
    entry = AccessLog.objects.get(username=owner.email)
    assert entry.ip_address == "203.0.113.9"


def test_addresses_are_forgotten_after_a_week_and_entries_after_ninety_days(
    client, owner, password
):
    log_in(client, owner.email, password)
    client.logout()
    log_in(client, owner.email, "wrong")
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        age(model, ADDRESSES_KEPT_FOR + datetime.timedelta(hours=1))
    call_command("forget_login_entries")
    for model in (AccessLog, AccessAttempt):
        assert model.objects.exists()
        assert not model.objects.exclude(ip_address=None).exists()
        assert not model.objects.exclude(user_agent="").exists()
    age(AccessLog, ENTRIES_KEPT_FOR + datetime.timedelta(hours=1))
    call_command("forget_login_entries")
    assert not AccessLog.objects.exists()


def test_every_login_tidies_the_log(client, owner, password):
    log_in(client, owner.email, password)
    age(AccessLog, ADDRESSES_KEPT_FOR + datetime.timedelta(days=1))
    client.logout()
    log_in(client, owner.email, password)
    assert list(AccessLog.objects.values_list("ip_address", flat=True).order_by("id")) == [
        None,
        "203.0.113.9",
    ]


def test_the_log_is_in_the_data_export(client, owner, password):
    log_in(client, owner.email, password)
    client.logout()
    log_in(client, owner.email, "wrong")
    client.force_login(owner)
    bundle = zipfile.ZipFile(io.BytesIO(client.get(reverse("account_export")).content))
    rows = list(csv.DictReader(io.StringIO(bundle.read("login-log.csv").decode())))
    assert [row["what"] for row in rows][:2] == ["login", "1 failed login(s)"]
    assert rows[0]["address"] == "203.0.113.9"


def test_the_log_goes_with_the_account(client, owner, password, other_owner):
    log_in(client, other_owner.email, "wrong")
    log_in(client, owner.email, password)
    client.post(reverse("account_delete"), {"password": password, "confirmation": "DELETE"})
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert not model.objects.filter(username=owner.email).exists()
    assert AccessAttempt.objects.filter(username=other_owner.email).exists()
