"""Every Monday: each running campaign in a few lines, and who to chase."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from campaigns.models import Campaign, CampaignStatus

from ..models import Reminder
from ..services import campaign_dashboard
from .base import Occasion, ReminderType, latest_within, register
from .links import absolute

WINDOW_DAYS = 2  # Monday, or Tuesday when the scheduler was down all Monday


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    monday = today - timedelta(days=today.weekday())
    if campaigns and latest_within(days=[monday], today=today, window=WINDOW_DAYS):
        return [Occasion(monday)]
    return []


def context(*, reminder: Reminder, today: date) -> dict | None:
    campaigns = Campaign.objects.filter(
        owner=reminder.owner, status=CampaignStatus.ACTIVE, start_date__lte=today
    ).order_by("end_date")
    dashboards = [campaign_dashboard(campaign=campaign, today=today) for campaign in campaigns]
    if not dashboards:
        return None
    return {
        "dashboards": dashboards,
        "week_of": reminder.occasion,
        "portfolio_url": absolute(reverse("reports:portfolio")),
    }


def subject(ctx: dict) -> str:
    return str(_("Your campaigns this week"))


register(
    ReminderType(
        kind=ReminderKind.WEEKLY_SUMMARY,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
