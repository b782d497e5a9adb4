"""Whether e-mail reaches anyone: reminders stay off, and the settings page says why, when not."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Backends that keep mail on this machine (printed, written to files, thrown away).
LOCAL_ONLY_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def reminders_off_reason():
    """Why no reminder can be sent on this site, or "" when they can."""
    if settings.EMAIL_BACKEND in LOCAL_ONLY_BACKENDS:
        return _(
            "Reminders are off: this site has no mail server set up (EMAIL_URL), so an e-mail "
            "would only be printed in the server's log. Ask whoever runs the site to set one up."
        )
    return ""
