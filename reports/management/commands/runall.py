"""``make run``: the web server, one worker and the reminder scheduler, stopped together.

A tiny supervisor, so trying the app needs one command and one Ctrl-C. Hosted set-ups run
the three as separate services instead (README, "Jobs and reminders").
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def worker_command():
    """The worker that fits the configured job backend."""
    if settings.TASKS_REDIS_URL:
        return ["rqworker", "--job-class", "django_tasks_rq.Job", "default"]
    return ["db_worker", "--no-reload", "--interval", "2"]


def signal_group(process, signum):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


class Command(BaseCommand):
    help = "Run the web server, a job worker and the reminder scheduler until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address, **options):
        manage = [sys.executable, "manage.py"]
        commands = {
            "web": [*manage, "runserver", address],
            "worker": [*manage, *worker_command()],
            "scheduler": [*manage, "schedule_reminders"],
        }
        # Each in a process group of its own, so stopping one stops what it started too
        # (runserver's auto-reloading child); Ctrl-C reaches them through this supervisor.
        processes = {
            name: subprocess.Popen(command, process_group=0) for name, command in commands.items()
        }
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not stopping:
                exited = [name for name, process in processes.items() if process.poll() is not None]
                if exited:
                    self.stderr.write(f"{', '.join(exited)} stopped; stopping the others.")
                    break
                time.sleep(0.5)
        finally:
            for process in processes.values():
                signal_group(process, signal.SIGTERM)
            deadline = time.monotonic() + 10
            for process in processes.values():
                try:
                    process.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    signal_group(process, signal.SIGKILL)
                    process.wait()
