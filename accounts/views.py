from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetView
from django.db import IntegrityError, connection, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from . import data, limits, versions
from .backends import client_address
from .forms import BusinessForm, DeleteAccountForm, FinishSignupForm, SignupForm
from .mail import reminders_off_reason
from .models import Business, business_of
from .signup import LINK_HOURS, email_of, has_account, send_signup_mail


class LimitedPasswordResetView(PasswordResetView):
    """Sends at most a few reset e-mails per address asked for and per visitor. Over the
    limit it answers as if it had sent one: nobody learns more, and no inbox is flooded."""

    def form_valid(self, form):
        if limits.reset_allowed(
            email=form.cleaned_data["email"], address=client_address(self.request)
        ):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


def home(request):
    if request.user.is_authenticated:
        return redirect("reports:portfolio")
    return render(request, "accounts/landing.html")


def signup(request):
    """Asks for the e-mail and always answers the same "check your inbox": whether the address
    has an account is only said in the e-mail (``accounts.signup``)."""
    if request.user.is_authenticated:
        return redirect("reports:portfolio")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if limits.signup_allowed(email=email, address=client_address(request)):
            send_signup_mail(request=request, email=email)
        return redirect("signup_sent")
    return render(request, "registration/signup.html", {"form": form})


def signup_sent(request):
    return render(request, "registration/signup_sent.html", {"hours": LINK_HOURS})


@never_cache
def signup_finish(request, token):
    """The page the e-mailed link opens: the business and a password, then logged in."""
    if request.user.is_authenticated:
        return redirect("reports:portfolio")
    email = email_of(token)
    if email is None or has_account(email=email):
        # Only the inbox's owner has this link, so saying it was used tells nobody else.
        return render(request, "registration/signup_link_spent.html", {"expired": email is None})
    form = FinishSignupForm(email, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:  # the same link sent twice at once: the first one made it
            return redirect("login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to Microreach! Start by planning your first campaign.")
        )
        return redirect("reports:portfolio")
    return render(request, "registration/signup_finish.html", {"form": form, "email": email})


@login_required
@transaction.atomic  # the version check locks the row until the save (accounts.versions)
def business_settings(request):
    # An account made outside the sign-up page (createsuperuser) has no business yet.
    business = business_of(request.user) or Business(owner=request.user)
    form = BusinessForm(request.POST or None, instance=business)
    if (
        business.pk
        and request.method == "POST"
        and versions.is_stale(data=request.POST, row=business)
    ):
        form.is_valid()
        form.add_error(None, versions.STALE)
    elif request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your business details are saved."))
        return redirect("account")
    return render(
        request,
        "accounts/business.html",
        {"form": form, "reminders_off_reason": reminders_off_reason()},
    )


@login_required
@never_cache
@require_GET
def export_data(request):
    """Every row the owner has, as a zip of CSV files (one per table)."""
    filename = f"microreach-data-{timezone.localdate():%Y-%m-%d}.zip"
    response = HttpResponse(data.export_zip(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        data.delete_account(user=user)  # first: a failed deletion must not log the owner out
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted. Goodbye!"))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
@require_safe  # load balancers check with HEAD as often as with GET
def healthz(request):
    """Liveness for a load balancer: 200 when the app can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
