"""The KPIs a small business can track, in plain words.

``cumulative`` kinds add up (each measurement is what happened since the last one: clicks,
sales); snapshot kinds are a level read off a screen (followers today), so the latest one wins.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from campaigns.models import GoalType


class KPIKind(models.TextChoices):
    NEW_FOLLOWERS = "followers", _("Followers")
    WEBSITE_VISITS = "visits", _("Website visits")
    LINK_CLICKS = "clicks", _("Link clicks")
    NEW_CUSTOMERS = "customers", _("New customers")
    ORDERS = "orders", _("Sales (orders)")
    REVENUE = "revenue", _("Revenue")
    ENQUIRIES = "enquiries", _("Enquiries")
    ENGAGEMENT = "engagement", _("Engagement (likes, comments, shares)")
    REDEMPTIONS = "redemptions", _("Promo code uses")
    REACH = "reach", _("Views and reach")


class Source(models.TextChoices):
    MANUAL = "manual", _("Typed in at check-ins")
    LINKS = "links", _("Microreach tracked links (automatic)")
    PROMO_CODES = "codes", _("Promo codes (typed in or imported)")
    ANALYTICS = "analytics", _("Google Analytics export")
    SHOP = "shop", _("Shop orders export (e.g. Shopify)")
    SOCIAL = "social", _("Social media insights export")


@dataclass(frozen=True)
class KPIDefinition:
    kind: str
    unit: str | Promise
    cumulative: bool
    money: bool
    best_source: str
    sources: tuple[str, ...]
    explanation: str | Promise


CATALOGUE = {
    KPIKind.NEW_FOLLOWERS: KPIDefinition(
        KPIKind.NEW_FOLLOWERS,
        _("followers"),
        cumulative=False,
        money=False,
        best_source=Source.MANUAL,
        sources=(Source.MANUAL, Source.SOCIAL),
        explanation=_("How many people follow your business account. Read it off your profile."),
    ),
    KPIKind.WEBSITE_VISITS: KPIDefinition(
        KPIKind.WEBSITE_VISITS,
        _("visits"),
        cumulative=True,
        money=False,
        best_source=Source.ANALYTICS,
        sources=(Source.ANALYTICS, Source.LINKS, Source.MANUAL),
        explanation=_("People who came to your website, counted from your analytics tool."),
    ),
    KPIKind.LINK_CLICKS: KPIDefinition(
        KPIKind.LINK_CLICKS,
        _("clicks"),
        cumulative=True,
        money=False,
        best_source=Source.LINKS,
        sources=(Source.LINKS, Source.MANUAL),
        explanation=_("Clicks on the links your influencers share. Counted for you."),
    ),
    KPIKind.NEW_CUSTOMERS: KPIDefinition(
        KPIKind.NEW_CUSTOMERS,
        _("customers"),
        cumulative=True,
        money=False,
        best_source=Source.MANUAL,
        sources=(Source.MANUAL, Source.PROMO_CODES, Source.SHOP),
        explanation=_("First-time customers. Ask 'how did you hear about us?' at the till."),
    ),
    KPIKind.ORDERS: KPIDefinition(
        KPIKind.ORDERS,
        _("orders"),
        cumulative=True,
        money=False,
        best_source=Source.SHOP,
        sources=(Source.SHOP, Source.PROMO_CODES, Source.MANUAL),
        explanation=_("Orders that came from the campaign, e.g. those using a promo code."),
    ),
    KPIKind.REVENUE: KPIDefinition(
        KPIKind.REVENUE,
        _("revenue"),
        cumulative=True,
        money=True,
        best_source=Source.SHOP,
        sources=(Source.SHOP, Source.PROMO_CODES, Source.MANUAL),
        explanation=_("Money taken from those orders, before costs."),
    ),
    KPIKind.ENQUIRIES: KPIDefinition(
        KPIKind.ENQUIRIES,
        _("enquiries"),
        cumulative=True,
        money=False,
        best_source=Source.MANUAL,
        sources=(Source.MANUAL,),
        explanation=_("Messages, calls or bookings asking about what you sell."),
    ),
    KPIKind.ENGAGEMENT: KPIDefinition(
        KPIKind.ENGAGEMENT,
        _("interactions"),
        cumulative=True,
        money=False,
        best_source=Source.SOCIAL,
        sources=(Source.SOCIAL, Source.MANUAL),
        explanation=_("Likes, comments and shares on the campaign's posts, added up."),
    ),
    KPIKind.REDEMPTIONS: KPIDefinition(
        KPIKind.REDEMPTIONS,
        _("code uses"),
        cumulative=True,
        money=False,
        best_source=Source.PROMO_CODES,
        sources=(Source.PROMO_CODES, Source.SHOP, Source.MANUAL),
        explanation=_("Times a customer used an influencer's promo code."),
    ),
    KPIKind.REACH: KPIDefinition(
        KPIKind.REACH,
        _("views"),
        cumulative=True,
        money=False,
        best_source=Source.SOCIAL,
        sources=(Source.SOCIAL, Source.MANUAL),
        explanation=_(
            "How many times people saw the campaign's posts: views of a video, or the reach of "
            "a post, as the app or the influencer's insights show it."
        ),
    ),
}


# The kinds that fit each main goal, best first: the plan suggests them and its launch review
# asks for one of them.
RECOMMENDED_KPIS: dict[str, tuple[str, ...]] = {
    GoalType.CUSTOMERS: (KPIKind.NEW_CUSTOMERS, KPIKind.REDEMPTIONS, KPIKind.LINK_CLICKS),
    GoalType.AWARENESS: (KPIKind.NEW_FOLLOWERS, KPIKind.WEBSITE_VISITS, KPIKind.LINK_CLICKS),
    GoalType.SALES: (KPIKind.REVENUE, KPIKind.ORDERS, KPIKind.REDEMPTIONS),
    GoalType.ENGAGEMENT: (KPIKind.ENGAGEMENT, KPIKind.NEW_FOLLOWERS, KPIKind.ENQUIRIES),
}


def definition(kind):
    return CATALOGUE[KPIKind(kind)]
