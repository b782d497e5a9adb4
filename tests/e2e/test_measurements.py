import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from campaigns.models import Campaign, CampaignStatus
from kpis.models import CheckIn
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory, ClickFactory, TrackedLinkFactory

from .axe import assert_accessible
from .conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def assert_main_accessible(page):
    """axe on this app's part of the page (the site header is the layout's, checked there)."""
    assert_accessible(page, within="#main")


@pytest.fixture
def campaign():
    owner = UserFactory(business__name="Rosie's Bakery")
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        name="Spring sourdough launch",
        start_date=today - datetime.timedelta(days=14),
        end_date=today + datetime.timedelta(days=30),
    )
    for name, code in (("Bristol Bread Lover", "BREADLOVER"), ("Maya Cooks Clifton", "MAYA10")):
        partnership = PartnershipFactory(
            campaign=campaign, influencer=InfluencerFactory(owner=owner, name=name), promo_code=code
        )
        link = TrackedLinkFactory(partnership=partnership, destination="https://rosies.example/")
        ClickFactory.create_batch(4, link=link)
    CampaignKPIFactory(campaign=campaign, kind="customers", target=Decimal(60), position=0)
    CampaignKPIFactory(
        campaign=campaign,
        kind="followers",
        baseline=Decimal(1200),
        target=Decimal(1500),
        position=1,
    )
    CampaignKPIFactory(campaign=campaign, kind="clicks", source="links", target=Decimal(900))
    return campaign


def kpi_now(page):
    """The "Now" figure of each KPI card on the dashboard, in order."""
    return page.locator("dd.kpi-now").all_inner_texts()


def test_owner_records_a_check_in_and_sees_it_in_the_log(page, live_server, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.ACTIVE)
    sign_in(page, campaign.owner)
    page.goto(f"/campaigns/{campaign.pk}/")
    assert kpi_now(page) == ["0", "8", "1,200"]  # drawn now, and kept for the next visit
    page.goto(f"/campaigns/{campaign.pk}/measurements/")
    assert page.get_by_text("8 clicks").is_visible()  # counted for you, read-only

    page.get_by_label("New customers: how many since the last check-in?").fill("6")
    page.get_by_label("Thanks to").first.select_option(label="Maya Cooks Clifton")
    page.get_by_label("Followers: what is the number today?").fill("1,260".replace(",", ""))
    page.get_by_label("What did we change, and why?").fill(
        "Maya's video brought people in. Asked her for a second story."
    )
    screenshot(page, "kpis-checkin-filled")
    page.get_by_role("button", name="Save check-in").click()

    page.wait_for_url(re.compile(r"/measurements/$"))
    page.get_by_text("Check-in saved.").wait_for()
    entry = page.locator(".checkin-entry").first
    assert "Asked her for a second story." in entry.inner_text()
    assert "Maya Cooks Clifton" in entry.inner_text()
    assert CheckIn.objects.get().measurements.count() == 2
    assert_main_accessible(page)
    screenshot(page, "kpis-checkin-log")

    # The dashboard drawn before the check-in shows it at the next visit.
    page.goto(f"/campaigns/{campaign.pk}/")
    assert kpi_now(page) == ["6", "8", "1,260"]
    assert page.get_by_text("Asked her for a second story.").is_visible()
    screenshot(page, "reports-dashboard-after-checkin")


def test_a_mistake_keeps_what_was_typed(page, live_server, campaign):
    sign_in(page, campaign.owner)
    page.goto(f"/campaigns/{campaign.pk}/measurements/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Date of the check-in").fill(tomorrow.isoformat())
    page.get_by_label("What did we change, and why?").fill("Kept note")
    page.get_by_role("button", name="Save check-in").click()

    page.locator(".checkin-form").get_by_text("That date is in the future").wait_for()
    assert page.get_by_role(
        "link", name=re.compile("^Date of the check-in: That date")
    ).is_visible()
    assert page.get_by_label("What did we change, and why?").input_value() == "Kept note"
    assert not CheckIn.objects.exists()


def test_links_page_and_an_import_on_a_phone(phone_page, live_server, campaign):
    # The sample's orders are of November 2026: the campaign runs from before them, whatever
    # today is.
    Campaign.objects.filter(pk=campaign.pk).update(start_date=datetime.date(2026, 11, 1))
    page = phone_page
    sign_in(page, campaign.owner)
    page.goto(f"/campaigns/{campaign.pk}/measurements/")
    screenshot(page, "kpis-checkin-phone")

    page.goto(f"/campaigns/{campaign.pk}/links/")
    page.get_by_role("img", name="QR code of Maya Cooks Clifton's link").wait_for()
    assert_main_accessible(page)
    screenshot(page, "kpis-links-phone")

    page.goto(f"/campaigns/{campaign.pk}/measurements/import/")
    screenshot(page, "kpis-import-phone")
    # The kind is left as it is ("Recognise it for me"): the page tells a Shopify file itself.
    page.get_by_label("CSV file").set_input_files(str(SAMPLES / "shopify_orders_export.csv"))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_text("recognised from its columns").wait_for()
    page.get_by_role("heading", name="In short").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_main_accessible(page)
    screenshot(page, "kpis-import-preview-phone")
    page.get_by_role("button", name=re.compile(r"^Add all \d+ rows$")).click()
    page.get_by_text(re.compile(r"Imported \d+ rows")).wait_for()


def test_an_excel_saved_analytics_file_previews_with_how_it_was_read(page, live_server, campaign):
    CampaignKPIFactory(campaign=campaign, kind="visits", source="analytics", target=Decimal(500))
    sign_in(page, campaign.owner)
    page.goto(f"/campaigns/{campaign.pk}/measurements/import/")
    page.get_by_label("CSV file").set_input_files(
        str(SAMPLES / "ga4_source_medium_by_date_de_unicode.txt")
    )
    page.get_by_role("button", name="Check the file").click()

    page.get_by_role("heading", name="How we read this file").wait_for()
    facts = page.locator(".import-facts").inner_text()
    assert "UTF-16" in facts and "google / organic" in facts
    assert_main_accessible(page)
    screenshot(page, "kpis-import-preview-analytics")


def test_links_page_copies_a_link_and_opens_the_import(page, live_server, campaign):
    sign_in(page, campaign.owner)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/campaigns/{campaign.pk}/links/")
    page.get_by_role("button", name="Copy").first.click()
    page.get_by_role("button", name="Copied").first.wait_for()
    screenshot(page, "kpis-links")

    page.get_by_role("link", name="Import a file").click()
    page.get_by_role("heading", name="Import numbers from a file").wait_for()
    assert_main_accessible(page)
    screenshot(page, "kpis-import")
