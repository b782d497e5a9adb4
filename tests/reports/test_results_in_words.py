"""Where a number would mislead, the dashboard says it in words: a plan not running yet, more
code sales than clicks, a forecast that needs more days."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)

from .conftest import build_campaign, pdf_text

pytestmark = pytest.mark.django_db


def dashboard(client, campaign):
    return client.get(reverse("reports:dashboard", args=[campaign.pk])).content.decode()


def test_a_campaign_not_started_shows_its_cost_and_no_results(owner_client, owner):
    campaign = build_campaign(owner, days_in=-5)  # launched, starts in five days

    html = dashboard(owner_client, campaign)

    assert "What it will cost" in html
    assert "Results appear once it is running" in html
    for result in ("Profit return (profit ROI)", "Cost per click", "-100%", "Brought in"):
        assert result not in html, result
    assert "appear here once the campaign starts" in html
    text = pdf_text(owner_client.get(reverse("reports:report_pdf", args=[campaign.pk])).content)
    assert "What it will cost" in text and "-100%" not in text


def test_a_plan_in_the_portfolio_shows_what_it_will_cost_outside_the_totals(owner_client, owner):
    running = build_campaign(owner)
    draft = CampaignFactory(owner=owner, status="draft", name="Summer", other_costs=Decimal(40))
    PartnershipFactory(campaign=draft, fee=Decimal(60), product_value=0, shipping=0)

    html = owner_client.get(reverse("reports:portfolio")).content.decode()

    assert "£100.00 planned" in html
    assert "Not started yet" in html
    footer = html.split("<tfoot", 1)[1].split("</tfoot>", 1)[0]
    assert "£100.00" not in footer
    assert "-100%" not in html
    assert running.name in html


def test_more_code_sales_than_clicks_are_said_in_words(owner_client, owner):
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )
    partnership = PartnershipFactory(campaign=campaign, fee=Decimal(50))
    ClickFactory.create_batch(4, link=TrackedLinkFactory(partnership=partnership))
    RedemptionFactory.create_batch(7, partnership=partnership, date=today)

    html = dashboard(owner_client, campaign)

    assert "7 sales from 4 link clicks: more sales than clicks" in html
    assert "175" not in html


def test_no_forecast_before_a_week_says_how_many_days_it_waits(owner_client, owner):
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=today - datetime.timedelta(days=2),  # day 3 of the campaign
        end_date=today + datetime.timedelta(days=27),
    )
    CampaignKPIFactory(campaign=campaign, kind="customers", target=Decimal(40))

    html = dashboard(owner_client, campaign)

    assert "A forecast needs a week of numbers: 4 more days." in html
