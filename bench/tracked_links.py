"""Tracked-link redirect speed: /r/<slug> beside a bare Django redirect, on one server.

Builds a throw-away SQLite database (migrated, with one tracked link), serves the project
with gunicorn (2 sync workers, the project's own settings plus one bench-only URL) on a free
127.0.0.1 port, and fires a fixed number of concurrent requests at each URL from a second
process. Prints requests per second for both, the ratio, and the clicks stored versus sent.
Exits non-zero if a click was lost, or a request failed.

    .venv/bin/python bench/tracked_links.py [--requests 1500] [--threads 8] [--rounds 7]
"""

import argparse
import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/125 Safari/537.36"
SLUG = "bench-link"
TARGET_SHARE = 0.70

# The project's settings, with one extra URL: a redirect that touches no database.
BENCH_SETTINGS = """
from config.settings import *  # noqa: F403
ROOT_URLCONF = "bench_urls"
"""
BENCH_URLS = """
from django.http import HttpResponseRedirect
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bare_redirect(request):
    return HttpResponseRedirect("https://shop.example/spring")


urlpatterns = [path("bench/bare-redirect", bare_redirect), *project_urlpatterns]
"""
MAKE_LINKS = """
import sys
from django.contrib.auth import get_user_model
from campaigns.models import Campaign, Partnership
from influencers.models import Influencer
from kpis.models import TrackedLink

owner = get_user_model().objects.create_user("bench@example.com", "bench@example.com")
campaign = Campaign.objects.create(owner=owner, name="Bench campaign")
for slug in sys.argv[1:]:
    influencer = Influencer.objects.create(owner=owner, name=f"Creator {slug}")
    partnership = Partnership.objects.create(owner=owner, campaign=campaign, influencer=influencer)
    TrackedLink.objects.create(
        owner=owner, partnership=partnership, slug=slug,
        destination="https://shop.example/spring?ref=bench",
    )
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(workdir):
    """Environment for a process using the bench settings and the throw-away database."""
    workdir = Path(workdir)
    (workdir / "bench_settings.py").write_text(BENCH_SETTINGS)
    (workdir / "bench_urls.py").write_text(BENCH_URLS)
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_ENV"}
    }
    environment.update(
        PYTHONPATH=os.pathsep.join([str(workdir), str(PROJECT)]),
        DJANGO_SETTINGS_MODULE="bench_settings",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        DJANGO_DEBUG="0",
        LOG_LEVEL="WARNING",
    )
    return environment


def prepare_database(environment, slugs):
    """Migrate the throw-away database and give it one tracked link per slug."""
    run = {"env": environment, "cwd": PROJECT, "check": True, "capture_output": True}
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput"], **run)
    subprocess.run([PYTHON, "-c", _django_script(MAKE_LINKS), *slugs], **run)


def _django_script(body):
    return "import django\ndjango.setup()\n" + textwrap.dedent(body)


def count_clicks(environment):
    """(stored clicks, of which people) in the throw-away database."""
    script = _django_script(
        """
        from kpis.models import Click
        print(Click.objects.count(), Click.objects.filter(is_bot=False).count())
        """
    )
    output = subprocess.run(
        [PYTHON, "-c", script],
        env=environment,
        cwd=PROJECT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    stored, people = output.split()
    return int(stored), int(people)


@contextlib.contextmanager
def running_server(environment, workers=2):
    """gunicorn serving the project on a free 127.0.0.1 port; yields (host, port)."""
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=PROJECT,
    )
    try:
        _wait_until_up(port)
        yield "127.0.0.1", port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the bench server did not start")


def fire(host, port, paths, threads):
    """GET every path (a new connection each, like separate visitors); (statuses, seconds)."""

    def visit(path):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        try:
            connection.request("GET", path, headers={"User-Agent": BROWSER_UA})
            return connection.getresponse().status
        except OSError:
            return 0
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        statuses = list(pool.map(visit, paths))
    return statuses, time.perf_counter() - started


def fire_from_another_process(host, port, path, count, threads):
    """Run the load in a second process, so it does not share this one's interpreter."""
    output = subprocess.run(
        [PYTHON, __file__, "--fire", host, str(port), path, str(count), str(threads)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    return json.loads(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--fire", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.fire:
        host, port, path, count, threads = options.fire
        statuses, seconds = fire(host, int(port), [path] * int(count), int(threads))
        print(json.dumps({"ok": statuses.count(302), "sent": len(statuses), "seconds": seconds}))
        return 0

    with tempfile.TemporaryDirectory(prefix="microreach-bench-") as workdir:
        environment = server_environment(workdir)
        prepare_database(environment, [SLUG])
        with running_server(environment) as (host, port):
            # Warm both workers up (imports, connections) before measuring.
            fire(host, port, ["/bench/bare-redirect"] * 50, options.threads)
            # Alternate the two, so a burst of other work on the machine hits both alike.
            bare_runs, tracked_runs = [], []
            for _round in range(options.rounds):
                bare_runs.append(
                    fire_from_another_process(
                        host, port, "/bench/bare-redirect", options.requests, options.threads
                    )
                )
                tracked_runs.append(
                    fire_from_another_process(
                        host, port, f"/r/{SLUG}", options.requests, options.threads
                    )
                )
        stored, people = count_clicks(environment)

    bare_rates = [run["sent"] / run["seconds"] for run in bare_runs]
    tracked_rates = [run["sent"] / run["seconds"] for run in tracked_runs]
    bare_rate, tracked_rate = median(bare_rates), median(tracked_rates)
    sent = sum(run["sent"] for run in tracked_runs)
    # Each tracked run against the bare run just before it: other load on the machine
    # changes by the second, so neighbours in time compare fairest.
    share = median(tracked / bare for tracked, bare in zip(tracked_rates, bare_rates, strict=True))
    print(
        f"requests per run:        {options.requests} ({options.threads} at a time), "
        f"median of {options.rounds} runs each"
    )
    print(f"bare Django redirect:    {bare_rate:8.0f} req/s")
    print(f"tracked link /r/<slug>:  {tracked_rate:8.0f} req/s")
    print(f"share of bare (median of paired runs): {share:.0%}")
    print(f"clicks stored vs sent:   {stored} / {sent} (people: {people})")
    print(f"machine load (1 min):    {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"target >= {TARGET_SHARE:.0%} of bare: {'met' if share >= TARGET_SHARE else 'NOT met'}")
    failed = any(run["ok"] != run["sent"] for run in bare_runs + tracked_runs)
    if failed:
        print("some requests failed", file=sys.stderr)
    if stored != sent:
        print("CLICKS LOST OR DOUBLED", file=sys.stderr)
    return 1 if failed or stored != sent else 0


if __name__ == "__main__":
    sys.exit(main())
