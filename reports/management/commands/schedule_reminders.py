"""The reminder scheduler: every REMINDER_INTERVAL seconds, find due reminders and queue them.

Run it next to one worker (``make run`` starts both), or from cron with ``--once``. Two
schedulers at once do no harm: each reminder is one row, sent once.
"""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from accounts.mail import reminders_off_reason
from reports.reminders.scheduling import run_scheduler


class Command(BaseCommand):
    help = "Queue due reminder e-mails every few minutes (or once, with --once)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit (cron).")
        parser.add_argument(
            "--interval",
            type=int,
            default=settings.REMINDER_INTERVAL,
            help="Seconds between passes (default: REMINDER_INTERVAL, %(default)s).",
        )

    def handle(self, *args, once=False, interval=300, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        if reason := reminders_off_reason():
            self.stderr.write(str(reason))
        while not stop.is_set():
            close_old_connections()
            counts = run_scheduler(now=timezone.now())
            if options["verbosity"] > 1 or any(counts.values()):
                self.stdout.write(
                    "Reminders: {created} new, {recovered} resumed, {queued} queued".format(
                        **counts
                    )
                )
            if once:
                return
            stop.wait(interval)
