from decimal import Decimal

import factory
from django.utils import timezone

from kpis.models import (
    CampaignKPI,
    Click,
    Feedback,
    Measurement,
    Post,
    Redemption,
    Survey,
    SurveyAnswer,
    TillTap,
    TrackedLink,
)

from .campaigns import CampaignFactory, PartnershipFactory


class CampaignKPIFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignKPI

    campaign = factory.SubFactory(CampaignFactory)
    owner = factory.SelfAttribute("campaign.owner")
    kind = "customers"
    baseline = Decimal("0")
    target = Decimal("50")
    source = "manual"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    kpi = factory.SubFactory(CampaignKPIFactory)
    owner = factory.SelfAttribute("kpi.owner")
    date = factory.LazyFunction(timezone.localdate)
    value = Decimal("5")


class TrackedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrackedLink

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SelfAttribute("partnership.owner")
    slug = factory.Sequence(lambda n: f"link-{n}")
    destination = "https://shop.example/spring?ref=ig"


class ClickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Click

    link = factory.SubFactory(TrackedLinkFactory)


class RedemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redemption

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SelfAttribute("partnership.owner")
    date = factory.LazyFunction(timezone.localdate)
    revenue = Decimal("24.50")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SelfAttribute("partnership.owner")
    platform = "instagram"
    kind = "video"
    url = factory.Sequence(lambda n: f"https://instagram.com/reel/C{n:09d}")
    posted_on = factory.LazyFunction(timezone.localdate)
    views = 1200
    likes = 85
    comments = 9
    shares = 4
    saves = 12


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    campaign = factory.SubFactory(CampaignFactory, status="active")
    owner = factory.SelfAttribute("campaign.owner")
    slug = factory.Sequence(lambda n: f"survey{n:08d}")


class SurveyAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyAnswer

    survey = factory.SubFactory(SurveyFactory)
    owner = factory.SelfAttribute("survey.owner")
    heard_from = "influencer"
    day = factory.LazyFunction(timezone.localdate)
    visitor_hash = factory.Sequence(lambda n: f"{n:064x}")


class TillTapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TillTap

    campaign = factory.SubFactory(CampaignFactory, status="active")
    owner = factory.SelfAttribute("campaign.owner")
    tap_ref = factory.Sequence(lambda n: f"tap-{n}")
    day = factory.LazyFunction(timezone.localdate)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    campaign = factory.SubFactory(CampaignFactory, status="active")
    owner = factory.SelfAttribute("campaign.owner")
    tone = "positive"
    text = "Lovely bread, came because of the reel."
