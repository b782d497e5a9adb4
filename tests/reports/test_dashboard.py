"""The dashboard shows the numbers kpis.metrics computes, and costs the same queries however
much data there is."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.formatting import format_count, format_money, format_percent, format_whole
from kpis import metrics
from kpis.services import campaign_kpi_statuses
from tests.factories.campaigns import CampaignFactory
from tests.factories.kpis import PostFactory

from .conftest import build_campaign

pytestmark = pytest.mark.django_db


def cell(html, css_class):
    match = re.search(rf'<td class="[^"]*\b{css_class}\b[^"]*">([^<]*)</td>', html)
    assert match, f"no cell {css_class}"
    return match.group(1)


def test_roi_panel_shows_the_metrics_formulas_on_the_raw_numbers(owner_client, campaign):
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()

    # From the built data: two code uses (30 + 60), fees 50 + 100, products 2 x 20,
    # shipping 2 x 5, commission 10% of each influencer's revenue, other costs 15.
    revenue = Decimal("90.00")
    costs = metrics.CostBreakdown(
        fees=Decimal("150"),
        products=Decimal("40"),
        shipping=Decimal("10"),
        commission=metrics.commission_due(revenue=Decimal("30"), rate_percent=10)
        + metrics.commission_due(revenue=Decimal("60"), rate_percent=10),
        other=Decimal("15"),
    )
    back = format_money(metrics.roas(revenue=revenue, cost=costs.total))
    assert cell(html, "roi-roas") == f"{back} back for each £1 spent"
    assert cell(html, "roi-cash") == format_percent(
        metrics.cash_roi_percent(revenue=revenue, cost=costs.total)
    )
    assert cell(html, "roi-profit") == format_percent(
        metrics.profit_roi_percent(
            revenue=revenue, cost=costs.total, gross_margin_percent=campaign.gross_margin
        )
    )
    average_order = metrics.average_order(revenue=revenue, orders=2)
    assert cell(html, "roi-break-even") == format_count(
        metrics.break_even_sales(
            cost=costs.total,
            average_order_value=average_order,
            gross_margin_percent=campaign.gross_margin,
        )
    )
    assert format_money(costs.total) in html
    # The industry figure is shown as a labelled reference, not a result.
    assert "Industry figure, for reference" in html
    reference = format_money(metrics.INDUSTRY_RETURN_PER_UNIT)
    assert f"{reference} back for each £1 spent" in html
    assert "US industry average (a figure in US dollars" in html


def test_roi_panel_counts_are_written_with_thousands_separators(owner_client, campaign):
    PostFactory(
        partnership=campaign.partnerships.first(),
        posted_on=campaign.start_date,
        likes=1_100,
        comments=0,
        shares=0,
    )
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()

    engagements = re.search(r"([\d,]+) likes, comments and shares", html).group(1)
    assert engagements.startswith("1,") and len(engagements) == 5


def test_kpi_cards_show_progress_and_pace_from_metrics(owner_client, campaign):
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    today = timezone.localdate()
    expected = metrics.expected_progress_percent(
        start=campaign.start_date, end=campaign.end_date, today=today
    )
    # New customers: 2 + 3 + 1 typed in and two first-time code uses, from 0 towards 50.
    progress = metrics.progress_percent(current=Decimal(8), baseline=0, target=50)
    assert format_percent(progress) in html
    assert format_percent(expected) in html
    statuses = campaign_kpi_statuses(campaign=campaign, today=today)
    customers = statuses[0]
    projected_progress = metrics.progress_percent(
        current=customers.projected, baseline=0, target=50
    )
    pace = metrics.PaceStatus(
        metrics.pace_status(
            progress=progress, expected=expected, projected_progress=projected_progress
        )
    )
    assert f'<span class="status-badge kpi-pace status-{pace.value}">{pace.label}</span>' in html
    for status in statuses:
        assert f"chart-{status.kpi.pk}-title" in html  # one chart per KPI
        assert format_whole(status.projected) in html


def test_timeline_overdue_banner_and_next_checkin(owner_client, campaign):
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "Day 11 of 31" in html
    assert "Check-in overdue." in html  # started 10 days ago, weekly, none recorded
    owner_client.post(
        f"/campaigns/{campaign.pk}/measurements/",
        {"date": timezone.localdate().isoformat(), "note": "All good."},
    )
    assert campaign.checkins.get().date == timezone.localdate()
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "Check-in overdue." not in html
    assert "Next check-in:" in html


def test_behind_kpis_get_tips_and_the_owners_own_rule(owner_client, campaign):
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "What to try next" in html
    assert "link in their bio" in html  # clicks are behind
    assert "Ask both influencers for a second story with the link." in html


def test_no_tips_when_everything_is_on_pace(owner_client, owner):
    campaign = build_campaign(owner, days_in=-1)  # starts tomorrow: nothing expected yet
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert "What to try next" not in html


def test_gifted_not_posted_influencers_are_listed_for_follow_up(owner_client, campaign):
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    section = html.split('id="follow-heading"', 1)[1].split("</section>", 1)[0]
    gifted = campaign.partnerships.get(gift_sent_on__isnull=False).influencer.name
    posted = campaign.partnerships.get(posts__isnull=False).influencer.name
    assert gifted in section
    assert "Gift sent 8 days ago and no post yet" in section
    assert posted not in section


def test_influencer_table_sorts_by_any_column(owner_client, campaign):
    names = [p.influencer.name for p in campaign.partnerships.order_by("fee")]
    html = owner_client.get(f"/campaigns/{campaign.pk}/?sort=-clicks").content.decode()
    table = html.split("Influencers side by side", 1)[1]
    # The second influencer has twice the clicks: first when sorted by clicks, descending.
    assert table.index(names[1]) < table.index(names[0])


def test_draft_campaign_says_still_planning(owner_client, owner):
    draft = CampaignFactory(owner=owner, status="draft")
    response = owner_client.get(f"/campaigns/{draft.pk}/")
    assert b"Still planning." in response.content
    assert f"/campaigns/{draft.pk}/plan/".encode() in response.content


def dashboard_queries(client, campaign):
    client.get(f"/campaigns/{campaign.pk}/")  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/campaigns/{campaign.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_bounded_and_does_not_grow_with_data(owner_client, owner):
    small = build_campaign(owner, clicks_per_link=1)
    big = build_campaign(owner, clicks_per_link=40, name="Big one")
    for kpi in big.kpis.all():
        for day in range(20):
            kpi.measurements.create(
                owner=owner,
                date=big.start_date + datetime.timedelta(days=day % 10),
                value=Decimal(1),
            )
    small_count = dashboard_queries(owner_client, small)
    big_count = dashboard_queries(owner_client, big)
    assert big_count == small_count
    assert big_count <= 20


def test_latest_checkin_notes_are_shown_newest_first(owner_client, campaign):
    today = timezone.localdate()
    campaign.checkins.create(
        owner=campaign.owner, date=today - datetime.timedelta(days=3), note="Added a till sign."
    )
    campaign.checkins.create(owner=campaign.owner, date=today, note="Asked for a second story.")
    html = owner_client.get(f"/campaigns/{campaign.pk}/").content.decode()
    assert html.index("Asked for a second story.") < html.index("Added a till sign.")
    assert "Check-in overdue." not in html


@pytest.mark.parametrize("dates", [True, False])
def test_an_empty_running_campaign_still_renders_everywhere(owner_client, owner, dates):
    fields = {} if dates else {"start_date": None, "end_date": None}
    bare = CampaignFactory(owner=owner, status="active", **fields)
    for path in ("", "report.pdf", "checklist.pdf", "calendar.ics", "measurements.csv"):
        response = owner_client.get(f"/campaigns/{bare.pk}/{path}")
        assert response.status_code == 200, path
    html = owner_client.get(f"/campaigns/{bare.pk}/").content.decode()
    assert "No numbers chosen for this campaign yet." in html
    assert "No influencers on this campaign yet." in html
