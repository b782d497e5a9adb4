"""Tracked-link redirect speed: /r/<slug> beside a bare Django redirect, on SQLite and on
PostgreSQL, then a burst of clicks (a viral post) on each.

For each database, builds a throw-away one (a SQLite file; a PostgreSQL database created and
dropped again), migrated, with one tracked link; serves the project with gunicorn (2 sync
workers, the project's own settings plus one bench-only URL) on a free 127.0.0.1 port; fires
a fixed number of concurrent requests at each URL from a second process, taking turns; then
a burst of 5,000 clicks from 64 connections at once. Prints requests per second for both, the
share, the burst's time and latencies (median, 99th percentile), and the clicks stored versus
sent, and whether the daily counts agree with the rows. Exits non-zero if a click was lost or
a request failed.

    .venv/bin/python bench/tracked_links.py [--requests 1500] [--threads 8] [--rounds 7]
        [--burst 5000] [--burst-connections 64] [--postgres postgres://postgres@127.0.0.1:5432]
        [--databases sqlite,postgresql] [--cache-url redis://127.0.0.1:6379/2]
"""

import argparse
import contextlib
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median, quantiles

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/125 Safari/537.36"
SLUG = "bench-link"
TARGET_SHARE = 0.80
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")

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


def server_environment(workdir, database_url="", cache_url=""):
    """Environment for a process using the bench settings and the throw-away database: a
    SQLite file in ``workdir`` unless ``database_url`` names another."""
    workdir = Path(workdir)
    (workdir / "bench_settings.py").write_text(BENCH_SETTINGS)
    (workdir / "bench_urls.py").write_text(BENCH_URLS)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ENV", "CACHE_URL"}
    }
    environment.update(
        PYTHONPATH=os.pathsep.join([str(workdir), str(PROJECT)]),
        DJANGO_SETTINGS_MODULE="bench_settings",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        DJANGO_DEBUG="0",
        LOG_LEVEL="WARNING",
    )
    if database_url:
        environment["DATABASE_URL"] = database_url
    if cache_url:
        environment["CACHE_URL"] = cache_url
    return environment


@contextlib.contextmanager
def postgres_database(server):
    """A PostgreSQL database of its own on ``server``, dropped afterwards; yields its URL."""
    import psycopg

    name = f"microreach_bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def prepare_database(environment, slugs):
    """Migrate the throw-away database and give it one tracked link per slug."""
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput"],
        env=environment,
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    make_links(environment, slugs)


def make_links(environment, slugs):
    """One tracked link per slug in the (migrated) database."""
    subprocess.run(
        [PYTHON, "-c", _django_script(MAKE_LINKS), *slugs],
        env=environment,
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )


def _django_script(body):
    return "import django\ndjango.setup()\n" + textwrap.dedent(body)


def count_clicks(environment):
    """(stored clicks, of which people) in the throw-away database."""
    stored, people, _agree = _click_counts(environment)
    return stored, people


def daily_counts_agree(environment):
    """True when the daily click counts equal counting the click rows, link by link."""
    return _click_counts(environment)[2]


def _click_counts(environment):
    script = _django_script(
        """
        from django.db.models import Count, Q, Sum
        from kpis.models import Click, ClickDay
        rows = {
            row["link_id"]: (row["people"], row["bots"])
            for row in Click.objects.values("link_id").annotate(
                people=Count("pk", filter=Q(is_bot=False)), bots=Count("pk", filter=Q(is_bot=True))
            )
        }
        counted = {
            row["link_id"]: (row["people"], row["bots"])
            for row in ClickDay.objects.values("link_id").annotate(
                people=Sum("people"), bots=Sum("bots")
            )
        }
        print(Click.objects.count(), Click.objects.filter(is_bot=False).count(), rows == counted)
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
    stored, people, agree = output.split()
    return int(stored), int(people), agree == "True"


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


def _wait_until_up(port, seconds=60):
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
    statuses, seconds, _latencies = fire_timed(host, port, paths, threads)
    return statuses, seconds


def fire_timed(host, port, paths, threads):
    """As ``fire``, plus each request's time from connecting to the answer: (statuses,
    seconds, latencies)."""

    def visit(path):
        started = time.perf_counter()
        connection = http.client.HTTPConnection(host, port, timeout=30)
        try:
            connection.request("GET", path, headers={"User-Agent": BROWSER_UA})
            response = connection.getresponse()
            response.read()
            return response.status, time.perf_counter() - started
        except OSError:
            return 0, time.perf_counter() - started
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        answers = list(pool.map(visit, paths))
    seconds = time.perf_counter() - started
    return [status for status, _ in answers], seconds, [latency for _, latency in answers]


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


def measure(environment, options):
    """Paired runs and a burst against one database; the figures as a dict."""
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
        burst = fire_from_another_process(
            host, port, f"/r/{SLUG}", options.burst, options.burst_connections
        )
    stored, people, agree = _click_counts(environment)
    bare_rates = [run["sent"] / run["seconds"] for run in bare_runs]
    tracked_rates = [run["sent"] / run["seconds"] for run in tracked_runs]
    # Each tracked run against the bare run just before it: other load on the machine
    # changes by the second, so neighbours in time compare fairest.
    share = median(tracked / bare for tracked, bare in zip(tracked_rates, bare_rates, strict=True))
    sent = sum(run["sent"] for run in tracked_runs) + burst["sent"]
    return {
        "bare": median(bare_rates),
        "tracked": median(tracked_rates),
        "share": share,
        "burst": burst,
        "stored": stored,
        "sent": sent,
        "people": people,
        "agree": agree,
        "failed": any(run["ok"] != run["sent"] for run in [*bare_runs, *tracked_runs, burst]),
    }


def report(name, figures, options):
    burst = figures["burst"]
    print(f"== {name}")
    print(f"bare Django redirect:    {figures['bare']:8.0f} req/s")
    print(f"tracked link /r/<slug>:  {figures['tracked']:8.0f} req/s")
    met = "met" if figures["share"] >= TARGET_SHARE else "NOT met"
    print(f"share of bare (median of paired runs): {figures['share']:.0%} (target >= 80%: {met})")
    print(
        f"burst: {burst['sent']} clicks from {options.burst_connections} connections in "
        f"{burst['seconds']:.1f} s ({burst['sent'] / burst['seconds']:.0f}/s), "
        f"{burst['ok']} answered 302; latency median {burst['p50'] * 1000:.0f} ms, "
        f"99th percentile {burst['p99'] * 1000:.0f} ms, slowest {burst['max'] * 1000:.0f} ms"
    )
    print(
        f"clicks stored vs sent:   {figures['stored']} / {figures['sent']} "
        f"(people: {figures['people']}); daily counts equal the rows: "
        f"{'yes' if figures['agree'] else 'NO'}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--burst", type=int, default=5000)
    parser.add_argument("--burst-connections", type=int, default=64)
    parser.add_argument("--postgres", default=POSTGRES_SERVER)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--cache-url", default="", help="CACHE_URL for the servers")
    parser.add_argument("--fire", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.fire:
        host, port, path, count, threads = options.fire
        paths = [path] * int(count)
        statuses, seconds, latencies = fire_timed(host, int(port), paths, int(threads))
        cuts = quantiles(latencies, n=100)
        print(
            json.dumps(
                {
                    "ok": statuses.count(302),
                    "sent": len(statuses),
                    "seconds": seconds,
                    "p50": cuts[49],
                    "p99": cuts[98],
                    "max": max(latencies),
                }
            )
        )
        return 0

    print(
        f"requests per run: {options.requests} ({options.threads} at a time), "
        f"median of {options.rounds} paired runs; cache: {options.cache_url or 'per process'}"
    )
    bad = False
    for name in options.databases.split(","):
        with tempfile.TemporaryDirectory(prefix="microreach-bench-") as workdir:
            if name == "sqlite":
                figures = measure(server_environment(workdir, "", options.cache_url), options)
            else:
                with postgres_database(options.postgres) as url:
                    environment = server_environment(workdir, url, options.cache_url)
                    figures = measure(environment, options)
        report(name, figures, options)
        bad |= figures["failed"] or figures["stored"] != figures["sent"] or not figures["agree"]
    print(f"machine load (1 min):    {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if bad:
        print("REQUESTS FAILED, CLICKS LOST OR DOUBLED, OR COUNTS WRONG", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
