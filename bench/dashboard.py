"""Dashboard and PDF speed on a big campaign: queries and server time beside a bare page.

Builds a throw-away SQLite database with one campaign of 10 influencers, 4 KPIs, a year of
daily measurements for each KPI and 50,000 clicks (plus 2,000 promo-code uses), then, through
Django's test client in this process:

- the dashboard's query count and median server time, beside a bare page that only renders
  the site layout (base.html), and their ratio: served again unchanged, then drawn again
  after one more click by a person, after a check-in of one more reading (the check-in form
  sent as the page sends it), and with nothing kept (the cache emptied: a restart);
- the portfolio's query count with 1 and with 30 campaigns (the same);
- the warm render time (median) of each PDF.

Prints figures only; nothing here fails on time. Targets: at most 20 queries, dashboard
unchanged within 2x of the bare page and after a change within 6x (at 50,000 and at 5,000,000
clicks: ``--clicks``), checklist PDF under 0.5 s warm, report PDF under 1.5 s warm.

    .venv/bin/python bench/dashboard.py [--runs 15] [--pdf-runs 5] [--clicks 50000]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from statistics import median

PROJECT = Path(__file__).resolve().parent.parent
INFLUENCERS = 10
DAYS = 365
CLICKS = 50_000
REDEMPTIONS = 2_000

BENCH_URLS = """
from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bare_page(request):
    return render(request, "bench_bare.html")


urlpatterns = [path("bench/bare/", bare_page), *project_urlpatterns]
"""
BARE_TEMPLATE = (
    '{% extends "base.html" %}{% block title %}Bare{% endblock %}'
    "{% block content %}<h1>Bare page</h1>{% endblock %}"
)


def set_up_django(workdir):
    workdir = Path(workdir)
    (workdir / "bench_dashboard_urls.py").write_text(BENCH_URLS)
    (workdir / "templates").mkdir()
    (workdir / "templates" / "bench_bare.html").write_text(BARE_TEMPLATE)
    sys.path[:0] = [str(PROJECT), str(workdir)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    os.environ["AXES_ENABLED"] = "0"
    os.environ["DJANGO_DEBUG"] = "0"  # as in production (DEBUG also keeps every query)
    os.environ["LOG_LEVEL"] = "ERROR"
    os.chdir(PROJECT)

    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench_dashboard_urls"
    settings.TEMPLATES[0]["DIRS"].append(workdir / "templates")
    from django.core.management import call_command

    # Not Django's test environment: it instruments every template drawn (a signal and a copy
    # of the context per template), which production does not pay. The test client's host
    # is allowed instead.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)


def build_campaign(owner, name, influencers, days, clicks, redemptions):
    """One active campaign, ``days`` old, with everything built in bulk."""
    from django.utils import timezone

    from campaigns.models import Campaign, Partnership
    from influencers.models import Influencer, Profile
    from kpis.models import CampaignKPI, Measurement, Redemption, TrackedLink

    today = timezone.localdate()
    start = today - timedelta(days=days - 1)
    campaign = Campaign.objects.create(
        owner=owner,
        name=name,
        status="active",
        goal_type="customers",
        goal_number=Decimal(500),
        goal_unit="new customers",
        start_date=start,
        end_date=today + timedelta(days=30),
        goal_sentence="Gain 500 new customers this year through local creators.",
        cash_budget=Decimal("5000"),
        other_costs=Decimal("120"),
        gross_margin=Decimal("60"),
        adjustment_action="Ask for a second story with the link.",
    )
    people = Influencer.objects.bulk_create(
        Influencer(owner=owner, name=f"{name} creator {n}") for n in range(influencers)
    )
    Profile.objects.bulk_create(
        Profile(
            owner=owner,
            influencer=person,
            platform="instagram",
            handle=f"{name}-{n}".replace(" ", "").lower(),
            followers=5_000 + 1_000 * n,
            avg_likes=200,
            avg_comments=20,
            avg_shares=5,
        )
        for n, person in enumerate(people)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            owner=owner,
            campaign=campaign,
            influencer=person,
            deal_type="fee",
            fee=Decimal("80"),
            product_value=Decimal("20"),
            shipping=Decimal("5"),
            commission_rate=Decimal("5"),
            promo_code=f"{name}{n}".replace(" ", "").upper(),
            status="posted",
        )
        for n, person in enumerate(people)
    )
    links = TrackedLink.objects.bulk_create(
        TrackedLink(
            owner=owner,
            partnership=p,
            slug=f"{name}-{n}".replace(" ", "-").lower(),
            destination="https://shop.example/spring",
        )
        for n, p in enumerate(partnerships)
    )
    kpis = CampaignKPI.objects.bulk_create(
        CampaignKPI(
            owner=owner,
            campaign=campaign,
            kind=kind,
            source=source,
            target=target,
            baseline=baseline,
            position=position,
        )
        for position, (kind, source, baseline, target) in enumerate(
            [
                ("customers", "manual", 0, 500),
                ("clicks", "links", 0, 60_000),
                ("revenue", "codes", 0, 80_000),
                ("followers", "manual", 1_200, 5_000),
            ]
        )
    )
    random.seed(42)
    Measurement.objects.bulk_create(
        (
            Measurement(
                owner=owner,
                kpi=kpi,
                date=start + timedelta(days=day),
                value=Decimal(1_200 + day * 8)
                if kpi.kind == "followers"
                else Decimal(random.randint(0, 3)),
                influencer=people[day % influencers] if kpi.kind != "followers" else None,
            )
            for kpi in kpis
            for day in range(days)
        ),
        batch_size=1_000,
    )
    load_clicks(links, clicks, start, days)
    Redemption.objects.bulk_create(
        (
            Redemption(
                owner=owner,
                partnership=partnerships[n % influencers],
                date=start + timedelta(days=random.randint(0, days - 1)),
                order_ref=f"#{n}",
                revenue=Decimal(random.randint(800, 6_000)) / 100,
                new_customer=n % 3 == 0,
            )
            for n in range(redemptions)
        ),
        batch_size=1_000,
    )
    return campaign


def load_clicks(links, clicks, start, days):
    """``clicks`` clicks spread over the links and days (one in 20 a bot), written by one SQL
    statement that makes its rows itself: millions take a minute, not an hour of Python.
    Every click lands at midday UTC plus up to an hour, so its local day (Europe/London) is
    its UTC date, as the redirect would store it. The database's triggers count each one
    into the daily counts, as for the redirect's own INSERT."""
    from django.db import connection

    from kpis.models import Click

    assert connection.vendor == "sqlite", "the bench builds its own SQLite database"
    link_ids = ", ".join(f"({n}, {link.pk})" for n, link in enumerate(links))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %s - 1),
            links(k, id) AS (VALUES {link_ids})
            INSERT INTO {Click._meta.db_table}
                (link_id, at, day, referrer_domain, visitor_hash, is_bot)
            SELECT links.id,
                date(%s, '+' || (i %% %s) || ' days')
                    || printf(' 12:%%02d:%%02d.000000', (i / 60) %% 60, i %% 60),
                date(%s, '+' || (i %% %s) || ' days'),
                '', printf('%%064x', i), i %% 20 = 0
            FROM n JOIN links ON links.k = i %% %s
            """,
            [clicks, start.isoformat(), days, start.isoformat(), days, len(links)],
        )


def timed_get(client, url):
    """(wall seconds, CPU seconds of this process, response). On a busy machine the CPU time
    (this process runs the view, the template, SQLite and WeasyPrint) is the steadier figure."""
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, cpu, response


def measure_page(client, url, runs, before=None, beside=None):
    """(query count, median wall seconds, median CPU seconds, and the medians of ``beside``)
    of a page, after a warm-up. ``before()`` runs ahead of every request, untimed. When
    ``beside`` (another address) is given, each request of the page is paired with one of it
    right after, so a busy minute slows both alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before = before or (lambda: None)
    before()
    client.get(url)
    before()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)  # now: the next request empties the query log it reads from
    timed, paired = [], []
    for _ in range(runs):
        before()
        timed.append(timed_get(client, url))
        if beside:
            paired.append(timed_get(client, beside))
    pair = (median(r[0] for r in paired), median(r[1] for r in paired)) if paired else None
    return count, median(run[0] for run in timed), median(run[1] for run in timed), pair


def a_click(campaign):
    """``before()`` for a visit after one more click by a person today, stored as the
    redirect stores it (the database's trigger counts it into today's daily count)."""
    from django.utils import timezone

    from kpis.clicks import record_click
    from kpis.models import TrackedLink

    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    visitors = iter(range(10**9))
    return lambda: record_click(
        link_id=link.pk,
        at=timezone.now(),
        referrer_domain="",
        visitor_hash=f"bench-{next(visitors)}",
        is_bot=False,
    )


def a_reading(client, campaign):
    """``before()`` for a visit after the owner typed in one more reading today: the check-in
    form sent as the page sends it, so the site does after it what it does for the owner."""
    from django.utils import timezone

    kpi = campaign.kpis.get(kind="customers")
    url = f"/campaigns/{campaign.pk}/measurements/"

    def before():
        data = {"date": timezone.localdate().isoformat(), f"value_{kpi.pk}": "1", "note": ""}
        response = client.post(url, data)
        assert response.status_code == 302, response.status_code

    return before


def forget_everything():
    """``before()`` for a visit with nothing kept: the cache and this process's memory
    emptied, as after a restart."""
    from django.core.cache import cache

    from reports import tables
    from reports.caching import in_process

    cache.clear()
    for memory in (in_process, tables.frames, tables.drawn_rows):
        memory.clear()


def clicks_time(campaign):
    """The campaign's clicks by people, per influencer and day (from the daily counts)."""
    from kpis.services import human_clicks

    human_clicks(campaign=campaign)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        human_clicks(campaign=campaign)
        times.append(time.perf_counter() - started)
    return median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pdf-runs", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=CLICKS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="microreach-bench-") as workdir:
        set_up_django(workdir)
        from django.contrib.auth import get_user_model
        from django.test import Client

        from accounts.models import Business
        from kpis.models import Click, Measurement

        owner = get_user_model().objects.create_user("bench@example.com", "bench@example.com")
        Business.objects.create(owner=owner, name="Bench Bakery", currency="GBP")
        started = time.perf_counter()
        campaign = build_campaign(owner, "Big", INFLUENCERS, DAYS, args.clicks, REDEMPTIONS)
        print(
            f"Built 1 campaign: {INFLUENCERS} influencers, 4 KPIs, "
            f"{Measurement.objects.count():,} measurements ({DAYS} days x 4 KPIs), "
            f"{Click.objects.count():,} clicks, {REDEMPTIONS:,} code uses "
            f"in {time.perf_counter() - started:.1f} s"
        )
        client = Client()
        client.force_login(owner)

        dashboard = f"/campaigns/{campaign.pk}/"
        bare = "/bench/bare/"
        bare_queries, bare_time, bare_cpu, _ = measure_page(client, bare, args.runs)
        # The first visit after a change draws the changed sections again: after a click by
        # a person, after a reading typed in, and with nothing kept (a new day, a restart:
        # the cache and this process's memory emptied).
        measured = [
            ("dashboard, unchanged", measure_page(client, dashboard, args.runs, beside=bare)),
            (
                "dashboard, after a click",
                measure_page(client, dashboard, args.runs, a_click(campaign), bare),
            ),
            (
                "dashboard, after a check-in",
                measure_page(client, dashboard, args.runs, a_reading(client, campaign), bare),
            ),
            (
                "dashboard, nothing kept",
                measure_page(client, dashboard, args.runs, forget_everything, bare),
            ),
        ]
        print(f"\nMedian of {args.runs} requests (server time in this process, wall and CPU);")
        print("each dashboard request is paired with a bare page right after it, and compared")
        print("with those (CPU time in brackets):")
        print(
            f"  {'bare page (layout only)':<28}{bare_time * 1000:7.1f} ms  "
            f"{bare_cpu * 1000:7.1f} ms CPU  {bare_queries:3d} queries"
        )
        for label, (queries, wall, cpu, (pair_wall, pair_cpu)) in measured:
            print(
                f"  {label:<28}{wall * 1000:7.1f} ms  {cpu * 1000:7.1f} ms CPU  "
                f"{queries:3d} queries  {wall / pair_wall:5.1f} x the bare page "
                f"({cpu / pair_cpu:.1f} x; bare page {pair_wall * 1000:.1f} ms beside it)"
            )
        print(
            "  (targets: unchanged within 2x of the bare page, after a change within 6x, "
            "at most 20 queries)"
        )
        print(
            f"  of which clicks             {clicks_time(campaign) * 1000:7.1f} ms  "
            "(per influencer and day, from the daily counts)"
        )

        one_queries, _, _, _ = measure_page(client, "/campaigns/", 1)
        for n in range(29):
            build_campaign(owner, f"Small {n}", 2, 30, 100, 10)
        many_queries, portfolio_time, _, _ = measure_page(client, "/campaigns/", args.runs)
        print(
            f"\nPortfolio: {one_queries} queries with 1 campaign, {many_queries} with 30 "
            f"(target: the same); {portfolio_time * 1000:.1f} ms median with 30"
        )

        print(f"\nPDFs, warm (median of {args.pdf_runs} renders after one warming render):")
        from django.utils.translation import get_language

        from reports import pdf
        from reports.views import blank_checklist_pdf

        for label, url, target in [
            ("blank checklist", "/checklist.pdf", 0.5),
            ("personalised checklist", f"/campaigns/{campaign.pk}/checklist.pdf", 0.5),
            ("campaign report", f"/campaigns/{campaign.pk}/report.pdf", 1.5),
        ]:
            timed_get(client, url)
            runs = []
            for _ in range(args.pdf_runs):
                blank_checklist_pdf.cache_clear()  # time the rendering, not the cache
                runs.append(timed_get(client, url))
            blank_checklist_pdf(pdf.DEFAULT_PAPER, get_language())
            size = len(runs[-1][2].content)
            print(
                f"  {label:<24} {median(r[0] for r in runs):6.2f} s  "
                f"{median(r[1] for r in runs):6.2f} s CPU  ({size / 1024:.0f} KiB; "
                f"target under {target} s)"
            )
        cached = timed_get(client, "/checklist.pdf")[0]
        print(f"  blank checklist, cached  {cached * 1000:6.1f} ms (every visitor after the first)")


if __name__ == "__main__":
    main()
