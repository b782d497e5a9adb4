"""Attempt limits kept in the shared cache: password reset and sign-up e-mails, and
re-entered passwords.

Keys hold a hash, never the e-mail or address itself."""

import hashlib

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

RESETS_PER_EMAIL = 3
RESETS_PER_ADDRESS = 10
RESET_PERIOD = 60 * 60
SIGNUPS_PER_EMAIL = 3
SIGNUPS_PER_ADDRESS = 10
PASSWORD_TRIES = 5
PASSWORD_PERIOD = 15 * 60
TOO_MANY_PASSWORDS = _(
    "That was the wrong password too many times. Wait 15 minutes, then try again."
)


def _key(scope: str, value: object) -> str:
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()
    return f"limit:{scope}:{digest}"


def count(*, scope: str, value: object, period: int) -> int:
    """One more try under (scope, value); the number of tries within ``period``."""
    key = _key(scope, value)
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        return 1


def tries(*, scope: str, value: object) -> int:
    return cache.get(_key(scope, value)) or 0


def mail_allowed(*, scope: str, email: str, address: str, per_email: int, per_address: int) -> bool:
    """Counts one more e-mail asked for (reset, sign-up); False once the e-mail or the visitor's
    address asked more than ``per_email`` / ``per_address`` times in ``RESET_PERIOD``."""
    by_email = count(scope=f"{scope}-email", value=email, period=RESET_PERIOD)
    by_address = count(scope=f"{scope}-address", value=address, period=RESET_PERIOD)
    return by_email <= per_email and by_address <= per_address


def reset_allowed(*, email: str, address: str) -> bool:
    return mail_allowed(
        scope="reset",
        email=email,
        address=address,
        per_email=RESETS_PER_EMAIL,
        per_address=RESETS_PER_ADDRESS,
    )


def signup_allowed(*, email: str, address: str) -> bool:
    return mail_allowed(
        scope="signup",
        email=email,
        address=address,
        per_email=SIGNUPS_PER_EMAIL,
        per_address=SIGNUPS_PER_ADDRESS,
    )
