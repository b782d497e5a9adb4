"""A planned check-in passed with nothing recorded: one e-mail per missed date, the day after."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from campaigns.models import Campaign

from ..models import Reminder
from ..services import campaign_timeline
from .base import Occasion, ReminderType, campaign_of, register
from .links import absolute


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    found = []
    for campaign in campaigns:
        overdue_since = campaign_timeline(campaign=campaign, today=today).overdue_since
        if overdue_since:
            found.append(Occasion(overdue_since, campaign=campaign))
    return found


def context(*, reminder: Reminder, today: date) -> dict | None:
    campaign = campaign_of(reminder)
    if campaign_timeline(campaign=campaign, today=today).overdue_since != reminder.occasion:
        return None  # recorded meanwhile (or a later one is missed and has its own e-mail)
    return {
        "campaign": campaign,
        "missed": reminder.occasion,
        "checkin_url": absolute(reverse("kpis:measurements", kwargs={"pk": campaign.pk})),
    }


def subject(ctx: dict) -> str:
    return _("A check-in for %(name)s was missed") % {"name": ctx["campaign"].name}


register(
    ReminderType(
        kind=ReminderKind.CHECKIN_OVERDUE,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
