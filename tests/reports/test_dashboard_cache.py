"""The dashboard is drawn once and served again until something it shows may have changed:
a change the owner makes, a click, a new day, another language or sorting."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kpis.models import Click, TrackedLink
from reports import caching, views
from tests.factories.accounts import UserFactory
from tests.factories.kpis import CampaignKPIFactory, ClickFactory, MeasurementFactory

from .conftest import build_campaign, forget_everything, now_values, visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def draws(monkeypatch):
    """Counts how often the dashboard is gathered and drawn rather than served from the cache."""
    spy = mock.Mock(wraps=views.dashboard_context)
    monkeypatch.setattr(views, "dashboard_context", spy)
    return spy


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
    forget_everything()

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


def test_a_click_draws_again_only_the_sections_clicks_feed(owner_client, campaign, drawn_sections):
    visit(owner_client, campaign)
    everything = list(drawn_sections)
    drawn_sections.clear()
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    ClickFactory(link=link, at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        html = visit(owner_client, campaign)
    read = " ".join(query["sql"] for query in queries)

    assert everything == [section.name for section in caching.DASHBOARD_SECTIONS]
    # The link clicks card, what to try next, the table and the ROI panel; no rise over a
    # baseline comes from visits here, so the range is kept.
    assert drawn_sections == ["numbers", "next", "influencers", "roi"]
    assert now_values(html)[1] == "10"
    for kept in ("kpis_checkin", "kpis_post", "kpis_measurement", "kpis_feedback"):
        assert kept not in read, kept
    forget_everything()
    assert visit(owner_client, campaign) == html  # the same page as drawn from scratch


def test_the_range_moves_with_clicks_when_its_rise_comes_from_visits(
    owner, owner_client, drawn_sections
):
    # Visits were typed in for the weeks before the start and since, but no sales: the rise
    # in sales is the rise in visits at the clicks' conversion rate.
    campaign = build_campaign(owner)
    visits = CampaignKPIFactory(campaign=campaign, kind="visits", target=500, position=3)
    for days, value in ((-14, 70), (-7, 70), (2, 200), (5, 200)):
        MeasurementFactory(
            kpi=visits, date=campaign.start_date + datetime.timedelta(days=days), value=value
        )
    visit(owner_client, campaign)
    drawn_sections.clear()
    ClickFactory(link=TrackedLink.objects.filter(partnership__campaign=campaign).first())

    html = visit(owner_client, campaign)

    assert "range" in drawn_sections
    forget_everything()
    assert visit(owner_client, campaign) == html


def test_a_click_made_before_midnight_and_saved_after_it_is_noticed(owner_client, campaign, draws):
    # The page is drawn just after midnight; a click made a moment before midnight is saved
    # after that, into yesterday's count.
    visit(owner_client, campaign)
    link = TrackedLink.objects.filter(partnership__campaign=campaign).first()
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    ClickFactory(link=link, at=midnight - datetime.timedelta(seconds=1))

    html = visit(owner_client, campaign)

    assert now_values(html)[1] == "10"
    assert draws.call_count == 2


def test_the_tables_header_is_drawn_for_each_currency_and_sorting(owner_client, campaign):
    # The table's frame (header and sort links) is kept per sorting, language and currency.
    assert "Back per £1 spent" in visit(owner_client, campaign)
    owner_client.post("/accounts/business/", {"name": "Crumb & Co", "currency": "EUR"})

    assert "Back per €1 spent" in visit(owner_client, campaign)
    assert 'aria-sort="descending"' in visit(owner_client, campaign, "?sort=-clicks")
    assert 'aria-sort="descending"' not in visit(owner_client, campaign)
