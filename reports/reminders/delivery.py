"""Sending one reminder: claim it, write it in the owner's words, hand it to the mail server.

A failed send waits and tries again (BACKOFF), and is logged; after the last try the row says
"could not be sent" with the error, and the log says so at ERROR. Never sent twice: only the
worker whose UPDATE moved the row from waiting to sending sends it.
"""

import logging
from datetime import datetime, timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ..models import Reminder, ReminderStatus
from .base import REGISTRY
from .links import absolute
from .unsubscribe import unsubscribe_token

logger = logging.getLogger(__name__)

BACKOFF = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
]
MAX_ATTEMPTS = len(BACKOFF) + 1


def claim(*, reminder_id: int, now: datetime) -> bool:
    """Move the reminder from waiting to sending, in one UPDATE only one worker can win."""
    return (
        Reminder.objects.filter(
            pk=reminder_id, status=ReminderStatus.PENDING, next_attempt_at__lte=now
        ).update(status=ReminderStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
        == 1
    )


def build_message(*, reminder: Reminder, now: datetime) -> EmailMultiAlternatives | None:
    """The e-mail, in plain text and HTML, or None when it is no longer wanted or needed."""
    business = reminder.owner.business
    if not business.wants(reminder.kind):
        return None
    reminder_type = REGISTRY[reminder.kind]
    today = now.astimezone(business.zone).date()
    with translation.override(settings.LANGUAGE_CODE), timezone.override(business.zone):
        context = reminder_type.context(reminder=reminder, today=today)
        if context is None:
            return None
        token = unsubscribe_token(owner_id=reminder.owner_id, kind=reminder.kind)
        unsubscribe_url = absolute(reverse("reports:unsubscribe", kwargs={"token": token}))
        context |= {
            "business": business,
            "reminder": reminder,
            "today": today,
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute(reverse("account")),
        }
        subject = str(reminder_type.subject(context))
        text = render_to_string(f"{reminder_type.template}.txt", context)
        html = render_to_string(f"{reminder_type.template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[reminder.owner.email],
        headers={
            # RFC 8058: mail clients show an "unsubscribe" button that POSTs to this address.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same id on every try, so a mail client shows a rare repeat as one message.
            "Message-ID": f"<reminder-{reminder.pk}@{urlparse(settings.SITE_URL).hostname}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def record_failure(*, reminder: Reminder, error: Exception, now: datetime) -> str:
    final = reminder.attempts >= MAX_ATTEMPTS
    last_error = f"{type(error).__name__}: {error}"[:2000]
    update: dict[str, object] = {"last_error": last_error, "queued_at": None}
    if final:
        status = ReminderStatus.FAILED
        logger.error(
            "Reminder %s to %s could not be sent after %s tries: %s",
            reminder.pk,
            reminder.owner.email,
            reminder.attempts,
            last_error,
        )
    else:
        status = ReminderStatus.PENDING
        next_attempt_at = now + BACKOFF[reminder.attempts - 1]
        update["next_attempt_at"] = next_attempt_at
        logger.warning(
            "Reminder %s: try %s failed (%s); trying again at %s",
            reminder.pk,
            reminder.attempts,
            last_error,
            next_attempt_at.isoformat(),
        )
    update["status"] = status
    Reminder.objects.filter(pk=reminder.pk, status=ReminderStatus.SENDING).update(**update)
    return status


def deliver(*, reminder_id: int, now: datetime) -> str:
    """Send the reminder if this worker wins it; the reminder's status afterwards."""
    if not claim(reminder_id=reminder_id, now=now):
        return "not-claimed"
    reminder = Reminder.objects.select_related(
        "owner__business", "campaign", "partnership__influencer", "partnership__campaign"
    ).get(pk=reminder_id)
    try:
        message = build_message(reminder=reminder, now=now)
        if message is None:
            Reminder.objects.filter(pk=reminder_id).update(status=ReminderStatus.CANCELLED)
            return ReminderStatus.CANCELLED
        message.send()
    except Exception as error:  # noqa: BLE001 - every failure is retried, then logged as lost
        return record_failure(reminder=reminder, error=error, now=now)
    Reminder.objects.filter(pk=reminder_id).update(
        status=ReminderStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    logger.info("Reminder %s (%s) sent to %s", reminder_id, reminder.kind, reminder.owner.email)
    return ReminderStatus.SENT
