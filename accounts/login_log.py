"""The login log (django-axes' tables): what it keeps about a person, for how long, and whose
it is. Addresses and browsers are needed only while an attempt can still lock an account out;
after ``ADDRESSES_KEPT_FOR`` they are blanked, and after ``ENTRIES_KEPT_FOR`` the entry goes."""

import datetime
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

ADDRESSES_KEPT_FOR = datetime.timedelta(days=7)
ENTRIES_KEPT_FOR = datetime.timedelta(days=90)
LOG_MODELS = (AccessLog, AccessFailureLog, AccessAttempt)
EXPORT_COLUMNS = ("when", "what", "address", "browser", "logged_out")


def forget_old_entries(*, now: datetime.datetime | None = None) -> None:
    """Blanks the address and browser of entries past ``ADDRESSES_KEPT_FOR`` and deletes
    entries past ``ENTRIES_KEPT_FOR``. Cheap when there is nothing to do."""
    now = now or timezone.now()
    for model in LOG_MODELS:
        model.objects.filter(attempt_time__lt=now - ENTRIES_KEPT_FOR).delete()
        old = model.objects.filter(attempt_time__lt=now - ADDRESSES_KEPT_FOR)
        old.exclude(ip_address=None, user_agent="").update(
            ip_address=None, user_agent="", http_accept=""
        )
    AccessAttempt.objects.filter(attempt_time__lt=now - ADDRESSES_KEPT_FOR).exclude(
        get_data="", post_data=""
    ).update(get_data="", post_data="")


def entries_about(*, user: User) -> dict[type[models.Model], models.QuerySet[Any]]:
    """{model: queryset} of the log entries made under the user's e-mail."""
    return {model: model.objects.filter(username__iexact=user.username) for model in LOG_MODELS}


def export_rows(*, user: User) -> list[tuple[Any, ...]]:
    """The user's logins and failed attempts, oldest first, for the data export."""
    entries = entries_about(user=user)
    rows = [
        (entry.attempt_time, "login", entry.ip_address, entry.user_agent, entry.logout_time)
        for entry in entries[AccessLog]
    ]
    rows += [
        (entry.attempt_time, "failed login", entry.ip_address, entry.user_agent, None)
        for entry in entries[AccessFailureLog]
    ]
    # Failures not yet wiped by a successful login: one row per address and browser.
    rows += [
        (
            entry.attempt_time,
            f"{entry.failures_since_start} failed login(s)",
            entry.ip_address,
            entry.user_agent,
            None,
        )
        for entry in entries[AccessAttempt]
    ]
    return sorted(rows, key=lambda row: row[0])


def delete_about(*, user: User) -> None:
    for queryset in entries_about(user=user).values():
        queryset.delete()
