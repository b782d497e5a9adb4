"""The deadline: the last check-in is due, and the report is ready to read."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from kpis.services import campaign_kpi_statuses

from .base import Occasion, ReminderType, latest_within, register
from .links import absolute

WINDOW_DAYS = 7


def occasions(*, campaigns, today):
    return [
        Occasion(campaign.end_date, campaign=campaign)
        for campaign in campaigns
        if latest_within([campaign.end_date], today, WINDOW_DAYS)
    ]


def context(*, reminder, today):
    campaign = reminder.campaign
    return {
        "campaign": campaign,
        "statuses": campaign_kpi_statuses(campaign, today),
        "checkin_url": absolute(reverse("kpis:measurements", kwargs={"pk": campaign.pk})),
        "report_url": absolute(reverse("reports:report_pdf", kwargs={"pk": campaign.pk})),
    }


def subject(ctx):
    return _("%(name)s has reached its deadline") % {"name": ctx["campaign"].name}


register(
    ReminderType(
        kind=ReminderKind.CAMPAIGN_END,
        occasions=occasions,
        context=context,
        subject=subject,
    )
)
