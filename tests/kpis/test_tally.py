"""The till tally without JavaScript (plain forms, as the page renders them) and as its
script sends taps (JSON, with the tap's own reference)."""

import pytest
from django.urls import reverse

from kpis.models import TillTap
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(owner):
    campaign = CampaignFactory(owner=owner, status="active")
    PartnershipFactory(campaign=campaign, influencer__name="Maya Cooks")
    return campaign


def tally_forms(client, campaign):
    page = client.get(reverse("kpis:tally", args=[campaign.pk]))
    assert page.status_code == 200
    return page, page_forms(page)


def test_each_button_counts_one_customer_and_undo_takes_the_last_back(owner_client, campaign):
    page, forms = tally_forms(owner_client, campaign)
    taps = [form for form in forms if form["action"].endswith("/till/tap/")]
    (undo,) = [form for form in forms if form["action"].endswith("/till/undo/")]
    assert "Maya Cooks" in page.content.decode()
    assert [form["fields"]["who"] for form in taps] == [
        str(campaign.partnerships.get().pk),
        "other",
    ]

    response = owner_client.post(taps[0]["action"], taps[0]["fields"])
    owner_client.post(taps[1]["action"], taps[1]["fields"])

    assert response.status_code == 302
    assert TillTap.objects.filter(partnership__isnull=False).count() == 1
    assert TillTap.objects.filter(partnership__isnull=True).count() == 1
    page, _forms = tally_forms(owner_client, campaign)
    assert "2 customers counted at the till" in page.content.decode()

    owner_client.post(undo["action"], undo["fields"])

    assert list(TillTap.objects.values_list("partnership", flat=True)) == [
        campaign.partnerships.get().pk
    ]


def test_a_tap_sent_twice_is_counted_once(owner_client, campaign):
    url = reverse("kpis:tally_tap", args=[campaign.pk])
    data = {"who": "other", "ref": "device-ref-1"}

    first = owner_client.post(url, data, HTTP_ACCEPT="application/json")
    again = owner_client.post(url, data, HTTP_ACCEPT="application/json")

    assert first.json() == again.json() == {"ok": True, "ref": "device-ref-1"}
    assert TillTap.objects.count() == 1


def test_undo_by_reference_takes_back_that_tap(owner_client, campaign):
    url = reverse("kpis:tally_tap", args=[campaign.pk])
    for ref in ("a", "b"):
        owner_client.post(url, {"who": "other", "ref": ref}, HTTP_ACCEPT="application/json")

    response = owner_client.post(
        reverse("kpis:tally_undo", args=[campaign.pk]), {"ref": "a"}, HTTP_ACCEPT="application/json"
    )

    assert response.json() == {"ok": True, "undone": True}
    assert list(TillTap.objects.values_list("tap_ref", flat=True)) == ["b"]


def test_another_campaigns_influencer_cannot_be_tapped(owner_client, campaign, owner):
    elsewhere = PartnershipFactory(campaign=CampaignFactory(owner=owner))
    url = reverse("kpis:tally_tap", args=[campaign.pk])

    response = owner_client.post(url, {"who": str(elsewhere.pk)}, HTTP_ACCEPT="application/json")
    plain = owner_client.post(url, {"who": "nonsense"}, follow=True)

    assert response.status_code == 400
    assert "no longer on the tally" in plain.content.decode()
    assert not TillTap.objects.exists()


def test_undo_with_nothing_to_undo_says_so(owner_client, campaign):
    response = owner_client.post(reverse("kpis:tally_undo", args=[campaign.pk]), follow=True)

    assert "Nothing to undo" in response.content.decode()


@pytest.mark.parametrize("who", ["²", "1\x00", "9" * 40])
def test_a_button_no_page_draws_is_refused_plainly(owner_client, campaign, who):
    response = owner_client.post(
        reverse("kpis:tally_tap", args=[campaign.pk]),
        {"who": who, "ref": "device-ref-1"},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 400
    assert "no longer on the tally" in response.json()["error"]
    assert not TillTap.objects.exists()


def test_a_reference_no_device_makes_is_replaced_and_undoes_nothing(owner_client, campaign):
    tap = owner_client.post(
        reverse("kpis:tally_tap", args=[campaign.pk]),
        {"who": "other", "ref": "bad\x00ref"},
        HTTP_ACCEPT="application/json",
    )
    undo = owner_client.post(
        reverse("kpis:tally_undo", args=[campaign.pk]),
        {"ref": "bad\x00ref"},
        HTTP_ACCEPT="application/json",
    )

    assert tap.json()["ref"] != "bad\x00ref"
    assert TillTap.objects.get().tap_ref == tap.json()["ref"]
    assert undo.json() == {"ok": True, "undone": False}
