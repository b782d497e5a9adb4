"""Plain-English meanings of the few marketing words the pages use, one sentence each.

Shown where a word appears through ``{% explain "term" %}`` (reports/templatetags/glossary.py):
a disclosure the keyboard reaches, so no one has to know the jargon beforehand. A meaning
that speaks of money says ``{one}`` and ``{three}``: 1 and 3 in the business's currency."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from influencers.metrics import Tier

TERMS = {
    "kpi": (
        _("KPI"),
        _(
            "A KPI (key performance indicator) is one number you watch to see if the campaign "
            "is working, such as new customers or sales."
        ),
    ),
    "engagement_rate": (
        _("Engagement rate"),
        _(
            "The engagement rate is the share of the people who see a typical post who like, "
            "comment on or share it (of the followers, when the influencer did not tell you "
            "how many see their posts): it shows whether an audience really listens."
        ),
    ),
    "tiers": (
        _("Size"),
        format_lazy(
            _("Size (the tier) groups accounts by followers: {nano}, {micro}, {mid} and {macro}."),
            nano=Tier.NANO.label,
            micro=Tier.MICRO.label,
            mid=Tier.MID.label,
            macro=Tier.MACRO.label,
        ),
    ),
    "roas": (
        _("ROAS"),
        _(
            "ROAS (return on ad spend) is the revenue each {one} spent brought in: 3 means "
            "every {one} spent brought back {three} in sales."
        ),
    ),
    "profit_roi": (
        _("Profit ROI"),
        _(
            "Profit ROI is what you kept from the sales (after the cost of the goods) minus "
            "what the campaign cost, as a share of that cost: above 0% means it paid for itself."
        ),
    ),
    "utm_source": (
        _("utm_source"),
        _(
            "utm_source is a tag added to a tracked link's web address that tells Google "
            "Analytics which influencer sent the visitor."
        ),
    ),
}
