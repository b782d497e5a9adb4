"""Background jobs, run by the worker (``manage.py db_worker``, or ``rqworker`` on Redis)."""

from django.utils import timezone
from django_tasks import task

from .reminders.delivery import deliver


@task()
def send_reminder(reminder_id: int) -> str:
    return deliver(reminder_id=reminder_id, now=timezone.now())
