from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import BusinessForm, SignupForm


def home(request):
    if request.user.is_authenticated:
        return redirect("reports:portfolio")
    return render(request, "accounts/landing.html")


def signup(request):
    if request.user.is_authenticated:
        return redirect("reports:portfolio")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to Microreach! Start by planning your first campaign.")
        )
        return redirect("reports:portfolio")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def business_settings(request):
    form = BusinessForm(request.POST or None, instance=request.user.business)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your business details are saved."))
        return redirect("account")
    return render(request, "accounts/business.html", {"form": form})


@never_cache
@require_GET
def healthz(request):
    """Liveness for a load balancer: 200 when the app can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
