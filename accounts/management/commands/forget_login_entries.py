from django.core.management.base import BaseCommand

from accounts.login_log import ADDRESSES_KEPT_FOR, ENTRIES_KEPT_FOR, forget_old_entries


class Command(BaseCommand):
    help = (
        f"Blank login-log addresses older than {ADDRESSES_KEPT_FOR.days} days and delete "
        f"entries older than {ENTRIES_KEPT_FOR.days} days (also done at every login)."
    )

    def handle(self, *args, **options):
        forget_old_entries()
