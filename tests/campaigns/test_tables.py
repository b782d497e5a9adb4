"""The campaigns table the portfolio builds on: links, days left and checklist progress."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import CampaignStatus
from campaigns.plan.guide import ITEMS
from campaigns.plan.tables import CampaignTable, days_left
from tests.factories.campaigns import CampaignFactory

pytestmark = pytest.mark.django_db


def test_drafts_link_to_the_wizard_and_running_campaigns_to_their_dashboard(owner):
    draft = CampaignFactory(owner=owner, plan_step=3)
    running = CampaignFactory(owner=owner, status=CampaignStatus.ACTIVE)
    table = CampaignTable([draft, running])
    html = table.as_html(RequestFactory().get("/campaigns/"))
    assert f'href="/campaigns/{draft.pk}/plan/3/"' in html
    assert f'href="/campaigns/{running.pk}/"' in html
    assert f"of {len(ITEMS)} done" in html
    assert "30 days" in html


def test_days_left():
    today = timezone.localdate()
    campaign = CampaignFactory.build(end_date=today + timedelta(days=5), status="active")
    assert days_left(campaign=campaign, today=today) == 5
    campaign.end_date = today - timedelta(days=1)
    assert days_left(campaign=campaign, today=today) is None


def test_progress_is_read_in_a_fixed_number_of_queries(owner):
    campaigns = [CampaignFactory(owner=owner) for _ in range(5)]
    with CaptureQueriesContext(connection) as queries:
        CampaignTable(campaigns).as_html(RequestFactory().get("/campaigns/"))
    with CaptureQueriesContext(connection) as fewer:
        CampaignTable(campaigns[:1]).as_html(RequestFactory().get("/campaigns/"))
    assert len(queries) == len(fewer)
