import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin

from accounts.deletion import delete_with_links
from accounts.models import business_of
from accounts.once import already_submitted
from accounts.owned import get_owned_or_404, owned
from accounts.pagination import TABLE_PAGINATION
from accounts.versions import STALE, is_stale, version_of

from .exports import SafeTableExport
from .filters import InfluencerFilter
from .forms import (
    ImportForm,
    InfluencerForm,
    OutreachForm,
    ProfileFormHelper,
    ProfileFormSet,
    StatusForm,
)
from .importers import parse_count, parse_roster_csv, plan_import, sample_csv, save_import
from .metrics import profile_engagement, profile_warnings, size_tier
from .models import Influencer, OutreachStatus, Profile
from .services import Offer, outreach_message
from .tables import InfluencerTable

IMPORT_SESSION_KEY = "influencer_import"


class RosterView(LoginRequiredMixin, ExportMixin, SingleTableMixin, FilterView):
    table_class = InfluencerTable
    filterset_class = InfluencerFilter
    template_name = "influencers/list.html"
    table_pagination = TABLE_PAGINATION
    export_class = SafeTableExport
    export_formats = ("csv", "xlsx")
    export_name = "influencers"

    def get_queryset(self):
        return (
            owned(Influencer, owner=self.request.user)
            .with_roster_numbers()
            .prefetch_related("profiles")
        )


def owned_influencer(request, pk):
    return get_owned_or_404(
        Influencer.objects.prefetch_related("profiles"), owner=request.user, pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
@transaction.atomic  # the version check locks the row until the save (accounts.versions)
def influencer_form(request, pk=None):
    """Create (no pk) or edit an influencer together with their platform profiles."""
    influencer = owned_influencer(request, pk) if pk else Influencer(owner=request.user)
    data = request.POST if request.method == "POST" else None
    form = InfluencerForm(data, instance=influencer)
    formset = ProfileFormSet(data, instance=influencer, owner=request.user, prefix="profiles")
    if pk and data and is_stale(data=data, row=influencer) and form.is_valid():
        form.add_error(None, STALE)  # another tab saved since; this page shows its version
    saving = request.method == "POST" and form.is_valid() and formset.is_valid()
    if saving and not pk and already_submitted(request):
        messages.info(request, _("That influencer was saved already."))
        return redirect_to_next(request, request.GET.get("next", ""), "influencers:list")
    if saving:
        with transaction.atomic():
            influencer = form.save()
            formset.instance = influencer
            formset.save()
        messages.success(request, _("%(name)s is saved.") % {"name": influencer.name})
        # Added from the plan wizard: go back there, not to the new influencer's page.
        return redirect_to_next(request, request.GET.get("next", ""), influencer)
    return render(
        request,
        "influencers/form.html",
        {
            "form": form,
            "formset": formset,
            "profile_helper": ProfileFormHelper(),
            "influencer": influencer if pk else None,
            "version": version_of(influencer) if pk else "",
        },
    )


@login_required
@require_GET
def influencer_detail(request, pk):
    influencer = owned_influencer(request, pk)
    outreach_form = OutreachForm(request.GET or None)
    offer = (outreach_form.is_valid() and outreach_form.cleaned_data["offer"]) or Offer.PRODUCT
    business = business_of(request.user)
    return render(
        request,
        "influencers/detail.html",
        {
            "influencer": influencer,
            "profiles": sorted(
                influencer.profiles.all(), key=lambda p: p != influencer.main_profile
            ),
            "status_form": StatusForm(instance=influencer),
            "outreach_form": OutreachForm(initial={"offer": offer}),
            "message": outreach_message(influencer=influencer, business=business, offer=offer),
            # Where the status comes from: each campaign's deal and what was posted for it.
            "partnerships": influencer.partnerships.select_related("campaign")
            .annotate(post_count=Count("posts"))
            .order_by("-campaign__created_at"),
        },
    )


@login_required
@require_POST
def influencer_status(request, pk):
    """Change the outreach status: in place from the roster (htmx), or by a plain form post,
    which returns to ``next`` (the roster) or the influencer's page."""
    influencer = owned_influencer(request, pk)
    form = StatusForm(request.POST, instance=influencer)
    saved = form.is_valid()
    if saved:
        form.save()
    else:
        influencer.refresh_from_db()
    if request.htmx:
        return render(
            request,
            "influencers/_status_cell.html",
            {
                "influencer": influencer,
                "statuses": OutreachStatus.choices,
                "next": request.POST.get("next", ""),
                "saved": saved,
                "failed": not saved,
            },
        )
    if saved:
        messages.success(
            request,
            _("Status of %(name)s: %(status)s.")
            % {"name": influencer.name, "status": influencer.get_status_display()},
        )
    else:
        messages.error(request, _("Pick one of the listed statuses."))
    return redirect_to_next(request, request.POST.get("next", ""), influencer)


def redirect_to_next(request, next_url, fallback):
    """Redirect to ``next_url`` when it is a page of this site (a path: never a view's name,
    which ``redirect`` would look up), else to ``fallback``."""
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return redirect(fallback)


@login_required
@require_http_methods(["GET", "POST"])
def influencer_delete(request, pk):
    influencer = owned_influencer(request, pk)
    if request.method == "POST":
        delete_with_links(row=influencer, partnership__influencer=influencer)
        messages.success(request, _("%(name)s is removed from your roster.") % {"name": influencer})
        return redirect("influencers:list")
    return render(request, "influencers/confirm_delete.html", {"influencer": influencer})


@login_required
@require_GET
def engagement_preview(request):
    """A small HTML fragment: rate, size and warnings for the numbers in the query string
    (followers, following, likes, comments, shares, reach), computed by ``metrics``."""

    def number(name):
        try:
            return parse_count(request.GET.get(name))
        except ValueError:
            return None

    profile = Profile(
        followers=number("followers"),
        following=number("following"),
        avg_likes=number("likes"),
        avg_comments=number("comments"),
        avg_shares=number("shares"),
        avg_reach=number("reach"),
    )
    return render(
        request,
        "influencers/_engagement.html",
        {
            "engagement": profile_engagement(profile),
            "tier": size_tier(profile.followers),
            "warnings": profile_warnings(profile),
        },
    )


@login_required
@require_GET
def import_sample(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="influencers-example.csv"'
    sample_csv(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_roster(request):
    """Upload -> preview (rows kept in the session, never taken back from the browser) ->
    confirm writes them all in one transaction."""
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.get(IMPORT_SESSION_KEY)
        if not pending or not secrets.compare_digest(
            pending["token"], request.POST.get("token", "")
        ):
            messages.error(
                request, _("That preview has expired or was already saved. Upload the file again.")
            )
            return redirect("influencers:import")
        added, updated = save_import(owner=request.user, rows=pending["rows"])
        del request.session[IMPORT_SESSION_KEY]
        messages.success(
            request,
            _("Import saved: %(added)s profiles added, %(updated)s updated.")
            % {"added": added, "updated": updated},
        )
        return redirect("influencers:list")

    request.session.pop(IMPORT_SESSION_KEY, None)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        parsed = parse_roster_csv(form.cleaned_data["file"])
        context.update(errors=parsed.errors, notices=parsed.notices)
        if not parsed.errors:
            token = secrets.token_urlsafe(16)
            request.session[IMPORT_SESSION_KEY] = {"token": token, "rows": parsed.rows}
            context.update(token=token, preview=plan_import(owner=request.user, rows=parsed.rows))
    return render(request, "influencers/import.html", context)
