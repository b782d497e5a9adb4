"""Login attempt limiting (django-axes) fitted to e-mail logins."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginAttemptBackend(AxesStandaloneBackend):
    """Refuses logins for an e-mail and address that failed too often.

    Only web logins can be limited (axes keys them by the visitor's address); an
    ``authenticate()`` call without a request comes from our own code (a shell, the test
    client), so it is let through to the next backend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_email(request, credentials=None):
    """The e-mail a login attempt is counted against, the way the login form reads it, so
    "Sam@Example.com " and "sam@example.com" share one count."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field) is not None:
        value = credentials[field]
    else:
        value = request.POST.get(field, "")
    return (value or "").strip().lower()


def client_address(request):
    """The visitor's address: each trusted proxy appends the address it saw to
    X-Forwarded-For, so the one we want is ``TRUSTED_PROXY_COUNT`` places from the right.
    Anything further left was typed by the visitor and is not trusted."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
