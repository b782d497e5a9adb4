"""The portfolio: every campaign with its progress, pace and ROI, and totals across them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.formatting import format_money, format_percent
from kpis import metrics
from kpis.services import campaign_kpi_statuses, campaign_roi
from reports.services import portfolio_rows, portfolio_totals
from tests.factories.campaigns import CampaignFactory

from .conftest import build_campaign

pytestmark = pytest.mark.django_db


def test_rows_show_main_kpi_progress_pace_and_roi(owner_client, owner):
    campaign = build_campaign(owner)
    html = owner_client.get("/campaigns/").content.decode()
    main = campaign_kpi_statuses(campaign=campaign)[0]
    roi = campaign_roi(campaign=campaign)
    assert main.kpi.kind == "customers"
    assert format_percent(main.progress) in html
    assert f'<span class="status-badge status-{main.pace}">{main.pace_label}</span>' in html
    assert format_money(roi.cost) in html
    assert format_percent(roi.profit_roi) in html
    assert campaign.goal_sentence in html
    assert "Plan a new campaign" in html and 'href="/campaigns/new/"' in html
    assert f'href="/campaigns/{campaign.pk}/"' in html


def test_totals_add_up_every_campaign(owner_client, owner):
    first = build_campaign(owner, name="First")
    second = build_campaign(owner, name="Second", other_costs=100)
    CampaignFactory(owner=owner, status="draft", name="Just an idea")
    rois = [campaign_roi(campaign=first), campaign_roi(campaign=second)]
    total_cost = sum(r.cost for r in rois)
    total_revenue = sum(r.revenue for r in rois)
    html = owner_client.get("/campaigns/").content.decode()
    footer = html.split("<tfoot", 1)[1].split("</tfoot>", 1)[0]
    assert format_money(total_cost) in footer
    assert format_money(total_revenue) in footer
    kept = sum(
        metrics.gross_profit(revenue=r.revenue, gross_margin_percent=r.gross_margin) for r in rois
    )
    assert (
        format_percent(
            metrics.profit_roi_percent(revenue=kept, cost=total_cost, gross_margin_percent=100)
        )
        in footer
    )
    assert "All running campaigns" in footer


def test_totals_of_no_campaigns_are_zero():
    totals = portfolio_totals(rows=[])
    assert totals.cost == 0 and totals.roas is None and totals.cash_roi is None


def test_new_owner_sees_an_empty_state_with_the_plan_button(owner_client):
    html = owner_client.get("/campaigns/").content.decode()
    assert "No campaigns yet." in html
    assert "Plan a new campaign" in html
    assert "<table" not in html


def test_campaign_without_kpis_says_so(owner):
    campaign = CampaignFactory(owner=owner, status="active")
    row = portfolio_rows(campaigns=[campaign])[campaign.pk]
    assert row.main is None
    assert row.pace == metrics.PaceStatus.NO_DATA


def portfolio_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/campaigns/").status_code == 200
    return len(queries)


def test_the_same_queries_for_one_campaign_and_for_thirty(owner_client, owner):
    build_campaign(owner, name="One")
    one = portfolio_queries(owner_client)
    for number in range(29):
        build_campaign(owner, name=f"Campaign {number}", clicks_per_link=number % 4)
    CampaignFactory(owner=owner, status="draft", name="Just an idea")

    assert portfolio_queries(owner_client) == one
    assert one <= 15, one


def test_each_campaign_gets_its_own_figures_when_read_together(owner):
    """Read for all campaigns at once, each row is what the campaign alone would show."""
    campaigns = [
        build_campaign(owner, name="Busy", clicks_per_link=5, other_costs=100),
        build_campaign(owner, name="Quiet", clicks_per_link=0, days_in=3),
        CampaignFactory(owner=owner, status="active", name="No KPIs yet"),
    ]
    together = portfolio_rows(campaigns=campaigns)
    for campaign in campaigns:
        alone = portfolio_rows(campaigns=[campaign])[campaign.pk]
        assert together[campaign.pk] == alone
        assert together[campaign.pk].roi == campaign_roi(campaign=campaign)
    assert together[campaigns[0].pk].roi.clicks == 15
    assert together[campaigns[1].pk].roi.clicks == 0
