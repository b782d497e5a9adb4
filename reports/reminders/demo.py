"""The reminders the demo owner would have had over the last week, printed by the console
e-mail backend: only on a site without a mail server, so a demo never mails anyone."""

from datetime import datetime, time, timedelta

from django.contrib.auth.models import User

from accounts.mail import reminders_off_reason
from accounts.models import ReminderKind

from .base import REGISTRY
from .delivery import deliver
from .scheduling import record, running_campaigns

DAYS_BACK = 6  # a week, today included
SENT_AT = time(9)  # as the scheduler would have, on a working morning


def send_demo_reminders(*, owner: User, now: datetime) -> int:
    """Send (to the console) each reminder due on the last DAYS_BACK days; again sends none."""
    if not reminders_off_reason():
        return 0
    zone = owner.business.zone
    sent = 0
    for days_ago in range(DAYS_BACK, -1, -1):
        day = now.astimezone(zone).date() - timedelta(days=days_ago)
        moment = min(datetime.combine(day, SENT_AT, zone), now)
        campaigns = running_campaigns(owner=owner, today=day)
        for kind in ReminderKind.values:
            for occasion in REGISTRY[kind].occasions(campaigns=campaigns, today=day):
                reminder = record(owner=owner, kind=kind, occasion=occasion, now=moment)
                if reminder:
                    sent += deliver(reminder_id=reminder.pk, now=moment) == "sent"
    return sent
