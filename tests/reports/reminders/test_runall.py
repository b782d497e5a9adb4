"""``make run``'s supervisor: web server, worker and scheduler start together and all stop on
one Ctrl-C (SIGINT to the terminal's process group)."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import children_of, free_port

pytestmark = pytest.mark.own_sqlite

ROOT = Path(__file__).resolve().parents[3]


def test_runall_serves_runs_a_worker_and_stops_on_ctrl_c(migrated_sqlite):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TASKS_REDIS_URL"}}
    env["SQLITE_PATH"] = str(migrated_sqlite)
    port = free_port()
    supervisor = subprocess.Popen(
        [sys.executable, "manage.py", "runall", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the web server never answered"
                time.sleep(0.1)
        commands = [
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            for pid in children_of(supervisor.pid)
        ]
        assert any("runserver" in command for command in commands)
        assert any("db_worker" in command for command in commands)
        assert any("schedule_reminders" in command for command in commands)
        children = children_of(supervisor.pid)
        grandchildren = [pid for child in children for pid in children_of(child)]
        assert grandchildren, "runserver's auto-reloader runs the server in a child"

        os.killpg(supervisor.pid, signal.SIGINT)

        assert supervisor.wait(20) == 0
        time.sleep(0.5)
        left = [pid for pid in children + grandchildren if Path(f"/proc/{pid}").exists()]
        assert left == []
    finally:
        if supervisor.poll() is None:
            os.killpg(supervisor.pid, signal.SIGKILL)
