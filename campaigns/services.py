"""Plan rules as plain functions: the goal sentence, its review hints, the outreach message,
what the deals cost in cash, and launching. What must be in place before launch is the launch
review's (``campaigns.plan.review``)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.bounds import campaign_days
from accounts.formatting import format_count, format_money
from accounts.models import DEFAULT_CURRENCY, Business
from influencers.services import Offer, outreach_message

from .models import Campaign, CampaignStatus, DealType, GoalType, Partnership
from .partnerships import with_page_link

# The verb that starts a goal sentence, per goal type ("Gain 50 new customers ...").
GOAL_VERBS: dict[str, str | Promise] = {
    GoalType.CUSTOMERS: gettext_lazy("Gain"),
    GoalType.AWARENESS: gettext_lazy("Reach"),
    GoalType.SALES: gettext_lazy("Make"),
    GoalType.ENGAGEMENT: gettext_lazy("Get"),
}

# What the owner is counting, suggested from the goal type (they may type their own).
SUGGESTED_UNITS: dict[str, str | Promise] = {
    GoalType.CUSTOMERS: gettext_lazy("new customers"),
    GoalType.AWARENESS: gettext_lazy("new followers"),
    GoalType.SALES: gettext_lazy("extra sales"),
    GoalType.ENGAGEMENT: gettext_lazy("likes, comments and shares"),
}

MISSING = "…"
MAX_EXPLAINABLE_WORDS = 25


def compose_goal_sentence(
    *,
    goal_type: str | None,
    number: Decimal | int | str | None,
    unit: str | None,
    deadline: date | None,
) -> str:
    """The owner's goal in one sentence, e.g. "Gain 50 new customers by 31 March 2027 through
    a micro-influencer campaign." Missing parts show as "…", so a live preview can grow as
    the owner types."""
    verb = GOAL_VERBS.get(goal_type or "", GOAL_VERBS[GoalType.CUSTOMERS])
    how_many = MISSING if number is None or number == "" else format_count(number)
    what = (unit or "").strip() or MISSING
    when = date_format(deadline, "j F Y") if deadline else MISSING
    return _("%(verb)s %(number)s %(unit)s by %(date)s through a micro-influencer campaign.") % {
        "verb": verb,
        "number": how_many,
        "unit": what,
        "date": when,
    }


def goal_sentence_hints(*, campaign: Campaign, currency: str = DEFAULT_CURRENCY) -> list[str]:
    """Plain remarks on the goal sentence for step 4's review: what is missing or worth a
    second look. An empty list means nothing stands out."""
    hints = []
    if not campaign.goal_number:
        hints.append(_("Your goal has no number yet, so you cannot tell when it is met."))
    if not campaign.end_date:
        hints.append(_("Your goal has no deadline yet."))
    if len(campaign.goal_sentence.split()) > MAX_EXPLAINABLE_WORDS:
        hints.append(_("Your goal sentence is long: try to say it in fewer words."))
    if campaign.start_date and campaign.end_date:
        days = campaign_days(start=campaign.start_date, end=campaign.end_date)
        if days < 14:
            hints.append(
                _("%(days)s days is short: posts often keep bringing people in for weeks.")
                % {"days": days}
            )
    budget = campaign.cash_budget or Decimal(0)
    if campaign.goal_number and budget > 0:
        hints.append(
            _("Your cash budget works out at %(amount)s for each of the %(number)s %(unit)s.")
            % {
                "amount": format_money(budget / campaign.goal_number, currency=currency),
                "number": format_count(campaign.goal_number),
                "unit": campaign.goal_unit,
            }
        )
    return hints


OFFER_FOR_DEAL = {
    DealType.GIFTED: Offer.PRODUCT,
    DealType.DISCOUNT: Offer.DISCOUNT,
    DealType.FEE: Offer.FEE,
    DealType.COMMISSION: Offer.DISCOUNT,
}


def partnership_outreach_message(*, partnership: Partnership, business: Business | None) -> str:
    """A ready-to-send first message for this influencer, matching the deal on offer, with
    the link of their own page once it is issued."""
    message = outreach_message(
        influencer=partnership.influencer,
        business=business,
        offer=OFFER_FOR_DEAL[DealType(partnership.deal_type)],
        campaign_goal=partnership.campaign.goal_sentence or None,
    )
    if partnership.promo_code:
        message += "\n\n" + _("Your followers' code would be %(code)s.") % {
            "code": partnership.promo_code
        }
    return with_page_link(message, partnership=partnership)


def cash_costs(
    *, deal_amounts: Iterable[Decimal | int], other_costs: Decimal | None = None
) -> Decimal:
    """Money that leaves the bank: each deal's fee plus shipping, and other costs. Products
    given away count at cost in the ROI, but are not cash the budget must hold."""
    return sum(deal_amounts, Decimal(0)) + (other_costs or Decimal(0))


def launch(*, campaign: Campaign) -> None:
    """Start the campaign now: it becomes active and its launch time is kept."""
    campaign.status = CampaignStatus.ACTIVE
    campaign.launched_at = timezone.now()
    campaign.save(update_fields=["status", "launched_at", "updated_at"])


@dataclass
class DeletionSummary:
    """What deleting a campaign takes with it, to show before the owner confirms."""

    influencers: int  # partnerships: the influencers themselves stay on the roster
    numbers: int  # KPIs chosen for the campaign
    readings: int
    checkins: int
    tracked_links: int
    promo_code_uses: int

    @property
    def is_empty(self) -> bool:
        return not any(vars(self).values())


def deletion_summary(*, campaign: Campaign) -> DeletionSummary:
    """Counted through the campaign's relations, so this app needs no import of ``kpis``."""
    return DeletionSummary(
        influencers=campaign.partnerships.count(),
        numbers=campaign.kpis.count(),
        readings=campaign.kpis.aggregate(count=Count("measurements"))["count"],
        checkins=campaign.checkins.count(),
        tracked_links=campaign.partnerships.filter(tracked_link__isnull=False).count(),
        promo_code_uses=campaign.partnerships.aggregate(count=Count("redemptions"))["count"],
    )
