from influencers import demo
from influencers.models import Influencer, Profile


def snapshot(owner):
    return (
        sorted(Influencer.objects.filter(owner=owner).values_list("name", "status", "niche")),
        sorted(Profile.objects.filter(owner=owner).values_list("platform", "handle", "followers")),
    )


def test_demo_roster_loads_once_and_again_changes_nothing(owner):
    demo.load(owner)
    first = snapshot(owner)
    demo.load(owner)
    assert snapshot(owner) == first
    assert len(first[0]) == len(demo.DEMO_ROSTER)
    assert len(first[1]) > len(first[0])  # someone posts on two platforms


def test_demo_profiles_show_rates_and_some_warnings(owner):
    demo.load(owner)
    profiles = list(Profile.objects.filter(owner=owner))
    assert all(profile.engagement.rate is not None for profile in profiles)
    assert any(profile.warnings for profile in profiles)
    assert any(not profile.warnings for profile in profiles)
