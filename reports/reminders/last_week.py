"""The campaign's last seven days begin: time for a final push."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.bounds import campaign_days
from accounts.models import ReminderKind
from campaigns.models import Campaign
from kpis.services import campaign_kpi_statuses

from ..models import Reminder
from .base import Occasion, ReminderType, campaign_of, dates_of, latest_within, register
from .links import absolute

DAYS = 7


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    found = []
    for campaign in campaigns:
        start, end = dates_of(campaign)
        first_day = end - timedelta(days=DAYS - 1)
        # Only campaigns long enough to have a last week that is not also their first.
        if first_day > start and latest_within(days=[first_day], today=today, window=DAYS - 1):
            found.append(Occasion(first_day, campaign=campaign))
    return found


def context(*, reminder: Reminder, today: date) -> dict | None:
    campaign = campaign_of(reminder)
    return {
        "campaign": campaign,
        "days_left": campaign_days(start=today, end=dates_of(campaign)[1]),
        "statuses": campaign_kpi_statuses(campaign=campaign, today=today),
        "dashboard_url": absolute(reverse("reports:dashboard", kwargs={"pk": campaign.pk})),
    }


def subject(ctx: dict) -> str:
    return _("%(name)s: the last week starts today") % {"name": ctx["campaign"].name}


register(
    ReminderType(
        kind=ReminderKind.LAST_WEEK,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
