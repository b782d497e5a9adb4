import factory

from influencers.models import Influencer, Profile

from .accounts import UserFactory


class InfluencerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Influencer

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Local Foodie {n}")
    niche = "food"
    location = "Bristol"
    email = factory.Sequence(lambda n: f"creator{n}@example.com")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    influencer = factory.SubFactory(InfluencerFactory)
    owner = factory.SelfAttribute("influencer.owner")
    platform = "instagram"
    handle = factory.Sequence(lambda n: f"foodie{n}")
    followers = 12_000
    following = 600
    avg_likes = 420
    avg_comments = 30
    avg_shares = 10
