"""The dashboard is drawn once and served again until something it shows may have changed:
a change the owner makes, a click, a new day, another language or sorting."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kpis.models import Click, TrackedLink
from reports import views
from tests.factories.accounts import UserFactory
from tests.factories.kpis import ClickFactory

from .conftest import build_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def draws(monkeypatch):
    """Counts how often the dashboard is gathered and drawn rather than served from the cache."""
    spy = mock.Mock(wraps=views.dashboard_context)
    monkeypatch.setattr(views, "dashboard_context", spy)
    return spy


def now_values(html):
    """The "Now" figure of every KPI card, in order (customers, link clicks, revenue)."""
    return re.findall(r'<dd class="kpi-now">([^<]*)</dd>', html)


def visit(client, campaign, query=""):
    """The dashboard's own content, without the layout (whose form token changes each time)."""
    response = client.get(f"/campaigns/{campaign.pk}/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("</header>") : html.index("</main>")]


def test_a_second_visit_is_served_without_drawing_again(owner_client, campaign, draws):
    first = visit(owner_client, campaign)
    second = visit(owner_client, campaign)

    assert draws.call_count == 1
    assert first == second
    assert now_values(second)[1] == "9"  # 3 + 6 clicks from the two influencers


def test_a_new_click_on_the_campaign_is_shown_at_the_next_visit(owner_client, campaign, draws):
    visit(owner_client, campaign)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    ClickFactory(link=link, at=timezone.now())

    html = visit(owner_client, campaign)

    assert now_values(html)[1] == "10"
    assert draws.call_count == 2


def test_a_redraw_after_a_click_reads_the_clicks_and_keeps_the_owners_rows(
    owner_client, campaign, draws
):
    visit(owner_client, campaign)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    ClickFactory(link=link, at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        kept = visit(owner_client, campaign)
    read = " ".join(query["sql"] for query in queries)
    cache.clear()

    assert visit(owner_client, campaign) == kept  # the same page as drawn from scratch
    assert now_values(kept)[1] == "10"
    assert "kpis_clickday" in read
    assert "kpis_redemption" not in read  # promo-code uses come from the cache
    assert draws.call_count == 3


def test_a_click_on_another_campaign_keeps_the_drawn_page(owner_client, owner, campaign, draws):
    other = build_campaign(owner, name="Summer")
    visit(owner_client, campaign)
    ClickFactory(link=TrackedLink.objects.filter(partnership__campaign=other).first())

    visit(owner_client, campaign)

    assert draws.call_count == 1


def test_a_check_in_recorded_on_the_site_is_shown_at_once(owner_client, campaign, draws):
    # 6 typed in and 2 first-time code uses.
    assert now_values(visit(owner_client, campaign))[0] == "8"
    customers = campaign.kpis.get(kind="customers")
    owner_client.post(
        f"/campaigns/{campaign.pk}/measurements/",
        {"date": timezone.localdate().isoformat(), f"value_{customers.pk}": "4", "note": "Fair"},
    )

    html = visit(owner_client, campaign)

    assert now_values(html)[0] == "12"
    assert "Fair" in html
    assert draws.call_count == 2


def test_a_change_made_on_another_page_draws_again(owner_client, owner, campaign, draws):
    # Removing an influencer from the roster is not a dashboard form, and the wizard and
    # imports write in bulk: every request that may write counts, whatever it wrote.
    partnership = campaign.partnerships.select_related("influencer").first()
    name = partnership.influencer.name
    assert name in visit(owner_client, campaign)
    owner_client.post(f"/influencers/{partnership.influencer.pk}/delete/")

    html = visit(owner_client, campaign)

    assert name not in html
    assert draws.call_count == 2


def test_a_new_currency_draws_again(owner_client, campaign, draws):
    visit(owner_client, campaign)
    owner_client.post("/accounts/business/", {"name": "Crumb & Co", "currency": "EUR"})

    assert "€" in visit(owner_client, campaign)
    assert draws.call_count == 2


def test_a_click_by_a_bot_keeps_the_drawn_page(owner_client, campaign, draws):
    visit(owner_client, campaign)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    ClickFactory(link=link, is_bot=True)  # not counted, so nothing to show

    visit(owner_client, campaign)

    assert draws.call_count == 1


def test_a_click_saved_after_a_newer_one_is_still_noticed(owner_client, owner, campaign, draws):
    # On PostgreSQL a click can be saved just after one with a higher id, after the page
    # was drawn: asking only for ids above the newest would miss it for good.
    other = build_campaign(owner, name="Summer")
    newest = Click.objects.order_by("-pk").first().pk
    ClickFactory(pk=newest + 10, link=TrackedLink.objects.filter(partnership__campaign=other)[0])
    visit(owner_client, campaign)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    ClickFactory(pk=newest + 5, link=link)

    html = visit(owner_client, campaign)

    assert now_values(html)[1] == "10"
    assert draws.call_count == 2


def test_an_address_with_other_parameters_is_drawn_but_not_kept(owner_client, campaign, draws):
    visit(owner_client, campaign, "?utm_source=newsletter")
    visit(owner_client, campaign, "?utm_source=newsletter")
    visit(owner_client, campaign, "?sort=no-such-column")
    visit(owner_client, campaign, "?sort=no-such-column")

    assert draws.call_count == 4


def test_the_next_day_draws_again(owner_client, campaign, draws):
    visit(owner_client, campaign)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("reports.caching.timezone.localdate", return_value=tomorrow):
        visit(owner_client, campaign)

    assert draws.call_count == 2


def test_each_sorting_of_the_table_is_drawn_and_kept_separately(owner_client, campaign, draws):
    by_name = visit(owner_client, campaign)
    by_clicks = visit(owner_client, campaign, "?sort=-clicks")

    assert by_name != by_clicks
    assert visit(owner_client, campaign, "?sort=-clicks") == by_clicks
    assert visit(owner_client, campaign) == by_name
    assert draws.call_count == 2


def test_another_owners_changes_keep_this_owners_page(owner_client, campaign, draws):
    visit(owner_client, campaign)
    client = Client()
    client.force_login(UserFactory())
    client.post("/accounts/business/", {"name": "Gym", "currency": "USD"})

    visit(owner_client, campaign)

    assert draws.call_count == 1


def test_the_cache_can_be_emptied_without_losing_anything(owner_client, campaign, draws):
    first = visit(owner_client, campaign)
    cache.clear()

    assert visit(owner_client, campaign) == first
    assert draws.call_count == 2
