"""An influencer's post is due today, or a few days late, and none is recorded: the owner gets
a friendly message ready to forward to them."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind
from campaigns.models import Campaign, Partnership, PartnershipStatus
from kpis.models import Post

from ..models import Reminder
from .base import Occasion, ReminderType, latest_within, partnership_of, register
from .links import absolute

# A first nudge on the due date, a second when it is this many days late; nothing after a week.
LATE_AFTER_DAYS = 3
WINDOW_DAYS = 7


def posts_awaited(*, campaigns: Iterable[Campaign | int]) -> QuerySet[Partnership]:
    """Partnerships on these campaigns with a due date and no post recorded yet. The one query
    the reminder asks; the follow-up list can answer it once it counts posts the same way."""
    return (
        Partnership.objects.filter(campaign__in=campaigns, due_date__isnull=False)
        .exclude(status=PartnershipStatus.DECLINED)
        .exclude(Exists(Post.objects.filter(partnership=OuterRef("pk"))))
        .select_related("influencer", "campaign")
    )


def occasions(*, campaigns: list[Campaign], today: date) -> list[Occasion]:
    found = []
    for partnership in posts_awaited(campaigns=campaigns):
        due = partnership.due_date
        assert due is not None  # posts_awaited picks only deals with a due date
        day = latest_within(
            days=[due, due + timedelta(days=LATE_AFTER_DAYS)], today=today, window=WINDOW_DAYS
        )
        if day:
            found.append(Occasion(day, campaign=partnership.campaign, partnership=partnership))
    return found


def context(*, reminder: Reminder, today: date) -> dict | None:
    partnership = partnership_of(reminder)
    if not posts_awaited(campaigns=[partnership.campaign_id]).filter(pk=partnership.pk).exists():
        return None  # a post was recorded, or the deal was declined
    link = getattr(partnership, "tracked_link", None)
    return {
        "campaign": partnership.campaign,
        "partnership": partnership,
        "influencer": partnership.influencer,
        "late": partnership.due_date is not None and today > partnership.due_date,
        "link_url": link.public_url if link else "",
        "dashboard_url": absolute(
            reverse("reports:dashboard", kwargs={"pk": partnership.campaign_id})
        ),
    }


def subject(ctx: dict) -> str:
    names = {"influencer": ctx["influencer"].name, "campaign": ctx["campaign"].name}
    if ctx["late"]:
        return _("No post yet from %(influencer)s for %(campaign)s") % names
    return _("A post from %(influencer)s for %(campaign)s is due today") % names


register(
    ReminderType(kind=ReminderKind.POST_DUE, occasions=occasions, context=context, subject=subject)
)
