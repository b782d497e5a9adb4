"""Import speed at the upload limit, and the measurements export of 100,000 readings.

Builds a throw-away SQLite database with one year-long campaign of 10 influencers (each with
a promo code and a tracked-link source), then, through Django's test client in this process:

- a Shopify orders export of about 5 MB (about 100,000 lines: orders of one to three items,
  every column of the real export): upload, preview and confirm times, and the same orders
  saved as an Excel workbook;
- a GA4 source / medium download with a secondary Date dimension at about 5 MB: the same;
- the campaign's measurements CSV and XLSX export with 100,000 readings.

Prints figures only; nothing here fails on time. Targets: preview under 3 s, confirm under
5 s, each export under 5 s.

    .venv/bin/python bench/imports.py
"""

import os
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LIMIT = 5 * 1024 * 1024
READINGS = 100_000


def set_up_django(workdir):
    sys.path[:0] = [str(PROJECT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["SQLITE_PATH"] = str(Path(workdir) / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    os.environ["AXES_ENABLED"] = "0"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.chdir(PROJECT)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def build_campaign():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from accounts.models import Business
    from campaigns.models import Campaign, Partnership
    from influencers.models import Influencer
    from kpis.models import CampaignKPI

    owner = get_user_model().objects.create_user("bench@example.com", "bench@example.com", "x")
    Business.objects.create(owner=owner, name="Bench Bakery", currency="GBP")
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        owner=owner,
        name="Bench",
        status="active",
        goal_type="customers",
        goal_number=Decimal(500),
        goal_unit="new customers",
        start_date=today - timedelta(days=364),
        end_date=today,
        goal_sentence="Gain 500 new customers.",
        cash_budget=Decimal("5000"),
    )
    for n in range(10):
        person = Influencer.objects.create(owner=owner, name=f"Creator {n}")
        Partnership.objects.create(
            owner=owner,
            campaign=campaign,
            influencer=person,
            deal_type="fee",
            fee=Decimal(80),
            promo_code=f"CODE{n}",
        )
    CampaignKPI.objects.create(
        owner=owner, campaign=campaign, kind="visits", target=1000, source="analytics"
    )
    CampaignKPI.objects.create(owner=owner, campaign=campaign, kind="customers", target=500)
    return owner, campaign


def shopify_file(start):
    from tests.kpis.exports import SHOPIFY_HEADER

    width = len(SHOPIFY_HEADER)
    lines = [",".join(SHOPIFY_HEADER)]
    size, number, rows = len(lines[0]), 0, 0
    while True:
        number += 1
        day = start + timedelta(days=number % 365)
        items = 1 + number % 3
        for item in range(items):
            cells = [""] * width
            cells[0] = f"#{number}"
            cells[15] = f"{day.isoformat()} 10:15:00 +0000"
            cells[16], cells[17], cells[18] = "1", "Country sourdough loaf", "4.80"
            if item == 0:
                cells[1], cells[2], cells[7] = f"c{number}@example.com", "paid", "GBP"
                cells[11], cells[12] = f"{4.8 * items:.2f}", f"CODE{number % 13}"
            line = ",".join(cells)
            if size + len(line) + 1 > LIMIT:
                return ("\n".join(lines) + "\n").encode(), rows
            lines.append(line)
            size += len(line) + 1
            rows += 1


def as_workbook(data):
    """A CSV file opened in Excel and saved as a workbook (``tests.kpis.exports``)."""
    import csv
    import io

    from tests.kpis.exports.writing import excel_workbook

    header, *rows = csv.reader(io.StringIO(data.decode()))
    return excel_workbook(header, rows)


def ga4_file(start):
    lines = [
        "# ----------------------------------------",
        f"# Start date: {start:%Y%m%d}",
        f"# End date: {start + timedelta(days=364):%Y%m%d}",
        "# ----------------------------------------",
        "",
        "Session source / medium,Date,Sessions,Engaged sessions,Engagement rate",
    ]
    size, rows, n = sum(len(line) + 1 for line in lines), 0, 0
    while True:
        day = start + timedelta(days=n % 365)
        source = f"creator-{n % 10} / influencer" if n % 4 else f"site{n % 997}.example / referral"
        line = f"{source},{day:%Y%m%d},{n % 300},{n % 200},0.{n % 97:02d}"
        if size + len(line) + 1 > LIMIT:
            return ("\n".join(lines) + "\n").encode(), rows
        lines.append(line)
        size += len(line) + 1
        rows += 1
        n += 1


def timed(call):
    """(response, "wall s / CPU s"): on a shared machine the CPU time of this process is the
    fairer figure, the wall time what a user waited."""
    began, cpu = time.perf_counter(), time.process_time()
    response = call()
    return response, f"{time.perf_counter() - began:.2f} s ({time.process_time() - cpu:.2f} s CPU)"


def bench_import(client, campaign, name, data, rows):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    upload_url = reverse("kpis:import", args=[campaign.pk])
    response, uploading = timed(
        lambda: client.post(upload_url, {"kind": "", "file": SimpleUploadedFile("f.csv", data)})
    )
    assert response.status_code == 302, response.content[:500]
    location = response["Location"]
    preview, previewing = timed(lambda: client.get(location))
    assert preview.status_code == 200
    token = location.split("token=")[1]
    confirmed, confirming = timed(
        lambda: client.post(reverse("kpis:import_preview", args=[campaign.pk]), {"token": token})
    )
    assert confirmed.status_code == 302, confirmed.content[-3000:]
    print(
        f"{name}: {len(data) / 1048576:.1f} MB, {rows:,} rows; upload {uploading}, "
        f"preview {previewing}, confirm {confirming}"
    )


def bench_exports(client, owner, campaign):
    from django.urls import reverse

    from kpis.models import CampaignKPI, Measurement

    kpi = CampaignKPI.objects.get(campaign=campaign, kind="customers")
    Measurement.objects.filter(kpi__campaign=campaign).delete()
    start = campaign.start_date
    Measurement.objects.bulk_create(
        (
            Measurement(owner=owner, kpi=kpi, date=start + timedelta(days=n % 365), value=n % 17)
            for n in range(READINGS)
        ),
        batch_size=5000,
    )
    for export_format in ("csv", "xlsx"):
        url = reverse("reports:measurements_export", args=[campaign.pk, export_format])
        response, seconds = timed(lambda url=url: client.get(url))
        assert response.status_code == 200
        body = response.content
        print(
            f"measurements.{export_format}: {READINGS:,} readings, "
            f"{len(body) / 1048576:.1f} MB, {seconds}"
        )


def main():
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as workdir:
        set_up_django(workdir)
        from django.test import Client

        from kpis.models import Redemption

        owner, campaign = build_campaign()
        client = Client()
        client.force_login(owner)
        data, rows = shopify_file(campaign.start_date)
        bench_import(client, campaign, "Shopify orders", data, rows)
        Redemption.objects.all().delete()  # the same orders again, from a workbook
        bench_import(client, campaign, "the same, as an Excel workbook", as_workbook(data), rows)
        data, rows = ga4_file(campaign.start_date)
        bench_import(client, campaign, "GA4 source / medium by date", data, rows)
        bench_exports(client, owner, campaign)


if __name__ == "__main__":
    main()
