"""Measurement and influencer exports: CSV and Excel, numbers as numbers, formulas defused."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from influencers.models import Influencer
from tests.factories.kpis import MeasurementFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def hostile_measurements(campaign):
    kpi = campaign.kpis.get(kind="customers")
    influencer = campaign.partnerships.first().influencer
    influencer.name = "@SUM(1+1)"
    influencer.save()
    MeasurementFactory(kpi=kpi, value=Decimal("4"), note=FORMULA, influencer=influencer)
    MeasurementFactory(kpi=kpi, value=Decimal("1"), note="+44 117 000", influencer=None)
    MeasurementFactory(kpi=kpi, value=Decimal("2"), note="-minus")
    return campaign


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_measurements_csv_has_every_reading_with_formulas_neutralised(
    owner_client, hostile_measurements
):
    response = owner_client.get(f"/campaigns/{hostile_measurements.pk}/measurements.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "measurements.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Date", "What was measured", "Value", "Source", "Influencer", "Note"]
    assert len(rows) == 1 + 3 + 3  # three built readings plus three here
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells
    assert "'@SUM(1+1)" in cells
    assert "'+44 117 000" in cells
    assert "'-minus" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "New customers" in cells


def test_measurements_xlsx_opens_with_numbers_and_safe_text(owner_client, hostile_measurements):
    response = owner_client.get(f"/campaigns/{hostile_measurements.pk}/measurements.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    # Shown as typed, with no apostrophe; stored as text and marked so it stays text.
    hostile = [cell for cell in cells if cell.value == FORMULA]
    assert hostile and all(cell.data_type == "s" and cell.quotePrefix for cell in hostile)
    assert not any(cell.data_type == "f" for cell in cells)
    assert not any(
        isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")) and not c.quotePrefix
        for c in cells
    )
    numbers = [row[2].value for row in sheet.iter_rows(min_row=2)]
    assert sum(Decimal(str(n)) for n in numbers) == Decimal("13")  # 2 + 3 + 1 + 4 + 1 + 2


def test_influencer_comparison_exports(owner_client, campaign):
    Influencer.objects.filter(pk=campaign.partnerships.first().influencer_id).update(
        name="=cmd|' /C calc'!A0"
    )
    rows = csv_rows(owner_client.get(f"/campaigns/{campaign.pk}/influencers.csv"))
    assert rows[0][:3] == ["Influencer", "Code", "Link clicks"]
    # Two influencers, then the whole campaign's own row (its typed-in customers, other costs).
    assert len(rows) == 4
    assert rows[-1][0] == "The whole campaign (not one influencer)"
    assert "'=cmd|' /C calc'!A0" in [row[0] for row in rows]
    revenue = sorted(Decimal(row[5]) for row in rows[1:])
    # Plain numbers, no currency sign.
    assert revenue == [Decimal("0.00"), Decimal("30.00"), Decimal("60.00")]
    response = owner_client.get(f"/campaigns/{campaign.pk}/influencers.xlsx")
    assert response.status_code == 200


def test_unknown_export_format_is_not_found(owner_client, campaign):
    assert owner_client.get(f"/campaigns/{campaign.pk}/measurements.pdf").status_code == 404
    assert owner_client.get(f"/campaigns/{campaign.pk}/influencers.json").status_code == 404
