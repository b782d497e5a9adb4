"""Reminders reach a real SMTP inbox through the job runner, on each job backend, once.

The scheduler queues, a worker sends to an aiosmtpd server on 127.0.0.1, and the test reads
the messages the server accepted."""

import datetime
import logging

import pytest
from django.utils import timezone
from freezegun import freeze_time

from kpis.models import CheckIn
from reports.models import Reminder, ReminderStatus
from reports.reminders.delivery import BACKOFF, MAX_ATTEMPTS
from reports.reminders.scheduling import run_scheduler
from reports.tasks import send_reminder

from .conftest import at

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 9)  # a check-in day and a Monday


def schedule_and_work(moment, run_worker):
    with freeze_time(moment):
        run_scheduler(now=timezone.now())
        run_worker()


def subjects(inbox):
    return sorted(message["Subject"] for message in inbox.messages)


def test_check_in_day_arrives_as_text_and_html_with_the_form_link(world, smtp_inbox, run_worker):
    world["business"].reminders_off = ["weekly_summary"]
    world["business"].save()

    schedule_and_work(at(MONDAY), run_worker)

    [message] = smtp_inbox.messages
    assert message["To"] == "rosie@bakery.example"
    assert message["Subject"] == "Check-in day for Spring sourdough"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    checkin_url = f"http://127.0.0.1:8000/campaigns/{world['campaign'].pk}/measurements/"
    assert "New customers: 0 of 40 (No numbers yet)" in text
    assert checkin_url in text
    assert f'href="{checkin_url}"' in html
    assert Reminder.objects.get().status == ReminderStatus.SENT


def test_every_message_has_a_one_click_unsubscribe(world, smtp_inbox, run_worker):
    schedule_and_work(at(MONDAY), run_worker)

    assert len(smtp_inbox.messages) == 2
    for message in smtp_inbox.messages:
        url = str(message["List-Unsubscribe"]).strip().strip("<>")
        assert url.startswith("http://127.0.0.1:8000/reminders/unsubscribe/")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in message.get_body(("plain",)).get_content()


def test_two_schedulers_and_two_workers_send_each_reminder_once(world, smtp_inbox, run_worker):
    with freeze_time(at(MONDAY)):
        run_scheduler(now=timezone.now())
        run_scheduler(now=timezone.now())
        # A second job for every reminder, as if another scheduler had queued them too.
        for reminder in Reminder.objects.all():
            send_reminder.enqueue(reminder.pk)
        run_worker()
        run_worker()
    schedule_and_work(at(MONDAY, hour=15), run_worker)

    assert subjects(smtp_inbox) == ["Check-in day for Spring sourdough", "Your campaigns this week"]
    assert Reminder.objects.filter(status=ReminderStatus.SENT).count() == 2


def test_a_refused_delivery_is_logged_and_retried_later(world, smtp_inbox, run_worker, caplog):
    world["business"].reminders_off = ["weekly_summary"]
    world["business"].save()
    smtp_inbox.refuse_next = 1

    with caplog.at_level(logging.WARNING, logger="reports.reminders"):
        schedule_and_work(at(MONDAY), run_worker)

    reminder = Reminder.objects.get()
    assert smtp_inbox.messages == []
    assert reminder.status == ReminderStatus.PENDING
    assert reminder.attempts == 1
    assert "451" in reminder.last_error
    assert reminder.next_attempt_at == at(MONDAY) + BACKOFF[0]
    assert "try 1 failed" in caplog.text

    # Not before its time, even when the scheduler passes again...
    schedule_and_work(at(MONDAY, minute=0) + datetime.timedelta(seconds=30), run_worker)
    assert smtp_inbox.messages == []
    # ...and then once.
    schedule_and_work(at(MONDAY, minute=5), run_worker)
    schedule_and_work(at(MONDAY, minute=10), run_worker)
    assert subjects(smtp_inbox) == ["Check-in day for Spring sourdough"]


def test_after_the_last_try_it_is_marked_failed_and_logged_as_an_error(
    world, smtp_inbox, run_worker, caplog
):
    world["business"].reminders_off = ["weekly_summary"]
    world["business"].save()
    smtp_inbox.refuse_next = MAX_ATTEMPTS
    moment = at(MONDAY)

    with caplog.at_level(logging.WARNING, logger="reports.reminders"):
        for wait in [datetime.timedelta(0), *BACKOFF]:
            moment += wait
            schedule_and_work(moment, run_worker)
        schedule_and_work(moment + datetime.timedelta(hours=3), run_worker)

    reminder = Reminder.objects.get()
    assert smtp_inbox.messages == []
    assert reminder.status == ReminderStatus.FAILED
    assert reminder.attempts == MAX_ATTEMPTS
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "could not be sent after 6 tries" in errors[0].getMessage()


def test_a_check_in_recorded_before_the_send_cancels_it(world, smtp_inbox, run_worker):
    world["business"].reminders_off = ["weekly_summary"]
    world["business"].save()
    with freeze_time(at(MONDAY)):
        run_scheduler(now=timezone.now())
        CheckIn.objects.create(owner=world["owner"], campaign=world["campaign"], date=MONDAY)
        run_worker()

    assert smtp_inbox.messages == []
    assert Reminder.objects.get().status == ReminderStatus.CANCELLED


def test_turned_off_after_queueing_is_not_sent(world, smtp_inbox, run_worker):
    with freeze_time(at(MONDAY)):
        run_scheduler(now=timezone.now())
        world["business"].reminders_off = ["checkin_day", "weekly_summary"]
        world["business"].save()
        run_worker()

    assert smtp_inbox.messages == []
