"""A deal's cash is its fee plus shipping: the launch check, the checklist and the budget
step count it the same way, and products given are not cash."""

from decimal import Decimal

import pytest

from campaigns.models import deal_cash
from campaigns.plan.facts import plan_facts
from campaigns.plan.review import missing_for_launch
from tests.factories.campaigns import CampaignFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

BUDGET_SHORT = "The cash budget does not cover the fees and costs."


def test_a_deal_takes_its_fee_and_shipping_out_of_the_bank_not_its_products():
    partnership = PartnershipFactory(
        fee=Decimal("100.00"), product_value=Decimal("20.00"), shipping=Decimal("5.50")
    )
    assert partnership.cash_cost == Decimal("105.50")
    assert deal_cash(None, Decimal("5")) == Decimal("5")  # a fee not typed yet is nothing
    assert deal_cash(Decimal("40"), "") == Decimal("40")


@pytest.mark.parametrize(
    ("budget", "short"), [(Decimal("115.49"), True), (Decimal("115.50"), False)]
)
def test_the_launch_check_and_the_checklist_count_the_same_cash(budget, short):
    campaign = CampaignFactory(cash_budget=budget, other_costs=Decimal("10.00"))
    PartnershipFactory(
        campaign=campaign,
        fee=Decimal("100.00"),
        product_value=Decimal("20.00"),
        shipping=Decimal("5.50"),
    )

    facts = plan_facts(campaigns=[campaign])[campaign.pk]

    assert facts.cash_costs == Decimal("115.50")
    assert (BUDGET_SHORT in [m.message for m in missing_for_launch(plan=campaign)]) is short
