"""Importing the same numbers again never counts them twice: the owner's own spreadsheet (both
shapes), per-day account insights and Shopify's Sales by discount report update what they
imported before, and a code's sales come from one kind of Shopify file, through the pages as
the owner uses them."""

import datetime
from decimal import Decimal

import pytest

from kpis import sources
from kpis.models import Measurement, Redemption
from kpis.recording import Reading, record_checkin
from kpis.services import campaign_figures
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory
from tests.kpis import exports
from tests.kpis.test_import_views import confirm, token_of, uploaded
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    campaign = CampaignFactory(
        owner=owner, start_date=exports.CAMPAIGN_START, end_date=exports.CAMPAIGN_END
    )
    for code, name in exports.PARTNERS.items():
        PartnershipFactory(
            campaign=campaign, influencer=InfluencerFactory(owner=owner, name=name), promo_code=code
        )
    CampaignKPIFactory(campaign=campaign, kind="customers")
    CampaignKPIFactory(campaign=campaign, kind="followers")
    CampaignKPIFactory(campaign=campaign, kind="orders", source="shop")
    CampaignKPIFactory(campaign=campaign, kind="revenue", source="shop")
    CampaignKPIFactory(campaign=campaign, kind="engagement", source="social")
    CampaignKPIFactory(campaign=campaign, kind="reach", source="social")
    return campaign


def imported(client, campaign, kind, content, **mapping):
    """Upload, then confirm the preview; the preview's text."""
    location = uploaded(client, campaign, kind, content)
    page = client.get(location, {"token": token_of(location), **mapping}).content.decode()
    confirm(client, campaign, location, **mapping)
    return page


LONG = (
    b"date,kpi,value,influencer\n2026-11-09,New customers,6,Bristol Bread Lover\n"
    b"2026-11-09,New customers,2,Maya Cooks Clifton\n2026-11-16,New customers,5,\n"
)
WIDE = b"Date,New customers,Followers\n09/11/2026,6,1260\n16/11/2026,3,1302\n23/11/2026,,1310\n"


@pytest.mark.parametrize(
    ("content", "mapping", "expected"),
    [
        (LONG, {"date": "date", "kpi": "kpi", "value": "value", "influencer": "influencer"}, 3),
        (WIDE, {"date": "Date"}, 5),
    ],
    ids=["long", "wide"],
)
def test_the_owners_spreadsheet_imported_twice_is_updated_not_doubled(
    owner_client, campaign, content, mapping, expected
):
    first = imported(owner_client, campaign, "generic", content, **mapping)
    before = sorted(Measurement.objects.values_list("kpi__kind", "date", "value", "influencer"))

    again = imported(owner_client, campaign, "generic", content, **mapping)

    assert "imported from a file before" not in first
    assert f"{expected} of these numbers" in again and "updated with this file" in again
    after = sorted(Measurement.objects.values_list("kpi__kind", "date", "value", "influencer"))
    assert len(before) == expected
    assert after == before


def test_a_number_typed_at_a_check_in_is_left_as_it_is(owner_client, campaign):
    customers = campaign.kpis.get(kind="customers")
    checkin = record_checkin(
        campaign=campaign,
        owner=campaign.owner,
        date=datetime.date(2026, 11, 16),
        note="",
        readings=[Reading(kpi=customers, value=Decimal(4))],
    )
    typed = checkin.measurements.get()
    mapping = {"date": "date", "kpi": "kpi", "value": "value", "influencer": "influencer"}

    imported(owner_client, campaign, "generic", LONG, **mapping)
    imported(owner_client, campaign, "generic", LONG, **mapping)

    assert Measurement.objects.filter(pk=typed.pk).exists()
    assert Measurement.objects.filter(kpi=customers).count() == 4


def sales_figures(campaign):
    figures = campaign_figures(campaign=campaign)
    return figures.total("orders"), figures.total("revenue")


def expected_report_sales():
    totals = exports.counted_discount_sales().values()
    return Decimal(sum(orders for orders, _ in totals)), sum(revenue for _, revenue in totals)


def test_the_report_imported_twice_counts_once(owner_client, campaign):
    report = exports.render(*exports.shopify_discounts())

    imported(owner_client, campaign, "shopify_discounts", report)
    again = imported(owner_client, campaign, "shopify_discounts", report)

    assert "totals replace them" in again
    assert sales_figures(campaign) == expected_report_sales()
    assert not Redemption.objects.exists()  # totals, never invented orders


def test_orders_imported_one_by_one_win_over_the_reports_totals(owner_client, campaign):
    report = exports.render(*exports.shopify_discounts())
    imported(owner_client, campaign, "shopify_discounts", report)

    page = imported(owner_client, campaign, "shopify", exports.render(*exports.shopify()))

    assert "these orders replace them" in page
    orders = exports.counted_revenue()
    assert sales_figures(campaign) == (
        Decimal(sum(count for count, _ in orders.values())),
        sum(revenue for _, revenue in orders.values()),
    )

    page = imported(owner_client, campaign, "shopify_discounts", report)

    assert "its orders were imported one by one" in page
    assert not Measurement.objects.filter(source="shop").exists()


def test_account_days_imported_twice_count_once(owner_client, campaign):
    overview = exports.render(*exports.tiktok_overview(), variant="bom")

    imported(owner_client, campaign, "tiktok_overview", overview)
    again = imported(owner_client, campaign, "tiktok_overview", overview)

    engagement = exports.counted_days(part="engagement")
    assert f"{2 * len(engagement)} of these numbers" in again
    figures = campaign_figures(campaign=campaign)
    assert figures.by_day("engagement") == engagement
    assert figures.by_day("reach") == exports.counted_days(part="views")


def test_the_owner_chooses_an_influencers_account_in_the_preview(owner_client, campaign):
    location = uploaded(
        owner_client, campaign, "tiktok_overview", exports.render(*exports.tiktok_overview())
    )
    [choice] = [
        form
        for form in page_forms(owner_client.get(location))
        if form["method"] == "get" and "account" in form["fields"]
    ]
    maya = campaign.partnerships.get(promo_code="MAYA10").influencer
    assert choice["fields"]["account"] == ""  # the business's own account, unless chosen
    assert str(maya.pk) in choice["choices"]["account"]

    chosen = owner_client.get(choice["action"], {**choice["fields"], "account": maya.pk})
    [add] = [
        form
        for form in page_forms(chosen)
        if form["method"] == "post" and form["action"] == choice["action"]
    ]
    owner_client.post(add["action"], add["fields"])

    engagement = Measurement.objects.filter(kpi__kind="engagement")
    assert set(engagement.values_list("influencer", flat=True)) == {maya.pk}
    assert dict(engagement.values_list("date", "value")) == exports.counted_days()


@pytest.mark.parametrize(
    ("kind", "name", "layout"),
    [
        ("tiktok", "tiktok_studio_overview.csv", "tiktok_overview"),
        ("youtube", "youtube_studio_chart_data.csv", "youtube_chart"),
        ("instagram", "meta_instagram_reach_per_day.csv", "meta_days"),
        ("facebook", "meta_content_interactions_per_day.csv", "meta_days"),
    ],
)
def test_a_products_per_day_file_chosen_as_that_product_is_read_as_its_per_day_layout(
    owner_client, campaign, kind, name, layout
):
    client = owner_client
    location = uploaded(client, campaign, kind, (exports.SAMPLES / name).read_bytes())
    page = client.get(location, {"token": token_of(location)}).content.decode()
    assert str(sources.get(layout).label) in page
