"""The public survey on a phone: what it costs to send and to answer.

Builds a throw-away SQLite database with one running campaign of 6 influencers and 5,000
survey answers, then, through Django's test client in this process, prints:

- the bytes a phone downloads for the page (HTML plus its one stylesheet; no script), and
  the time they take on a slow 3G line (400 kbit/s, 400 ms round trips) and a busy 4G one;
- the median server time of the page (GET) and of an answer (POST, each from a new visitor).

Prints figures only; nothing here fails on time. Target: the page on a phone line in
under a second, with server times a small part of it.

    .venv/bin/python bench/survey.py [--runs 50]
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from statistics import median

PROJECT = Path(__file__).resolve().parent.parent
INFLUENCERS = 6
ANSWERS = 5_000
# (name, bits per second, seconds per round trip)
LINES = [("slow 3G", 400_000, 0.4), ("busy 4G", 4_000_000, 0.1)]
ROUND_TRIPS = 3  # the connection, the page, its stylesheet


def set_up_django(workdir):
    sys.path[:0] = [str(PROJECT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["SQLITE_PATH"] = str(Path(workdir) / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.chdir(PROJECT)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def build_survey():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from accounts.models import Business
    from campaigns.models import Campaign, Partnership
    from influencers.models import Influencer
    from kpis.models import Survey, SurveyAnswer

    owner = get_user_model().objects.create_user("bench@example.com", "bench@example.com")
    Business.objects.create(owner=owner, name="Bench Bakery")
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        owner=owner,
        name="Bench campaign",
        status="active",
        start_date=today - timedelta(days=60),
        end_date=today + timedelta(days=30),
    )
    partnerships = [
        Partnership.objects.create(
            owner=owner,
            campaign=campaign,
            influencer=Influencer.objects.create(owner=owner, name=f"Creator {n}"),
        )
        for n in range(INFLUENCERS)
    ]
    survey = Survey.for_campaign(campaign)
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(
            owner=owner,
            survey=survey,
            heard_from="influencer",
            partnership=partnerships[n % INFLUENCERS],
            day=today - timedelta(days=n % 60),
            visitor_hash=f"{n:064x}",
        )
        for n in range(ANSWERS)
    )
    return survey, partnerships


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        set_up_django(workdir)
        from django.contrib.staticfiles import finders
        from django.test import Client
        from django.urls import reverse

        survey, partnerships = build_survey()
        url = reverse("kpis:survey", args=[survey.slug])
        agent = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile Safari/537.36"
        page = Client(HTTP_USER_AGENT=agent).get(url)
        styles = ["css/voice.css"]
        style_bytes = sum(Path(finders.find(name)).stat().st_size for name in styles)
        total = len(page.content) + style_bytes

        gets, posts = [], []
        for run in range(args.runs):
            client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=f"10.0.{run // 250}.{run % 250}")
            started = time.perf_counter()
            client.get(url)
            gets.append(time.perf_counter() - started)
            started = time.perf_counter()
            client.post(url, {"heard_from": f"p{partnerships[run % INFLUENCERS].pk}"})
            posts.append(time.perf_counter() - started)

        print(f"page HTML            {len(page.content):>9,} bytes (no script)")
        print(f"stylesheets          {style_bytes:>9,} bytes (its own small file, no Bootstrap)")
        for name, bits, trip in LINES:
            seconds = ROUND_TRIPS * trip + total * 8 / bits
            print(f"{name + ', first visit':<20} {seconds:>9.2f} s  ({ROUND_TRIPS} x {trip:.1f} s)")
        print(f"server GET median    {median(gets) * 1000:>9.1f} ms")
        print(f"server POST median   {median(posts) * 1000:>9.1f} ms  ({ANSWERS:,} answers stored)")


if __name__ == "__main__":
    main()
