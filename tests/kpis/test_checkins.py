"""The check-in page: one form for every KPI typed in by hand, a log, edits and deletes."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.models import CheckIn, Measurement, Redemption
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    MeasurementFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    today = timezone.localdate()
    return CampaignFactory(
        owner=owner,
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )


@pytest.fixture
def kpis(campaign):
    return {
        "customers": CampaignKPIFactory(campaign=campaign, kind="customers", position=0),
        "followers": CampaignKPIFactory(
            campaign=campaign,
            kind="followers",
            baseline=Decimal(800),
            target=Decimal(1000),
            position=1,
        ),
        "clicks": CampaignKPIFactory(campaign=campaign, kind="clicks", source="links", position=2),
    }


def url(campaign):
    return reverse("kpis:measurements", args=[campaign.pk])


def test_the_form_asks_each_kind_of_kpi_its_own_question(owner_client, campaign, kpis):
    response = owner_client.get(url(campaign))

    assert response.status_code == 200
    page = response.content.decode()
    assert "New customers: how many since the last check-in?" in page
    assert "Followers: what is the number today?" in page
    assert "What did we change, and why?" in page
    # Link clicks are counted by the app: shown, but not typed in.
    assert f'name="value_{kpis["clicks"].pk}"' not in page
    assert "Counted for you" in page


def test_automatic_kpis_show_their_current_value(owner_client, campaign, kpis):
    link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))
    ClickFactory.create_batch(3, link=link)
    ClickFactory(link=link, is_bot=True)

    response = owner_client.get(url(campaign))

    assert [s.current for s in response.context["automatic_statuses"]] == [Decimal(3)]


def test_a_check_in_saves_its_note_and_every_number(owner_client, campaign, kpis):
    partnership = PartnershipFactory(campaign=campaign)
    today = timezone.localdate()

    response = owner_client.post(
        url(campaign),
        {
            "date": today.isoformat(),
            "note": "Asked for a second story: clicks were low.",
            f"value_{kpis['customers'].pk}": "4",
            f"influencer_{kpis['customers'].pk}": str(partnership.influencer_id),
            f"value_{kpis['followers'].pk}": "1,020".replace(",", ""),
        },
    )

    assert response.status_code == 302
    checkin = CheckIn.objects.get()
    assert (checkin.owner, checkin.date, checkin.note) == (
        campaign.owner,
        today,
        "Asked for a second story: clicks were low.",
    )
    readings = {m.kpi.kind: m for m in checkin.measurements.all()}
    assert readings["customers"].value == Decimal(4)
    assert readings["customers"].influencer == partnership.influencer
    assert readings["followers"].value == Decimal(1020)
    assert readings["followers"].influencer is None
    log = owner_client.get(url(campaign)).content.decode()
    assert "Asked for a second story: clicks were low." in log


def test_empty_values_are_skipped(owner_client, campaign, kpis):
    owner_client.post(
        url(campaign),
        {"date": timezone.localdate().isoformat(), f"value_{kpis['customers'].pk}": "2"},
    )

    assert [m.kpi.kind for m in Measurement.objects.all()] == ["customers"]


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "in the future"), (-18, "a starting reading may be up to a week early")],
)
def test_dates_outside_the_rule_are_refused_and_input_kept(
    owner_client, campaign, kpis, days, message
):
    day = timezone.localdate() + datetime.timedelta(days=days)
    response = owner_client.post(
        url(campaign),
        {"date": day.isoformat(), f"value_{kpis['customers'].pk}": "7", "note": "kept"},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="7"' in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_week_before_the_start_is_fine(owner_client, campaign, kpis):
    day = campaign.start_date - datetime.timedelta(days=7)
    owner_client.post(
        url(campaign), {"date": day.isoformat(), f"value_{kpis['followers'].pk}": "800"}
    )

    assert Measurement.objects.get().date == day


def test_a_check_in_with_nothing_in_it_is_refused(owner_client, campaign, kpis):
    response = owner_client.post(url(campaign), {"date": timezone.localdate().isoformat()})

    assert "Type at least one number, or a note." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_negative_and_non_numbers_are_refused(owner_client, campaign, kpis):
    response = owner_client.post(
        url(campaign),
        {
            "date": timezone.localdate().isoformat(),
            f"value_{kpis['customers'].pk}": "-3",
            f"value_{kpis['followers'].pk}": "lots",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {
        f"value_{kpis['customers'].pk}",
        f"value_{kpis['followers'].pk}",
    }
    assert not Measurement.objects.exists()


def test_a_note_alone_is_a_check_in(owner_client, campaign, kpis):
    owner_client.post(
        url(campaign), {"date": timezone.localdate().isoformat(), "note": "Paused ads."}
    )

    assert CheckIn.objects.get().note == "Paused ads."


def test_edit_a_reading(owner_client, campaign, kpis):
    reading = MeasurementFactory(kpi=kpis["customers"], value=Decimal(3))
    edit = reverse("kpis:measurement_edit", args=[campaign.pk, reading.pk])

    assert owner_client.get(edit).status_code == 200
    response = owner_client.post(
        edit, {"date": reading.date.isoformat(), "value": "5", "influencer": "", "note": "recount"}
    )

    assert response.status_code == 302
    reading.refresh_from_db()
    assert (reading.value, reading.note) == (Decimal(5), "recount")


def test_delete_a_reading_asks_first(owner_client, campaign, kpis):
    reading = MeasurementFactory(kpi=kpis["customers"])
    delete = reverse("kpis:measurement_delete", args=[campaign.pk, reading.pk])

    confirm = owner_client.get(delete)
    assert confirm.status_code == 200
    assert "Yes, delete it" in confirm.content.decode()
    assert Measurement.objects.exists()

    assert owner_client.post(delete).status_code == 302
    assert not Measurement.objects.exists()


def test_edit_a_check_in_moves_its_readings_to_the_new_date(owner_client, campaign, kpis):
    owner_client.post(
        url(campaign),
        {
            "date": timezone.localdate().isoformat(),
            f"value_{kpis['customers'].pk}": "2",
            "note": "x",
        },
    )
    checkin = CheckIn.objects.get()
    new_day = timezone.localdate() - datetime.timedelta(days=1)

    owner_client.post(
        reverse("kpis:checkin_edit", args=[campaign.pk, checkin.pk]),
        {"date": new_day.isoformat(), "note": "Changed the offer"},
    )

    assert Measurement.objects.get().date == new_day
    assert CheckIn.objects.get().note == "Changed the offer"


class TestPromoCodes:
    def test_a_use_typed_in_by_hand(self, owner_client, campaign):
        partnership = PartnershipFactory(campaign=campaign, promo_code="MAYA10")

        response = owner_client.post(
            reverse("kpis:redemption_add", args=[campaign.pk]),
            {
                "promo-partnership": partnership.pk,
                "promo-date": timezone.localdate().isoformat(),
                "promo-order_ref": " 1042 ",
                "promo-revenue": "18.50",
                "promo-new_customer": "on",
            },
        )

        assert response.status_code == 302
        use = Redemption.objects.get()
        assert (use.owner, use.order_ref, use.revenue, use.new_customer, use.source) == (
            campaign.owner,
            "1042",
            Decimal("18.50"),
            True,
            "manual",
        )

    def test_a_use_from_before_the_start_is_refused_as_not_a_result(self, owner_client, campaign):
        """A reading may be dated up to a week early (a baseline); a code use may not."""
        PartnershipFactory(campaign=campaign, promo_code="MAYA10")
        page = owner_client.get(url(campaign))
        form = next(f for f in page_forms(page) if "promo-date" in f["fields"])
        early = campaign.start_date - datetime.timedelta(days=2)
        fields = {**form["fields"], "promo-date": early.isoformat(), "promo-revenue": "18.50"}
        fields["promo-partnership"] = form["choices"]["promo-partnership"][-1]

        response = owner_client.post(form["action"], fields)

        assert response.status_code == 200
        assert not Redemption.objects.exists()
        assert "a code used before then is not part of its results" in response.content.decode()

    def test_the_same_order_twice_is_refused(self, owner_client, campaign):
        partnership = PartnershipFactory(campaign=campaign)
        RedemptionFactory(partnership=partnership, order_ref="1042")

        response = owner_client.post(
            reverse("kpis:redemption_add", args=[campaign.pk]),
            {
                "promo-partnership": partnership.pk,
                "promo-date": timezone.localdate().isoformat(),
                "promo-order_ref": "1042",
                "promo-revenue": "5",
            },
        )

        assert response.status_code == 200
        assert Redemption.objects.count() == 1
        assert response.context["redemption_form"].errors

    def test_another_campaign_s_partnership_cannot_be_chosen(self, owner_client, campaign):
        other = PartnershipFactory(campaign=CampaignFactory(owner=campaign.owner))

        response = owner_client.post(
            reverse("kpis:redemption_add", args=[campaign.pk]),
            {
                "promo-partnership": other.pk,
                "promo-date": timezone.localdate().isoformat(),
                "promo-revenue": "5",
            },
        )

        assert response.status_code == 200
        assert "partnership" in response.context["redemption_form"].errors
        assert not Redemption.objects.exists()

    def test_negative_order_value_is_refused(self, owner_client, campaign):
        partnership = PartnershipFactory(campaign=campaign)

        response = owner_client.post(
            reverse("kpis:redemption_add", args=[campaign.pk]),
            {
                "promo-partnership": partnership.pk,
                "promo-date": timezone.localdate().isoformat(),
                "promo-revenue": "-5",
            },
        )

        assert "revenue" in response.context["redemption_form"].errors

    def test_delete_a_use(self, owner_client, campaign):
        use = RedemptionFactory(partnership=PartnershipFactory(campaign=campaign))

        owner_client.post(reverse("kpis:redemption_delete", args=[campaign.pk, use.pk]))

        assert not Redemption.objects.exists()


def test_the_page_needs_a_login(client, campaign):
    response = client.get(url(campaign))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_log_costs_the_same_queries_however_long(
    owner_client, campaign, kpis, django_assert_max_num_queries
):
    partnership = PartnershipFactory(campaign=campaign)
    for number in range(12):
        owner_client.post(
            url(campaign),
            {
                "date": timezone.localdate().isoformat(),
                "note": f"week {number}",
                f"value_{kpis['customers'].pk}": "1",
                f"value_{kpis['followers'].pk}": "900",
                f"influencer_{kpis['customers'].pk}": str(partnership.influencer_id),
            },
        )
        RedemptionFactory(partnership=partnership)

    with django_assert_max_num_queries(20):
        response = owner_client.get(url(campaign))
    assert len(response.context["checkins"]) == 12


def test_a_kpi_below_the_owner_s_rule_brings_up_their_own_plan(owner_client, campaign, kpis):
    campaign.adjustment_threshold = 60
    campaign.adjustment_action = "Ask for a story with the code."
    campaign.save()
    # Day 11 of 31: 35.48% of the way expected; 2 of 50 customers is 4% of the way,
    # 11% of pace.
    MeasurementFactory(kpi=kpis["customers"], value=Decimal(2))

    page = owner_client.get(url(campaign)).content.decode()

    assert "Time to use your adjustment rule" in page
    assert "New customers: at 11% of where it should be by now, below your 60% rule." in page
    assert "Ask for a story with the code." in page


def test_no_rule_reminder_when_on_pace(owner_client, campaign, kpis):
    MeasurementFactory(kpi=kpis["customers"], value=Decimal(20))

    assert "adjustment rule" not in owner_client.get(url(campaign)).content.decode()
