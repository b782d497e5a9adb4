"""The deadline: the last check-in is due, and the report is ready to read."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from campaigns.models import Campaign
from kpis.services import campaign_kpi_statuses

from ..models import Reminder
from .base import Occasion, ReminderType, campaign_of, dates_of, latest_within, register
from .links import absolute

WINDOW_DAYS = 7


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    ends = [(campaign, dates_of(campaign)[1]) for campaign in campaigns]
    return [
        Occasion(end, campaign=campaign)
        for campaign, end in ends
        if latest_within(days=[end], today=today, window=WINDOW_DAYS)
    ]


def context(*, reminder: Reminder, today: date) -> dict | None:
    campaign = campaign_of(reminder)
    return {
        "campaign": campaign,
        "statuses": campaign_kpi_statuses(campaign=campaign, today=today),
        "checkin_url": absolute(reverse("kpis:measurements", kwargs={"pk": campaign.pk})),
        "report_url": absolute(reverse("reports:report_pdf", kwargs={"pk": campaign.pk})),
    }


def subject(ctx: dict) -> str:
    return _("%(name)s has reached its deadline") % {"name": ctx["campaign"].name}


register(
    ReminderType(
        kind=ReminderKind.CAMPAIGN_END,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
