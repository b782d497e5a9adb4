from decimal import Decimal

import pytest

from influencers.metrics import (
    LOW_ENGAGEMENT_BELOW,
    Tier,
    engagement_rate,
    profile_engagement,
    profile_warnings,
    size_tier,
)
from influencers.models import Profile


def profile(**numbers):
    return Profile(**numbers)


class TestEngagementRate:
    def test_sums_interactions_over_audience_as_a_percentage(self):
        assert engagement_rate(likes=420, comments=30, shares=10, audience=12_000) == Decimal(
            "3.83"
        )

    def test_zero_followers_has_no_rate(self):
        assert engagement_rate(likes=10, comments=1, shares=0, audience=0) is None

    def test_unknown_audience_has_no_rate(self):
        assert engagement_rate(likes=10, comments=1, shares=0, audience=None) is None

    def test_no_interactions_known_has_no_rate_not_zero(self):
        assert engagement_rate(likes=None, comments=None, shares=None, audience=5_000) is None

    def test_missing_interaction_counts_count_as_zero(self):
        assert engagement_rate(likes=100, comments=None, shares=None, audience=1_000) == Decimal(
            "10.00"
        )

    def test_known_zero_interactions_is_a_real_zero(self):
        assert engagement_rate(likes=0, comments=0, shares=0, audience=1_000) == Decimal("0.00")

    def test_rounds_half_up_to_two_places(self):
        assert engagement_rate(likes=1, comments=0, shares=0, audience=800) == Decimal(
            "0.13"
        )  # 0.125


class TestProfileEngagement:
    def test_uses_reach_when_known_and_says_so(self):
        result = profile_engagement(profile(followers=10_000, avg_reach=2_000, avg_likes=200))
        assert result.rate == Decimal("10.00")
        assert result.basis == "reach"
        assert result.label == "by reach"

    def test_uses_followers_without_reach(self):
        result = profile_engagement(profile(followers=10_000, avg_likes=200))
        assert result.rate == Decimal("2.00")
        assert result.label == "by followers"

    def test_zero_reach_falls_back_to_followers(self):
        result = profile_engagement(profile(followers=10_000, avg_reach=0, avg_likes=200))
        assert result.basis == "followers"
        assert result.rate == Decimal("2.00")

    def test_nothing_known(self):
        assert profile_engagement(profile()).rate is None


class TestSizeTier:
    @pytest.mark.parametrize(
        ("followers", "tier"),
        [
            (0, Tier.NANO),
            (9_999, Tier.NANO),
            (10_000, Tier.MICRO),
            (99_999, Tier.MICRO),
            (100_000, Tier.MID),
            (499_999, Tier.MID),
            (500_000, Tier.MACRO),
            (12_000_000, Tier.MACRO),
        ],
    )
    def test_boundaries_belong_to_the_larger_tier(self, followers, tier):
        assert size_tier(followers) == tier

    def test_unknown_followers_have_no_tier(self):
        assert size_tier(None) is None


class TestWarnings:
    def test_healthy_micro_profile_has_none(self):
        assert profile_warnings(profile(followers=12_000, following=600, avg_likes=420)) == []

    def test_missing_numbers_give_no_warnings(self):
        assert profile_warnings(profile()) == []

    def test_under_a_thousand_followers(self):
        warnings = profile_warnings(profile(followers=999, avg_likes=100))
        assert len(warnings) == 1
        assert "Fewer than 1,000 followers" in warnings[0]

    def test_zero_followers_warns_about_size_only(self):
        warnings = profile_warnings(profile(followers=0, avg_likes=5))
        assert ["Fewer than 1,000" in w for w in warnings] == [True]

    def test_exactly_the_edges_of_the_sweet_spot_are_fine(self):
        assert profile_warnings(profile(followers=1_000, avg_likes=100)) == []
        assert profile_warnings(profile(followers=100_000, avg_likes=5_000)) == []

    def test_over_a_hundred_thousand_followers(self):
        warnings = profile_warnings(profile(followers=100_001, avg_likes=5_000))
        assert len(warnings) == 1
        assert "More than 100,000 followers" in warnings[0]

    def test_low_engagement_for_the_tier(self):
        # 1.4% by followers is under the 1.5% bar for micro accounts.
        warnings = profile_warnings(profile(followers=10_000, avg_likes=140))
        assert len(warnings) == 1
        assert "Low engagement" in warnings[0] and "1.40%" in warnings[0]
        assert str(LOW_ENGAGEMENT_BELOW[Tier.MICRO]) in warnings[0]

    def test_engagement_exactly_at_the_bar_is_not_low(self):
        assert profile_warnings(profile(followers=10_000, avg_likes=150)) == []

    def test_low_engagement_is_judged_by_followers_even_when_reach_is_known(self):
        # By reach this is 14%, but only 1.4% of followers react.
        warnings = profile_warnings(profile(followers=10_000, avg_reach=1_000, avg_likes=140))
        assert any("Low engagement" in w for w in warnings)

    def test_following_far_more_than_followers(self):
        warnings = profile_warnings(profile(followers=2_000, following=4_001, avg_likes=200))
        assert len(warnings) == 1
        assert "4,001" in warnings[0] and "2,000" in warnings[0]

    def test_following_twice_followers_is_still_fine(self):
        assert profile_warnings(profile(followers=2_000, following=4_000, avg_likes=200)) == []
