"""An owner imports the shop's orders export they opened in Excel and saved as a workbook."""

import re
from decimal import Decimal

import pytest
from django.db.models import Count, Sum

from kpis.models import Redemption
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory
from tests.kpis import exports

from .axe import assert_accessible
from .conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_shop_export_saved_as_an_excel_workbook_imports_each_order_once(
    page, live_server, tmp_path
):
    owner = UserFactory(business__name="Rosie's Bakery")
    campaign = CampaignFactory(
        owner=owner, start_date=exports.CAMPAIGN_START, end_date=exports.CAMPAIGN_END
    )
    for code, name in exports.PARTNERS.items():
        PartnershipFactory(
            campaign=campaign, influencer=InfluencerFactory(owner=owner, name=name), promo_code=code
        )
    CampaignKPIFactory(campaign=campaign, kind="revenue", source="shop")
    workbook = tmp_path / "orders_export.xlsx"
    workbook.write_bytes(exports.render(*exports.shopify(), variant="xlsx"))

    sign_in(page, owner)
    page.goto(f"/campaigns/{campaign.pk}/measurements/import/")
    page.get_by_label("CSV file or Excel workbook").set_input_files(str(workbook))
    page.get_by_role("button", name="Check the file").click()

    page.get_by_role("heading", name="How we read this file").wait_for()
    facts = page.locator(".import-facts").inner_text()
    assert "the sheet “export” of an Excel workbook" in facts
    assert_accessible(page, within="#main")
    screenshot(page, "kpis-import-preview-workbook")
    page.get_by_role("button", name=re.compile(r"^Add all \d+ rows$")).click()
    page.get_by_text(re.compile(r"Imported \d+ rows from orders_export.xlsx")).wait_for()

    saved = {
        row["partnership__promo_code"]: (row["uses"], row["revenue"])
        for row in Redemption.objects.values("partnership__promo_code").annotate(
            uses=Count("id"), revenue=Sum("revenue")
        )
    }
    expected = exports.counted_revenue()
    assert saved == {code: (uses, Decimal(revenue)) for code, (uses, revenue) in expected.items()}
