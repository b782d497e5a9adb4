"""Shopify's Sales by discount report, per day or for its period, as Shopify writes it and as
Excel saves it again: each partner code's orders and sales, stored as totals; expected
totals come from the records."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import reader
from kpis import sources
from tests.factories.campaigns import CampaignFactory

from . import exports
from .import_context import PARTNERSHIPS, campaign_context

KPIS = {"orders": 104, "revenue": 105}


def read(data, **context):
    table = reader.read_table(data)
    source = sources.recognise(table)
    return source, source.read(table, campaign_context(kpis_by_kind=KPIS, **context))


def totals_by_code(result):
    code_of = {pk: code for code, pk in PARTNERSHIPS.items()}
    totals = {}
    for row in result.rows:
        orders, revenue = totals.get(code_of[row.partnership_id], (0, Decimal(0)))
        totals[code_of[row.partnership_id]] = (orders + row.orders, revenue + row.revenue)
    return totals


@pytest.mark.parametrize("variant", exports.VARIANTS)
@pytest.mark.parametrize("by_day", [True, False], ids=["by-day", "whole-period"])
def test_each_partner_code_counts_its_orders_and_sales(variant, by_day):
    data = exports.render(*exports.shopify_discounts(by_day=by_day), variant=variant)

    source, result = read(data)

    assert source.key == "shopify_discounts"
    assert result.errors == []
    assert totals_by_code(result) == exports.counted_discount_sales(by_day=by_day)


def test_other_codes_and_days_before_the_campaign_are_listed_as_left_out():
    _source, result = read(exports.render(*exports.shopify_discounts()))

    reasons = " ".join(item.reason for item in result.left_out)
    assert "code WELCOME5 is not one of this campaign's" in reasons
    assert "2026-10-02 is before the campaign starts" in reasons
    assert len(result.left_out) == 2  # the automatic discount has no code: not the campaign's


def test_the_totals_are_readings_of_the_campaigns_sales_and_revenue():
    _source, result = read(exports.render(*exports.shopify_discounts()))
    source = sources.get("shopify_discounts")
    context = campaign_context(
        kpis_by_kind=KPIS, partner_influencers={1: 11, 2: 12}, today=datetime.date(2026, 12, 1)
    )

    readings = source.readings(result.rows, context)

    expected = set()
    for sale in exports.DISCOUNT_SALES:
        if sale.counts:
            influencer = {"BREADLOVER": 11, "MAYA10": 12}[sale.code]
            expected |= {
                (104, sale.date, Decimal(sale.orders), influencer),
                (105, sale.date, sale.total_sales, influencer),
            }
    assert {(kpi, day, value, who) for _row, kpi, day, value, who in readings} == expected


def test_without_dates_by_row_the_totals_are_counted_on_the_last_day_and_said_so():
    _source, result = read(
        exports.render(*exports.shopify_discounts(by_day=False)), today=datetime.date(2026, 11, 20)
    )

    assert {row.date for row in result.rows} == {datetime.date(2026, 11, 20)}
    assert any("no dates by row" in fact for fact in result.facts)


def test_a_code_whose_orders_were_imported_one_by_one_keeps_them():
    _source, result = read(exports.render(*exports.shopify_discounts()), ordered=frozenset({2}))

    assert set(totals_by_code(result)) == {"BREADLOVER"}
    assert any(
        "code MAYA10: its orders were imported one by one" in item.reason
        for item in result.left_out
    )


def test_a_report_grouped_by_month_is_refused_plainly():
    header, rows = exports.shopify_discounts()
    header[0] = "Month"
    for row in rows:
        row[0] = row[0][:7]

    with pytest.raises(reader.BadFile, match="grouped by month. Group it by Day"):
        read(exports.render(header, rows))


def test_a_report_in_another_currency_is_refused():
    header, rows = exports.shopify_discounts()
    data = exports.render([*header, "Currency"], [[*row, "EUR"] for row in rows])

    with pytest.raises(reader.BadFile, match="in EUR, and your business counts in GBP"):
        read(data)


def test_a_campaign_without_sales_or_revenue_is_told_so():
    table = reader.read_table(exports.render(*exports.shopify_discounts()))

    with pytest.raises(reader.BadFile, match="does not track sales or revenue"):
        sources.get("shopify_discounts").read(table, campaign_context())


@pytest.mark.django_db
def test_the_upload_page_recognises_the_report(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    data = (exports.SAMPLES / "shopify_sales_by_discount.csv").read_bytes()

    response = owner_client.post(
        reverse("kpis:import", args=[campaign.pk]),
        {"kind": "", "file": SimpleUploadedFile("sales_by_discount.csv", data)},
        follow=True,
    )

    page = response.content.decode()
    assert "Shopify “Sales by discount” report (totals per promo code)" in page
    assert "recognised from its columns" in page
