"""One-click unsubscribe: a signed token names the owner and the kind of reminder, so the link
works from the e-mail without logging in, and cannot be made up for someone else."""

from django.core import signing
from django.db import transaction

from accounts.models import Business, ReminderKind

SALT = "reports.reminders.unsubscribe"


def unsubscribe_token(*, owner_id: int, kind: str) -> str:
    return signing.dumps([owner_id, kind], salt=SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        owner_id, kind = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(owner_id, int) or kind not in ReminderKind.values:
        return None
    return owner_id, kind


def turn_off(*, owner_id: int, kind: str) -> Business | None:
    """Stop this kind of reminder for the owner (again is fine); None if the account is gone."""
    with transaction.atomic():
        business = Business.objects.select_for_update().filter(owner_id=owner_id).first()
        if business and kind not in business.reminders_off:
            business.reminders_off = [*business.reminders_off, kind]
            business.save(update_fields=["reminders_off"])
    return business
