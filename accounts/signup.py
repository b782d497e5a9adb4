"""Sign-up that never tells a visitor whether an e-mail has an account.

The sign-up page only asks for the e-mail and always answers "check your inbox". A new
address gets a signed link that expires; following it finishes the account (business and
password). An address that has an account gets a note that someone tried to sign up with
it, with links to log in and to reset the password. No row is written before the link is
followed: the link itself carries the address, signed, so an address typed by someone else
leaves nothing behind.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

SALT = "accounts.signup"
LINK_HOURS = 24


def has_account(*, email: str) -> bool:
    return get_user_model().objects.filter(username__iexact=email).exists()


def finish_path(email: str) -> str:
    """The path of the signed link that finishes an account for ``email``."""
    return reverse("signup_finish", args=[signing.dumps(email, salt=SALT)])


def email_of(token: str) -> str | None:
    """The address a link was made for, or None when it is forged or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=LINK_HOURS * 60 * 60)
    except signing.BadSignature:  # SignatureExpired is one
        return None


def send_signup_mail(*, request: HttpRequest, email: str) -> None:
    """One e-mail to ``email``, whichever it is: the link to finish, or the note that the
    address already has an account."""
    if has_account(email=email):
        subject = _("Someone tried to sign up to Microreach with your e-mail")
        template = "registration/signup_taken_email.txt"
        context: dict[str, object] = {
            "login_url": request.build_absolute_uri(reverse("login")),
            "reset_url": request.build_absolute_uri(reverse("password_reset")),
        }
    else:
        subject = _("Finish creating your Microreach account")
        template = "registration/signup_email.txt"
        context = {
            "finish_url": request.build_absolute_uri(finish_path(email)),
            "hours": LINK_HOURS,
        }
    send_mail(subject, render_to_string(template, context), None, [email])
