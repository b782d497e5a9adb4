"""Vetting numbers for an influencer profile, as plain functions."""

from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


def engagement_rate(likes, comments, shares, audience):
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
