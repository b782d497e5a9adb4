"""Real worker processes: one killed in the middle of sending sends the reminder once after a
restart; two at once send a reminder queued twice once.

Real processes on a SQLite file (or Redis for the jobs): the worker is held by the SMTP
server before the message is accepted, killed with SIGKILL, and the scheduler and a new
worker take over once the claim is older than any send can last (the test moves that clock).
"""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from .conftest import children_of, empty_test_redis

pytestmark = pytest.mark.own_sqlite

ROOT = Path(__file__).resolve().parents[3]

SETUP = """
import datetime, zoneinfo
from django.utils import timezone
from accounts.models import Business, ReminderKind
from campaigns.models import Campaign
from django.contrib.auth import get_user_model

now = timezone.now()
# A zone where it is daytime now, so the reminder is due whenever the test runs.
zone = next(z for z in sorted(zoneinfo.available_timezones())
            if 9 <= now.astimezone(zoneinfo.ZoneInfo(z)).hour <= 20)
today = now.astimezone(zoneinfo.ZoneInfo(zone)).date()
email = "rosie@bakery.example"
owner = get_user_model().objects.create(username=email, email=email)
Business.objects.create(owner=owner, name="Rosie's Bakery", time_zone=zone,
    reminders_off=[k for k in ReminderKind.values if k != "checkin_day"])
Campaign.objects.create(owner=owner, name="Spring sourdough", status="active",
    start_date=today - datetime.timedelta(days=7), end_date=today + datetime.timedelta(days=20))
"""


def manage(environment, *arguments, **options):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
        **options,
    )


def in_one_process(environment, *commands):
    """Management commands one after the other, as if run one by one, in one process: each
    start of the project costs a second or more."""
    calls = "; ".join(f"call_command(*{list(command)!r})" for command in commands)
    return manage(
        environment, "shell", "-c", f"from django.core.management import call_command; {calls}"
    )


def set_up_and(environment, code):
    """SETUP's owner and campaign made, then ``code`` run, in one start of the project."""
    manage(
        environment,
        "shell",
        "-c",
        f"{SETUP}\nfrom django.core.management import call_command\n{code}",
    )


def kill_with_children(pid):
    """SIGKILL a worker and the processes it forked: RQ runs each job in a "work horse" child
    in a session of its own, which a killed machine would take down too."""
    children = children_of(pid)
    for victim in [pid, *children]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(victim, signal.SIGKILL)


def reminder_row(database):
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT status, attempts FROM reports_reminder").fetchone()


@pytest.fixture(params=["database", "redis"])
def environment(request, migrated_sqlite, smtp_server):
    _inbox, port = smtp_server
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "TASKS_REDIS_URL", "EMAIL_BACKEND"}
    }
    env |= {
        "SQLITE_PATH": str(migrated_sqlite),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}?tls=none",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    if request.param == "redis":
        env["TASKS_REDIS_URL"] = empty_test_redis()
        env["WORKER"] = "rqworker --job-class django_tasks_rq.Job default"
        env["BATCH_WORKER"] = "rqworker --job-class django_tasks_rq.Job --burst default"
    else:
        env["WORKER"] = "db_worker --no-reload --no-startup-delay --interval 0.2"
        env["BATCH_WORKER"] = "db_worker --no-reload --no-startup-delay --batch"
    yield env
    if request.param == "redis":
        redis.Redis.from_url(env["TASKS_REDIS_URL"]).flushdb()


def test_a_worker_killed_mid_send_sends_once_after_restart(environment, smtp_server):
    inbox, _port = smtp_server
    database = environment["SQLITE_PATH"]
    set_up_and(environment, "call_command('schedule_reminders', '--once')")
    assert reminder_row(database) == ("pending", 0)

    inbox.hold.clear()  # the server keeps the next sender waiting before it takes any message
    worker = subprocess.Popen(
        [sys.executable, "manage.py", *environment["WORKER"].split()],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert inbox.held.wait(60), "the worker never reached the mail server"
        assert reminder_row(database) == ("sending", 1)
    finally:
        kill_with_children(worker.pid)
        worker.wait(10)
    inbox.hold.set()
    assert inbox.messages == []

    # A restart soon after: the claim is fresh, so nothing is sent twice by mistake...
    scheduler_then_worker = [["schedule_reminders", "--once"], environment["BATCH_WORKER"].split()]
    in_one_process(environment, *scheduler_then_worker)
    assert inbox.messages == []
    # ...and once the claim is older than any send can take, it goes out, once.
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE reports_reminder SET claimed_at = '2000-01-01 00:00:00'")
    in_one_process(environment, *scheduler_then_worker, *scheduler_then_worker)

    assert [message["Subject"] for message in inbox.messages] == [
        "Check-in day for Spring sourdough"
    ]
    assert reminder_row(database) == ("sent", 2)


def test_two_workers_at_once_send_a_reminder_queued_twice_once(environment, smtp_server):
    inbox, _port = smtp_server
    # The scheduler queues the reminder; then a second job for it, as a second scheduler
    # would have queued.
    set_up_and(
        environment,
        "call_command('schedule_reminders', '--once'); "
        "from reports.models import Reminder; from reports.tasks import send_reminder; "
        "send_reminder.enqueue(Reminder.objects.get().pk)",
    )

    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", *environment["BATCH_WORKER"].split()],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _worker in range(2)
    ]
    for worker in workers:
        assert worker.wait(120) == 0

    assert len(inbox.messages) == 1
    assert reminder_row(environment["SQLITE_PATH"]) == ("sent", 1)
