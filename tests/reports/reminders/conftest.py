"""A real SMTP server on 127.0.0.1, the job backends the app can run on, and a campaign with
something to be reminded of on known days."""

import datetime
import email
import email.policy
import os
import socket
import threading
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import redis
from aiosmtpd.controller import Controller
from rq import SimpleWorker

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory

LONDON = ZoneInfo("Europe/London")
# The campaign used throughout: Monday 2 March to Tuesday 31 March 2026, weekly check-ins.
START = datetime.date(2026, 3, 2)
END = datetime.date(2026, 3, 31)
POST_DUE = datetime.date(2026, 3, 12)


def at(day, hour=9, minute=0, zone=LONDON):
    """A moment in a business's own time, for freezegun (which wants UTC)."""
    local = datetime.datetime.combine(day, datetime.time(hour, minute), zone)
    return local.astimezone(datetime.UTC)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every accepted message; it can refuse the next few with
    a temporary error, or hold a sender at RCPT until released."""

    def __init__(self):
        self.messages = []
        self.refuse_next = 0
        self.hold = threading.Event()
        self.hold.set()
        self.held = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.hold.is_set():
            self.held.set()
            while not self.hold.is_set():
                import asyncio

                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_next:
            self.refuse_next -= 1
            return "451 Try again later"
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """(inbox, port): a real SMTP server, for the test process or a subprocess."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    inbox.hold.set()
    controller.stop()


@pytest.fixture
def smtp_inbox(smtp_server, settings):
    """The app's mail goes to the real SMTP server through Django's SMTP backend."""
    inbox, port = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return inbox


def redis_test_url():
    """TASKS_REDIS_TEST_URL, one database further along per pytest-xdist worker (gw0 keeps
    it), so parallel workers never empty each other's queues."""
    url = os.environ.get("TASKS_REDIS_TEST_URL", "redis://127.0.0.1:6379/1")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    base, _slash, number = url.rpartition("/")
    return f"{base}/{int(number or 0) + int(worker.removeprefix('gw'))}"


def database_worker(monkeypatch):
    from django_tasks_db.management.commands import db_worker

    # The worker checks its connection between jobs; inside a test's transaction that would
    # throw the transaction away, so it keeps the test's connection as it is.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run


def empty_test_redis():
    """The test Redis database's URL, emptied; skips the test when there is no Redis."""
    url = redis_test_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.ConnectionError:
        if os.environ.get("REQUIRE_REDIS"):
            raise
        pytest.skip(f"no Redis at {url} (set REQUIRE_REDIS=1 to make this an error)")
    return url


def children_of(pid):
    """The ids of the processes whose parent is ``pid``, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # the parent's id comes after the process state
            found.append(int(stat.parent.name))
    return found


def redis_worker(settings):
    import django_rq
    from django_tasks_rq import Job

    url = empty_test_redis()
    settings.RQ_QUEUES = {"default": {"URL": url}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default", job_class=Job)

    def run():
        SimpleWorker([queue], connection=queue.connection, job_class=Job).work(
            burst=True, with_scheduler=False
        )

    return run


@pytest.fixture(params=["database", "redis"])
def run_worker(request, settings, monkeypatch):
    """Runs one worker until the queue is empty, on each job backend the app supports."""
    if request.param == "redis":
        yield redis_worker(settings)
        import django_rq

        django_rq.get_queue("default").connection.flushdb()
    else:
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        yield database_worker(monkeypatch)


@pytest.fixture
def world(db):
    """An owner in London with a running campaign: one KPI, one influencer whose post is due
    on 12 March. Nothing recorded yet."""
    owner = UserFactory(email="rosie@bakery.example")
    business = owner.business
    business.time_zone = "Europe/London"
    business.save()
    campaign = CampaignFactory(
        owner=owner,
        name="Spring sourdough",
        status="active",
        start_date=START,
        end_date=END,
        checkin_frequency=7,
    )
    kpi = CampaignKPIFactory(
        campaign=campaign, kind="customers", baseline=Decimal("0"), target=Decimal("40")
    )
    partnership = PartnershipFactory(
        campaign=campaign, due_date=POST_DUE, deliverables="1 reel, 3 stories", deal_type="gifted"
    )
    return {
        "owner": owner,
        "business": business,
        "campaign": campaign,
        "kpi": kpi,
        "partnership": partnership,
    }
