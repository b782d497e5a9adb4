"""Steps 4 and 6 speak the business's own currency: the example amount and every money label."""

from decimal import Decimal

import pytest

from tests.factories.campaigns import CampaignFactory, PartnershipFactory

from .plan_helpers import step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def dollar_campaign(owner):
    owner.business.currency = "USD"
    owner.business.save()
    campaign = CampaignFactory(owner=owner, plan_step=7, cash_budget=Decimal("300"))
    PartnershipFactory(campaign=campaign)
    return campaign


def test_the_step_4_example_is_in_dollars_for_a_dollar_business(owner_client, dollar_campaign):
    html = owner_client.get(step_url(dollar_campaign, 4)).content.decode()

    assert "e.g. two hours a week and $300" in html
    assert "£" not in html


def test_step_6_labels_every_amount_with_the_currency(owner_client, dollar_campaign):
    html = owner_client.get(step_url(dollar_campaign, 6)).content.decode()

    for label in ("Cash budget ($)", "Other costs ($)", "Fee ($)", "(at cost) ($)"):
        assert label in html, label
    assert "£" not in html


def test_a_pound_business_sees_pounds(owner_client, owner):
    campaign = CampaignFactory(owner=owner, plan_step=7)

    assert "two hours a week and £300" in owner_client.get(step_url(campaign, 4)).content.decode()
