"""Finding due reminders: one row per occasion, then a send job for each row ready to go.

Run every few minutes (``manage.py schedule_reminders``). Every step is safe to repeat and to
run in two processes at once: the unique row is the claim, and the sender claims it again.
"""

import logging
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q

from accounts.mail import reminders_off_reason
from accounts.models import Business, ReminderKind
from campaigns.models import Campaign, CampaignStatus

from ..models import Reminder, ReminderStatus
from .base import REGISTRY, Occasion

logger = logging.getLogger(__name__)

# Nobody wants "check-in day" at midnight: reminders go out from this hour, the business's time.
SEND_FROM_HOUR = 8
# Longer than any send can take (EMAIL_TIMEOUT): a reminder "being sent" for longer belongs
# to a worker that was stopped mid-send, and is sent again.
CLAIM_TIMEOUT = timedelta(minutes=10)
# A queued job not run by then (a worker down, a lost Redis) is queued again.
REQUEUE_AFTER = timedelta(minutes=10)
BATCH = 500


def running_campaigns(*, owner: User, today: date) -> list[Campaign]:
    return list(
        Campaign.objects.filter(
            owner=owner, status=CampaignStatus.ACTIVE, start_date__lte=today, end_date__isnull=False
        )
    )


def record(*, owner: User, kind: str, occasion: Occasion, now: datetime) -> Reminder | None:
    """Store the reminder for this occasion; None when it is already there."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                owner=owner,
                kind=kind,
                campaign=occasion.campaign,
                partnership=occasion.partnership,
                occasion=occasion.day,
                key=occasion.key(kind),
                next_attempt_at=now,
            )
    except IntegrityError:
        return None


def create_due_reminders(*, now: datetime) -> int:
    """A row for every occasion due today in each business's own time zone."""
    created = 0
    businesses = (
        Business.objects.filter(owner__campaigns__status=CampaignStatus.ACTIVE)
        .exclude(owner__email="")
        .select_related("owner")
        .distinct()
    )
    for business in businesses:
        local = now.astimezone(business.zone)
        if local.hour < SEND_FROM_HOUR:
            continue
        wanted = [REGISTRY[kind] for kind in ReminderKind.values if business.wants(kind)]
        campaigns = running_campaigns(owner=business.owner, today=local.date()) if wanted else []
        if not campaigns:
            continue
        for reminder_type in wanted:
            for occasion in reminder_type.occasions(campaigns=campaigns, today=local.date()):
                created += bool(
                    record(
                        owner=business.owner, kind=reminder_type.kind, occasion=occasion, now=now
                    )
                )
    return created


def recover_stalled(*, now: datetime) -> int:
    """Reminders whose worker stopped mid-send go back to waiting, to be sent once."""
    stalled = Reminder.objects.filter(
        status=ReminderStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    )
    for reminder_id in stalled.values_list("pk", flat=True):
        logger.warning("Reminder %s: its worker stopped mid-send; sending it again", reminder_id)
    return stalled.update(status=ReminderStatus.PENDING, queued_at=None)


def enqueue_ready(*, now: datetime) -> list[int]:
    """A send job for each waiting reminder not queued recently."""
    from ..tasks import send_reminder

    ready = Reminder.objects.filter(status=ReminderStatus.PENDING, next_attempt_at__lte=now).filter(
        Q(queued_at__isnull=True) | Q(queued_at__lt=now - REQUEUE_AFTER)
    )
    ids = list(ready.order_by("next_attempt_at").values_list("pk", flat=True)[:BATCH])
    Reminder.objects.filter(pk__in=ids).update(queued_at=now)
    for reminder_id in ids:
        send_reminder.enqueue(reminder_id)
    return ids


def run_scheduler(*, now: datetime) -> dict[str, int]:
    """One pass: what the scheduler command does every few minutes."""
    if reminders_off_reason():
        return {"created": 0, "recovered": 0, "queued": 0}
    recovered = recover_stalled(now=now)
    created = create_due_reminders(now=now)
    queued = enqueue_ready(now=now)
    return {"created": created, "recovered": recovered, "queued": len(queued)}
