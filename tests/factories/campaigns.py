import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from campaigns.models import Campaign, ChecklistTick, Partnership

from .accounts import UserFactory
from .influencers import InfluencerFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Spring launch {n}")
    goal_type = "customers"
    goal_number = Decimal("50")
    goal_unit = "new customers"
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.LazyAttribute(lambda c: c.start_date + datetime.timedelta(days=30))
    goal_sentence = "Gain 50 new customers through a micro-influencer campaign."
    cash_budget = Decimal("500.00")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    campaign = factory.SubFactory(CampaignFactory)
    owner = factory.SelfAttribute("campaign.owner")
    influencer = factory.SubFactory(
        InfluencerFactory, owner=factory.SelfAttribute("..campaign.owner")
    )
    deal_type = "fee"
    fee = Decimal("100.00")
    product_value = Decimal("20.00")
    shipping = Decimal("5.00")
    promo_code = factory.Sequence(lambda n: f"CODE{n}")


class ChecklistTickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTick

    campaign = factory.SubFactory(CampaignFactory)
    owner = factory.SelfAttribute("campaign.owner")
    ticked_by = factory.SelfAttribute("campaign.owner")
    item_key = "s1-reach-out"
