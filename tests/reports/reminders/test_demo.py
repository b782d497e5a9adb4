"""The demo shows the reminders its owner would have had, on the console, never by real mail."""

import pytest
from django.core import mail
from django.core.management import call_command

from reports.models import Reminder

pytestmark = pytest.mark.django_db


def test_without_a_mail_server_the_demo_prints_last_weeks_reminders_once(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    call_command("load_demo")
    first = capsys.readouterr().out
    call_command("load_demo")
    again = capsys.readouterr().out

    assert "Subject: " in first
    assert "List-Unsubscribe: " in first
    assert Reminder.objects.filter(owner__username="demo@microreach.local", status="sent").exists()
    assert "Subject: " not in again


def test_with_a_mail_server_the_demo_sends_nothing(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("load_demo")

    assert mail.outbox == []
    assert not Reminder.objects.exists()
