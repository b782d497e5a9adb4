"""Today is a planned check-in: where each KPI stands against its pace, and the form's link."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from campaigns.models import Campaign
from kpis.services import campaign_kpi_statuses

from ..models import Reminder
from ..services import campaign_timeline
from .base import Occasion, ReminderType, campaign_of, register
from .links import absolute


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    found = []
    for campaign in campaigns:
        timeline = campaign_timeline(campaign=campaign, today=today)
        # The deadline's check-in comes with the campaign's end e-mail instead.
        if timeline.checkin_today and today != campaign.end_date:
            found.append(Occasion(today, campaign=campaign))
    return found


def context(*, reminder: Reminder, today: date) -> dict | None:
    campaign = campaign_of(reminder)
    if campaign_timeline(campaign=campaign, today=today).checked_today:
        return None
    return {
        "campaign": campaign,
        "statuses": campaign_kpi_statuses(campaign=campaign, today=today),
        "checkin_url": absolute(reverse("kpis:measurements", kwargs={"pk": campaign.pk})),
    }


def subject(ctx: dict) -> str:
    return _("Check-in day for %(name)s") % {"name": ctx["campaign"].name}


register(
    ReminderType(
        kind=ReminderKind.CHECKIN_DAY,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
