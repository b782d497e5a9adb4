"""The goal sentence: composed by a plain function, previewed live, saved by the server."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.formatting import format_count
from campaigns.services import compose_goal_sentence
from tests.factories.campaigns import CampaignFactory


def test_a_complete_goal_reads_as_one_plain_sentence():
    assert (
        compose_goal_sentence(
            goal_type="customers",
            number=Decimal("50.00"),
            unit="new customers",
            deadline=date(2027, 3, 31),
        )
        == "Gain 50 new customers by 31 March 2027 through a micro-influencer campaign."
    )


def test_each_goal_type_has_its_own_verb():
    verbs = {
        kind: compose_goal_sentence(
            goal_type=kind, number=10, unit="x", deadline=date(2027, 1, 5)
        ).split()[0]
        for kind in ("customers", "awareness", "sales", "engagement")
    }
    assert verbs == {
        "customers": "Gain",
        "awareness": "Reach",
        "sales": "Make",
        "engagement": "Get",
    }


def test_missing_parts_show_as_gaps_while_typing():
    assert compose_goal_sentence(goal_type="", number=None, unit=" ", deadline=None) == (
        "Gain … … by … through a micro-influencer campaign."
    )


@pytest.mark.parametrize(
    ("number", "shown"), [(Decimal("1500"), "1,500"), (Decimal("12.50"), "12.50"), (7, "7")]
)
def test_numbers_are_written_plainly(number, shown):
    assert format_count(number) == shown


@pytest.mark.django_db
def test_live_preview_uses_the_same_function(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    response = owner_client.get(
        reverse("campaigns:goal_sentence", kwargs={"pk": campaign.pk}),
        {
            "2-goal_type": "awareness",
            "2-goal_number": "300",
            "2-goal_unit": "new followers",
            "2-end_date": "2027-06-30",
        },
    )
    assert response.content.decode() == (
        "Reach 300 new followers by 30 June 2027 through a micro-influencer campaign."
    )


@pytest.mark.django_db
def test_live_preview_copes_with_half_typed_values(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    response = owner_client.get(
        reverse("campaigns:goal_sentence", kwargs={"pk": campaign.pk}),
        {"2-goal_number": "abc", "2-end_date": "2027-02-3x", "2-goal_unit": "regulars"},
    )
    assert response.content.decode() == "Gain … regulars by … through a micro-influencer campaign."
