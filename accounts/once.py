"""One-time form tokens: a create form sent twice (a double click, a resend after a slow
answer) makes one row.

Each rendering of such a form carries a fresh random token; the first POST with it claims it
in the shared cache (an atomic add), a second finds it claimed. A POST without a token (a page
rendered before this existed) is let through. Lives at the bottom of the import chain.
"""

import hashlib
import secrets

from django.core.cache import cache

FIELD = "form_token"
LIFETIME = 24 * 60 * 60


def new_token():
    return secrets.token_urlsafe(16)


def already_submitted(request):
    """Claims the POST's token for this user; True when it was claimed before."""
    token = request.POST.get(FIELD, "")
    if not token:
        return False
    digest = hashlib.sha256(token.encode()).hexdigest()
    return not cache.add(f"form-token:{request.user.pk}:{digest}", 1, timeout=LIFETIME)
