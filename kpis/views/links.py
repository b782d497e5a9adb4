"""Tracked links of a campaign: one per partnership, with click counts and a QR code."""

import io

import segno
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import business_of
from accounts.owned import get_owned_or_404, owned
from campaigns.models import Partnership

from ..forms import TrackedLinkForm
from ..models import TrackedLink
from .common import form_page, owned_campaign

# Read-only pages still look the campaign up first, so another owner's id is a 404 whatever
# the method, never a 405 that would confirm the id exists.
SAFE_METHODS = ["GET", "HEAD"]


@login_required
def link_list(request, pk):
    campaign = owned_campaign(request, pk)
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    partnerships = (
        owned(Partnership, owner=request.user)
        .filter(campaign=campaign)
        .select_related("influencer", "tracked_link")
        # From the daily counts, never the clicks. Visitors are counted per day (their
        # hashes change every day), so a day's visitors add up to the link's.
        .annotate(
            people=Coalesce(Sum("tracked_link__click_days__people"), 0),
            bots=Coalesce(Sum("tracked_link__click_days__bots"), 0),
            visitors=Coalesce(Sum("tracked_link__click_days__visitors"), 0),
        )
    )
    rows = []
    for partnership in partnerships:
        link = getattr(partnership, "tracked_link", None)
        rows.append({"partnership": partnership, "link": link, "url": link and link.public_url})
    return render(request, "kpis/links.html", {"campaign": campaign, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def link_create(request, pk, partnership_pk):
    campaign = owned_campaign(request, pk)
    partnership = get_owned_or_404(
        Partnership.objects.select_related("influencer"),
        owner=request.user,
        pk=partnership_pk,
        campaign=campaign,
    )
    if hasattr(partnership, "tracked_link"):
        return redirect("kpis:link_edit", pk=campaign.pk, link_pk=partnership.tracked_link.pk)
    business = business_of(request.user)
    form = TrackedLinkForm(
        request.POST or None, initial={"destination": getattr(business, "website", "")}
    )
    return form_page(
        request,
        campaign,
        form,
        title=_("A tracked link for %(name)s") % {"name": partnership.influencer},
        done_url=reverse("kpis:links", args=[campaign.pk]),
        done_message=_("Link made for %(name)s.") % {"name": partnership.influencer},
        save=lambda: TrackedLink.create_for(partnership, form.cleaned_data["destination"]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_edit(request, pk, link_pk):
    campaign = owned_campaign(request, pk)
    link = get_owned_or_404(
        TrackedLink.objects.select_related("partnership__influencer"),
        owner=request.user,
        pk=link_pk,
        partnership__campaign=campaign,
    )
    return form_page(
        request,
        campaign,
        TrackedLinkForm(request.POST or None, instance=link),
        title=_("Where %(name)s's link goes") % {"name": link.partnership.influencer},
        done_url=reverse("kpis:links", args=[campaign.pk]),
        done_message=_("Saved: the link now goes to the new address."),
        intro=_("The short link itself stays the same, so posts already shared keep working."),
    )


@login_required
def link_qr(request, pk, link_pk):
    campaign = owned_campaign(request, pk)
    link = get_owned_or_404(
        TrackedLink, owner=request.user, pk=link_pk, partnership__campaign=campaign
    )
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    svg = io.BytesIO()
    segno.make(link.public_url, error="m").save(
        svg, kind="svg", scale=8, border=2, title=link.public_url
    )
    response = HttpResponse(svg.getvalue(), content_type="image/svg+xml")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="qr-{link.slug}.svg"'
    return response
