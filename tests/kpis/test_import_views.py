"""Imports end to end: upload, map, preview, confirm; atomic; bad files explained."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from kpis.models import Measurement, Redemption
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory
from tests.factories.kpis import CampaignKPIFactory, RedemptionFactory
from tests.kpis import exports
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def campaign(owner):
    campaign = CampaignFactory(
        owner=owner, start_date=datetime.date(2026, 11, 1), end_date=datetime.date(2026, 11, 30)
    )
    for name, code in (
        ("Bristol Bread Lover", "BREADLOVER"),
        ("Maya Cooks Clifton", "MAYA10"),
        ("Sam's Bristol Eats", "SAMEATS"),
    ):
        PartnershipFactory(
            campaign=campaign, influencer=InfluencerFactory(owner=owner, name=name), promo_code=code
        )
    CampaignKPIFactory(campaign=campaign, kind="customers")
    CampaignKPIFactory(campaign=campaign, kind="clicks")
    CampaignKPIFactory(campaign=campaign, kind="visits", source="analytics")
    return campaign


def upload(client, campaign, kind, content, name="file.csv"):
    return client.post(
        reverse("kpis:import", args=[campaign.pk]),
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def uploaded(client, campaign, kind, content):
    """Upload a file; the address of its preview."""
    response = upload(client, campaign, kind, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def sample(name):
    return (SAMPLES / name).read_bytes()


def token_of(location):
    return location.split("token=")[1]


def confirm(client, campaign, location, **mapping):
    """Open the preview (with these column choices, if any) and submit its confirm form as
    the page renders it, as the owner's browser would. Without such a form, the preview."""
    page = client.get(location, {"token": token_of(location), **mapping} if mapping else None)
    forms = [
        form
        for form in page_forms(page)
        if form["method"] == "post"
        and form["action"] == reverse("kpis:import_preview", args=[campaign.pk])
    ]
    if not forms:
        return page
    return client.post(forms[0]["action"], forms[0]["fields"])


class TestGenericFile:
    def test_preview_then_confirm_adds_every_row(self, owner_client, campaign):
        location = uploaded(owner_client, campaign, "generic", sample("generic_measurements.csv"))

        preview = owner_client.get(location)

        assert preview.status_code == 200
        page = preview.content.decode()
        assert "4 rows to add" in page
        assert "Bristol Bread Lover" in page
        assert not Measurement.objects.exists()

        confirmed = confirm(
            owner_client,
            campaign,
            location,
            date="date",
            kpi="kpi",
            value="value",
            influencer="influencer",
        )

        assert confirmed.status_code == 302
        assert sorted(Measurement.objects.values_list("value", flat=True)) == [
            Decimal(2),
            Decimal(5),
            Decimal(6),
            Decimal(1204),
        ]
        assert set(Measurement.objects.values_list("owner", flat=True)) == {campaign.owner.pk}

    def test_the_owner_maps_columns_with_other_names(self, owner_client, campaign):
        content = b"Day;Thing;How many\n14/11/2026;New customers;3\n"
        location = uploaded(owner_client, campaign, "generic", content)

        first = owner_client.get(location)
        assert "Which column is which?" in first.content.decode()
        assert "choose which column holds the KPI" in first.content.decode()

        mapped = owner_client.get(
            reverse("kpis:import_preview", args=[campaign.pk]),
            {
                "token": token_of(location),
                "date": "Day",
                "kpi": "Thing",
                "value": "How many",
                "influencer": "",
            },
        )
        assert "1 row to add" in mapped.content.decode()

        confirm(owner_client, campaign, location, date="Day", kpi="Thing", value="How many")
        assert Measurement.objects.get().value == Decimal(3)

    def test_a_file_with_a_bad_row_saves_nothing_even_when_confirmed(self, owner_client, campaign):
        content = b"date,kpi,value\n2026-11-02,New customers,3\n2026-11-03,Cakes sold,4\n"
        location = uploaded(owner_client, campaign, "generic", content)

        preview = owner_client.get(location)
        page = preview.content.decode()
        assert "1 row needs fixing" in page
        assert "Row 3" in page and "“Cakes sold” is not one of this campaign" in page
        assert "Add 1 row" not in page

        confirm(owner_client, campaign, location, date="date", kpi="kpi", value="value")
        assert not Measurement.objects.exists()


class TestShopify:
    def test_the_sample_export_becomes_one_use_per_order(self, owner_client, campaign):
        location = uploaded(
            owner_client,
            campaign,
            "shopify",
            sample("shopify_orders_export.csv"),
        )
        page = owner_client.get(location).content.decode()
        assert "left out on purpose" in page
        assert "WELCOME5" in page

        confirm(owner_client, campaign, location)

        refs = list(Redemption.objects.values_list("order_ref", flat=True))
        assert len(refs) == len(set(refs)) > 5
        assert set(Redemption.objects.values_list("source", flat=True)) == {"shop"}

    def test_importing_the_same_file_again_adds_nothing(self, owner_client, campaign):
        content = sample("shopify_orders_export.csv")
        for _attempt in range(2):
            location = uploaded(owner_client, campaign, "shopify", content)
            confirm(owner_client, campaign, location)
        first_count = Redemption.objects.count()

        location = uploaded(owner_client, campaign, "shopify", content)
        page = owner_client.get(location).content.decode()

        assert "was imported before" in page
        assert "0 rows to add" in page
        assert Redemption.objects.count() == first_count

    def test_an_order_typed_in_by_hand_with_its_number_is_not_imported_again(
        self, owner_client, campaign
    ):
        partnership = campaign.partnerships.get(promo_code="BREADLOVER")
        RedemptionFactory(partnership=partnership, order_ref="#1001", revenue=Decimal("6.82"))
        location = uploaded(
            owner_client,
            campaign,
            "shopify",
            sample("shopify_orders_export.csv"),
        )

        assert "order #1001 was imported before" in owner_client.get(location).content.decode()


class TestAnalytics:
    def test_visits_by_source_per_influencer(self, owner_client, campaign):
        location = uploaded(
            owner_client,
            campaign,
            "analytics",
            sample("ga4_sessions_by_source.csv"),
        )
        confirm(owner_client, campaign, location)

        visits = {
            m.influencer.name: m.value for m in Measurement.objects.select_related("influencer")
        }
        assert visits == {
            "Bristol Bread Lover": Decimal(318),
            "Maya Cooks Clifton": Decimal(164),
            "Sam's Bristol Eats": Decimal(22),
        }

    def test_importing_overlapping_days_again_replaces_not_adds(self, owner_client, campaign):
        content = sample("ga4_sessions_by_date.csv")
        for _attempt in range(2):
            location = uploaded(owner_client, campaign, "analytics", content)
            confirm(owner_client, campaign, location)

        assert Measurement.objects.count() == 21

    def test_a_failure_halfway_leaves_the_earlier_readings_untouched(
        self, owner_client, campaign, monkeypatch
    ):
        content = sample("ga4_sessions_by_date.csv")
        location = uploaded(owner_client, campaign, "analytics", content)
        confirm(owner_client, campaign, location)
        before = list(Measurement.objects.values_list("pk", "value"))
        location = uploaded(owner_client, campaign, "analytics", content)

        def fail(*args, **kwargs):
            raise DatabaseError("disk full")

        # The earlier readings are deleted first, then the new ones fail to be written.
        monkeypatch.setattr(Measurement.objects, "bulk_create", fail)
        with pytest.raises(DatabaseError):
            confirm(owner_client, campaign, location)

        assert list(Measurement.objects.values_list("pk", "value")) == before

    def test_a_campaign_without_a_visits_kpi_is_told_so(self, owner_client, campaign):
        campaign.kpis.filter(kind="visits").delete()
        location = uploaded(
            owner_client,
            campaign,
            "analytics",
            sample("ga4_sessions_by_date.csv"),
        )

        assert "does not track website visits" in owner_client.get(location).content.decode()


class TestBadUploads:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "The submitted file is empty."),
            (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook (.xlsx)"),
            (b"\x00\x01\x02binary", "binary data"),
        ],
    )
    def test_unreadable_files_are_refused_at_upload(self, owner_client, campaign, content, message):
        response = upload(owner_client, campaign, "generic", content)

        assert response.status_code == 200
        assert message in response.content.decode()

    def test_a_file_over_the_size_limit(self, owner_client, campaign, settings):
        settings.MAX_UPLOAD_BYTES = 100
        response = upload(owner_client, campaign, "generic", b"date,kpi,value\n" + b"x" * 200)

        assert "too large" in response.content.decode()

    def test_a_shopify_import_of_another_file_names_the_missing_columns(
        self, owner_client, campaign
    ):
        location = uploaded(owner_client, campaign, "shopify", b"date,kpi,value\n2026-11-02,x,1\n")

        page = owner_client.get(location).content.decode()
        assert "This file cannot be imported" in page
        assert "“Discount Code”" in page

    def test_an_unknown_or_expired_token_asks_for_the_file_again(self, owner_client, campaign):
        response = owner_client.get(
            reverse("kpis:import_preview", args=[campaign.pk]), {"token": "nope"}, follow=True
        )

        assert response.redirect_chain == [(reverse("kpis:import", args=[campaign.pk]), 302)]
        assert "Upload it again" in response.content.decode()

    def test_a_new_upload_replaces_the_one_waiting(self, owner_client, campaign):
        first = uploaded(owner_client, campaign, "generic", b"date,kpi,value\n2026-11-02,x,1\n")
        uploaded(owner_client, campaign, "generic", b"date,kpi,value\n2026-11-02,x,1\n")

        confirm(owner_client, campaign, first, date="date", kpi="kpi", value="value")

        assert not Measurement.objects.exists()
        waiting = [key for key in owner_client.session.keys() if key.startswith("kpis-import-")]  # noqa: SIM118
        assert len(waiting) == 1

    def test_a_token_from_another_campaign_is_refused(self, owner_client, campaign):
        location = uploaded(owner_client, campaign, "generic", b"date,kpi,value\n2026-11-02,x,1\n")
        other = CampaignFactory(owner=campaign.owner)

        response = owner_client.get(
            reverse("kpis:import_preview", args=[other.pk]), {"token": token_of(location)}
        )

        assert response["Location"] == reverse("kpis:import", args=[other.pk])
        assert "Check the import" not in response.content.decode()


class TestRecognition:
    def test_a_file_left_without_a_kind_is_recognised_and_counted_by_its_records(
        self, owner_client, campaign
    ):
        location = uploaded(owner_client, campaign, "", sample("etsy_sold_orders.csv"))
        page = owner_client.get(location).content.decode()
        assert "Etsy sold orders" in page and "recognised from its columns" in page
        assert "before the campaign" in page

        confirm(owner_client, campaign, location)

        expected = exports.counted_revenue()
        stored = {
            code: (
                Redemption.objects.filter(partnership__promo_code=code).count(),
                sum(
                    Redemption.objects.filter(partnership__promo_code=code).values_list(
                        "revenue", flat=True
                    ),
                    Decimal(0),
                ),
            )
            for code in expected
        }
        assert stored == expected

    def test_a_file_nothing_recognises_asks_for_its_kind(self, owner_client, campaign):
        response = upload(owner_client, campaign, "", b"Colour,Size\nred,M\n")

        assert response.status_code == 200
        assert "We could not tell which kind of file this is" in response.content.decode()
