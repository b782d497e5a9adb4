"""A per-day insights file on a phone: recognised from its columns, the owner says whose
account it is in the preview, and the days are added."""

import dataclasses
import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from kpis.models import Measurement
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory
from tests.kpis import exports

from .conftest import screenshot, sign_in
from .test_measurements import assert_main_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_meta_reach_per_day_on_a_phone(phone_page, live_server, tmp_path):
    owner = UserFactory(business__name="Rosie's Bakery")
    today = timezone.localdate()
    campaign = CampaignFactory(
        owner=owner,
        start_date=today - datetime.timedelta(days=14),
        end_date=today + datetime.timedelta(days=30),
    )
    maya = InfluencerFactory(owner=owner, name="Maya Cooks Clifton")
    PartnershipFactory(campaign=campaign, influencer=maya, promo_code="MAYA10")
    CampaignKPIFactory(campaign=campaign, kind="reach", source="social", target=Decimal(50_000))
    days = [
        dataclasses.replace(day, date=today - datetime.timedelta(days=index + 1))
        for index, day in enumerate(exports.ACCOUNT_DAYS)
    ]
    path = tmp_path / "Reach.csv"
    path.write_bytes(exports.meta_file("reach", days))
    page = phone_page
    sign_in(page, owner)

    page.goto(f"/campaigns/{campaign.pk}/measurements/import/")
    page.get_by_label("CSV file").set_input_files(str(path))
    screenshot(page, "kpis-import-meta-days-phone")
    page.get_by_role("button", name="Check the file").click()

    page.get_by_text("recognised from its columns").wait_for()
    page.get_by_role("heading", name="Whose account is this?").wait_for()
    assert "UTF-16" in page.locator(".import-facts").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_main_accessible(page)
    screenshot(page, "kpis-import-meta-days-preview-phone")
    page.get_by_role("button", name=re.compile(r"^Add all \d+ rows$")).click()
    page.get_by_text(re.compile(r"Imported \d+ rows")).wait_for()

    readings = Measurement.objects.filter(kpi__kind="reach")
    assert dict(readings.values_list("date", "value")) == {day.date: day.reach for day in days}
    assert set(readings.values_list("influencer", flat=True)) == {None}
