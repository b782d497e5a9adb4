"""A reading or a check-in sent from the site draws again only what readings and check-ins
feed, reads again only the readings that changed, and gives the page drawn from scratch."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urljoin

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Business
from kpis.models import CheckIn, Measurement
from reports import caching, tables
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory
from tests.site_walk import page_forms

from .conftest import forget_everything, now_values, visit

pytestmark = pytest.mark.django_db

# Kept when only readings and check-ins change: they show none of what those feed.
NOT_FED_BY_READINGS = ["posts", "said"]


def sent(client, page, fits, typed=None):
    """The first form on ``page`` that ``fits``, sent as the browser sends it, with ``typed``
    (field: value) put in."""
    response = client.get(page)
    assert response.status_code == 200
    form = next(form for form in page_forms(response) if fits(form))
    answer = client.post(urljoin(page, form["action"]), {**form["fields"], **(typed or {})})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    return answer


def check_in(client, campaign, **typed):
    page = f"/campaigns/{campaign.pk}/measurements/"
    return sent(client, page, lambda form: "note" in form["fields"], typed)


def readings_read(queries):
    """The SQL of the queries that read readings (never those that write them)."""
    return [
        query["sql"]
        for query in queries
        if "kpis_measurement" in query["sql"] and query["sql"].lstrip().startswith("SELECT")
    ]


def kpis_read(queries):
    """The SQL of the queries that read the campaign's KPIs."""
    return [query["sql"] for query in queries if 'FROM "kpis_campaignkpi"' in query["sql"]]


def test_a_check_in_draws_again_only_what_readings_feed(
    owner, owner_client, campaign, drawn_sections
):
    # 6 typed in and 2 first-time code uses.
    assert now_values(visit(owner_client, campaign))[0] == "8"
    drawn_sections.clear()
    customers = campaign.kpis.get(kind="customers")
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "4", "note": "Fair stall"})

    with CaptureQueriesContext(connection) as queries:
        html = visit(owner_client, campaign)

    assert Business.objects.get(owner=owner).data_version == 0  # nothing else moved
    assert now_values(html)[0] == "12"
    assert "Fair stall" in html
    everything = [section.name for section in caching.DASHBOARD_SECTIONS]
    # The range shows no typed-in customers: found drawn by its content. The timeline moved
    # (today's check-in is done).
    kept = [*NOT_FED_BY_READINGS, "range"]
    assert drawn_sections == [name for name in everything if name not in kept]
    # The customers KPI's readings are read again (theirs alone); those of the others are kept.
    (read,) = readings_read(queries)
    assert re.search(rf"\bIN \({customers.pk}\)", read), read
    # The KPIs themselves are kept: only the versions of their readings are read again.
    (versions,) = kpis_read(queries)
    assert '"kind"' not in versions, versions
    forget_everything()
    with CaptureQueriesContext(connection) as queries:
        assert visit(owner_client, campaign) == html  # the same page as drawn from scratch
    (kpis,) = kpis_read(queries)  # read whole, with their versions: not read again for them
    assert '"kind"' in kpis, kpis


def test_a_section_a_check_in_leaves_as_it_was_is_not_drawn_again(
    owner_client, campaign, drawn_sections
):
    customers = campaign.kpis.get(kind="customers")
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "4", "note": "Fair stall"})
    visit(owner_client, campaign)
    drawn_sections.clear()
    # A second check-in today: the timeline and the alerts are as they were, the range too.
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "5", "note": "Market day"})

    html = visit(owner_client, campaign)

    assert now_values(html)[0] == "17"  # 8, and 4 and 5 typed in today
    assert "alerts" not in drawn_sections and "timeline" not in drawn_sections
    assert "range" not in drawn_sections
    assert {"numbers", "checkins"} <= set(drawn_sections)
    forget_everything()
    assert visit(owner_client, campaign) == html  # the same page as drawn from scratch


def test_what_to_try_next_is_not_drawn_again_while_the_pace_stays(
    owner_client, campaign, drawn_sections
):
    customers = campaign.kpis.get(kind="customers")
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "1"})
    assert "What to try next" in visit(owner_client, campaign)  # customers behind plan
    drawn_sections.clear()
    # A reading of none: the same pace, the same tips.
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "0", "note": "Rainy week"})

    html = visit(owner_client, campaign)

    assert "next" not in drawn_sections
    assert "Rainy week" in html
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_check_in_draws_again_only_the_table_rows_it_changes(owner_client, campaign, monkeypatch):
    visit(owner_client, campaign)
    drawn = []
    row_html = tables.InfluencerResultsTable.row_html

    def spy(table, record, *args):
        drawn.append(str(record.name))
        return row_html(table, record, *args)

    monkeypatch.setattr(tables.InfluencerResultsTable, "row_html", spy)
    customers = campaign.kpis.get(kind="customers")
    # Customers typed in for the whole campaign: the influencers' own rows are as they were.
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "4"})

    html = visit(owner_client, campaign)

    assert drawn == ["The whole campaign (not one influencer)"]
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_section_whose_content_a_check_in_changes_is_drawn_again(
    owner_client, campaign, drawn_sections
):
    orders = CampaignKPIFactory(campaign=campaign, kind="orders", target=Decimal("40"))
    visit(owner_client, campaign)
    drawn_sections.clear()
    # Sales typed in count among the campaign's sales: the range moves.
    check_in(owner_client, campaign, **{f"value_{orders.pk}": "7"})

    html = visit(owner_client, campaign)

    assert "range" in drawn_sections
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_reading_changed_on_its_page_is_shown_at_the_next_visit(owner_client, campaign):
    visit(owner_client, campaign)
    reading = Measurement.objects.filter(kpi__campaign=campaign, kpi__kind="customers").first()
    page = f"/campaigns/{campaign.pk}/measurements/{reading.pk}/edit/"
    sent(owner_client, page, lambda form: "value" in form["fields"], {"value": "12"})

    html = visit(owner_client, campaign)

    assert now_values(html)[0] == str(8 - int(reading.value) + 12)
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_reading_deleted_on_its_page_is_gone_at_the_next_visit(owner_client, campaign):
    visit(owner_client, campaign)
    reading = Measurement.objects.filter(kpi__campaign=campaign, kpi__kind="customers").first()
    page = f"/campaigns/{campaign.pk}/measurements/{reading.pk}/delete/"
    sent(owner_client, page, lambda form: form["method"] == "post" and not form["action"])

    html = visit(owner_client, campaign)

    assert not Measurement.objects.filter(pk=reading.pk).exists()
    assert now_values(html)[0] == str(8 - int(reading.value))
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_check_in_moved_before_the_start_takes_its_readings_out_of_the_results(
    owner_client, campaign
):
    # Moving a check-in moves its readings with one UPDATE, which no model signal sees.
    customers = campaign.kpis.get(kind="customers")
    check_in(owner_client, campaign, **{f"value_{customers.pk}": "4"})
    assert now_values(visit(owner_client, campaign))[0] == "12"
    checkin = CheckIn.objects.get(campaign=campaign)
    before_start = campaign.start_date - datetime.timedelta(days=3)
    page = f"/campaigns/{campaign.pk}/checkins/{checkin.pk}/edit/"
    sent(owner_client, page, lambda form: "note" in form["fields"], {"date": before_start})

    html = visit(owner_client, campaign)

    assert now_values(html)[0] == "8"  # a reading of the week before is a baseline
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_snapshot_kpis_level_is_read_again_with_its_readings(owner_client, campaign):
    followers = CampaignKPIFactory(
        campaign=campaign, kind="followers", target=Decimal("2000"), position=3
    )
    MeasurementFactory(kpi=followers, date=campaign.start_date, value=1200)
    visit(owner_client, campaign)
    check_in(owner_client, campaign, **{f"value_{followers.pk}": "1350"})

    html = visit(owner_client, campaign)

    assert now_values(html)[3] == "1,350"
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_reading_written_outside_the_pages_is_shown_at_once(owner_client, campaign):
    # An import, the wizard or a Django shell: the database versions the readings itself.
    visit(owner_client, campaign)
    customers = campaign.kpis.get(kind="customers")
    Measurement.objects.bulk_create(
        [
            Measurement(owner=campaign.owner, kpi=customers, date=timezone.localdate(), value=5),
        ]
    )

    html = visit(owner_client, campaign)

    assert now_values(html)[0] == "13"
