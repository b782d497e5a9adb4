"""An order number typed twice for one code: a plain message beside the field, one row."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.models import Redemption
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import RedemptionFactory

pytestmark = pytest.mark.django_db


def test_a_duplicate_order_number_is_refused_in_plain_words(owner_client, owner):
    partnership = PartnershipFactory(campaign=CampaignFactory(owner=owner), promo_code="ROSIE10")
    RedemptionFactory(partnership=partnership, order_ref="1001")
    response = owner_client.post(
        reverse("kpis:redemption_add", args=[partnership.campaign_id]),
        {
            "promo-partnership": partnership.pk,
            "promo-date": timezone.localdate().isoformat(),
            "promo-order_ref": " 1001 ",
            "promo-revenue": "12.50",
        },
    )
    assert response.status_code == 200
    errors = response.context["redemption_form"].errors
    assert list(errors) == ["order_ref"]
    assert "Order 1001 with code ROSIE10 is already recorded" in errors["order_ref"][0]
    assert "constraint" not in response.content.decode().lower()
    assert Redemption.objects.filter(order_ref="1001").count() == 1
