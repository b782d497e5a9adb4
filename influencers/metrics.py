"""Vetting numbers for an influencer profile, as plain functions."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.formatting import format_whole

if TYPE_CHECKING:  # the models import these formulas, so only for the annotations
    from .models import Profile

TWO_PLACES = Decimal("0.01")


def engagement_rate(
    *, likes: int | None, comments: int | None, shares: int | None, audience: int | None
) -> Decimal | None:
    """(likes + comments + shares) per post / audience x 100, as a percentage.

    ``audience`` is followers, or average reach when the influencer shares it. Missing
    interaction counts count as zero, but with no interactions known at all, or no audience,
    there is no rate (None) rather than a misleading 0%.
    """
    interactions = [value for value in (likes, comments, shares) if value is not None]
    if not interactions or not audience:
        return None
    rate = Decimal(sum(interactions)) / Decimal(audience) * 100
    return rate.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


class Tier(models.TextChoices):
    """Account size by followers. Lower bounds are inclusive: 10,000 followers is micro."""

    NANO = "nano", gettext_lazy("Nano (under 10,000 followers)")
    MICRO = "micro", gettext_lazy("Micro (10,000 to 99,999)")
    MID = "mid", gettext_lazy("Mid-size (100,000 to 499,999)")
    MACRO = "macro", gettext_lazy("Macro (500,000 or more)")


TIER_SHORT_NAMES: dict[str, str | Promise] = {
    Tier.NANO: gettext_lazy("nano"),
    Tier.MICRO: gettext_lazy("micro"),
    Tier.MID: gettext_lazy("mid-size"),
    Tier.MACRO: gettext_lazy("macro"),
}

# Lower bound (inclusive) of each tier above nano. The guide calls "a few thousand to about
# 100,000" micro; we start micro at 10,000 so that the smallest local accounts, which behave
# differently (very high engagement, tiny reach), are told apart as nano.
TIER_LOWER_BOUNDS: list[tuple[str, int]] = [
    (Tier.MACRO, 500_000),
    (Tier.MID, 100_000),
    (Tier.MICRO, 10_000),
]

# Followers outside this range get a plain warning: roughly the micro-influencer sweet spot.
SWEET_SPOT_MIN_FOLLOWERS = 1_000
SWEET_SPOT_MAX_FOLLOWERS = 100_000

# "Low for the tier": a follower-based engagement rate below these percentages. Smaller
# accounts normally get more reactions per follower, so the bar falls as accounts grow. These
# are rough rules of thumb from public industry benchmarks, deliberately on the cautious side.
LOW_ENGAGEMENT_BELOW: dict[str, Decimal] = {
    Tier.NANO: Decimal("2.0"),
    Tier.MICRO: Decimal("1.5"),
    Tier.MID: Decimal("1.0"),
    Tier.MACRO: Decimal("0.8"),
}

# Following more than twice as many accounts as follow them back hints at follow-for-follow
# growth, where followers are not a real, interested audience.
FOLLOWING_RATIO_WARNING = 2


def size_tier(followers: int | None) -> str | None:
    """The Tier for a follower count, or None when followers are unknown."""
    if followers is None:
        return None
    for tier, lower_bound in TIER_LOWER_BOUNDS:
        if followers >= lower_bound:
            return tier
    return Tier.NANO


@dataclass(frozen=True)
class Engagement:
    """A profile's engagement rate and what it was divided by ("reach" or "followers"), and
    the rate by followers too (the benchmarks are per follower)."""

    rate: Decimal | None
    basis: str
    by_followers: Decimal | None = None

    @property
    def label(self) -> str:
        return _("by reach") if self.basis == "reach" else _("by followers")


def profile_engagement(profile: "Profile") -> Engagement:
    """Rate by average reach when the influencer told us their reach, else by followers."""
    audience: int | None
    if profile.avg_reach:
        audience, basis = profile.avg_reach, "reach"
    else:
        audience, basis = profile.followers, "followers"
    likes, comments, shares = profile.avg_likes, profile.avg_comments, profile.avg_shares
    return Engagement(
        engagement_rate(likes=likes, comments=comments, shares=shares, audience=audience),
        basis,
        engagement_rate(likes=likes, comments=comments, shares=shares, audience=profile.followers),
    )


def profile_warnings(profile: "Profile") -> list[str]:
    """Plain-English cautions about a profile's numbers; an empty list when all looks fine."""
    warnings = []
    followers = profile.followers
    if followers is not None and followers < SWEET_SPOT_MIN_FOLLOWERS:
        warnings.append(
            _(
                "Fewer than 1,000 followers: few people will see a post. Fine for a very "
                "local business, but expect small numbers."
            )
        )
    if followers is not None and followers > SWEET_SPOT_MAX_FOLLOWERS:
        warnings.append(
            _(
                "More than 100,000 followers: bigger than a micro-influencer. Expect higher "
                "fees and a less personal connection with their audience."
            )
        )
    tier = size_tier(followers)
    # Compared by followers even when reach is known: the benchmarks are per follower.
    by_followers = engagement_rate(
        likes=profile.avg_likes,
        comments=profile.avg_comments,
        shares=profile.avg_shares,
        audience=followers,
    )
    if tier and by_followers is not None and by_followers < LOW_ENGAGEMENT_BELOW[tier]:
        warnings.append(
            _(
                "Low engagement for an account this size: %(rate)s%% of followers react to a "
                "typical post, where %(tier)s accounts usually get at least %(bar)s%%."
            )
            % {
                "rate": by_followers,
                "tier": TIER_SHORT_NAMES[tier],
                "bar": LOW_ENGAGEMENT_BELOW[tier],
            }
        )
    following = profile.following
    if followers is not None and following and following > FOLLOWING_RATIO_WARNING * followers:
        warnings.append(
            _(
                "Follows far more accounts (%(following)s) than follow them (%(followers)s): "
                "their followers may come from follow-back swaps rather than real interest."
            )
            % {"following": format_whole(following), "followers": format_whole(followers)}
        )
    return warnings
