"""The till tally: big buttons, one tap for each customer who says an influencer sent them.

Works as plain forms (each tap a POST, then back to the page); with the page's small script
the taps are sent in the background, and kept on the device while the connection is down.
Each tap carries a reference made on the device, so one sent twice is counted once.
"""

import datetime
import re
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.owned import owned

from ..models import TillTap
from ..voice_forms import survey_partnerships
from .common import owned_campaign

OTHER = "other"
TAP_REF_LENGTH = 40
# What the device sends: its own random reference for a tap, and a partnership's id.
TAP_REF = re.compile(rf"[A-Za-z0-9_-]{{1,{TAP_REF_LENGTH}}}")
PARTNERSHIP_ID = re.compile(r"[0-9]{1,18}")
# Undo reaches back this far: a tap is undone at the till, not days later.
UNDO_MINUTES = 30


def tally_counts(campaign):
    """{partnership id or None: taps}, for the numbers on the buttons."""
    return dict(
        TillTap.objects.filter(campaign=campaign)
        .values("partnership_id")
        .annotate(taps=Count("id"))
        .values_list("partnership_id", "taps")
    )


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "HEAD"])
def tally(request, pk):
    campaign = owned_campaign(request, pk)
    counts = tally_counts(campaign)
    buttons = [
        {"value": str(p.pk), "name": p.influencer.name, "count": counts.get(p.pk, 0)}
        for p in survey_partnerships(campaign)
    ]
    buttons.append(
        {"value": OTHER, "name": _("Other (no one named)"), "count": counts.get(None, 0)}
    )
    return render(
        request,
        "kpis/tally.html",
        {
            "campaign": campaign,
            "buttons": buttons,
            "total": sum(counts.values()),
            "new_ref": uuid.uuid4().hex,
        },
    )


def tally_url(campaign):
    return reverse("kpis:tally", args=[campaign.pk])


@login_required
@require_POST
def tap(request, pk):
    campaign = owned_campaign(request, pk)
    who = request.POST.get("who", "")
    ref = request.POST.get("ref", "").strip()
    if not TAP_REF.fullmatch(ref):
        ref = uuid.uuid4().hex
    partnership = None
    if who != OTHER:
        known = PARTNERSHIP_ID.fullmatch(who)
        partnership = campaign.partnerships.filter(pk=who).first() if known else None
        if partnership is None:
            message = _("That button is no longer on the tally: reload the page.")
            if wants_json(request):
                return JsonResponse({"error": message}, status=400)
            messages.error(request, message)
            return redirect(tally_url(campaign))
    try:
        with transaction.atomic():
            TillTap.objects.create(
                owner=request.user,
                campaign=campaign,
                partnership=partnership,
                tap_ref=ref,
                day=timezone.localdate(),
            )
    except IntegrityError:
        pass  # sent before, the connection dropped before the answer came: counted once
    if wants_json(request):
        return JsonResponse({"ok": True, "ref": ref})
    name = partnership.influencer.name if partnership else _("the campaign")
    messages.success(request, _("Counted one customer for %(name)s.") % {"name": name})
    return redirect(tally_url(campaign))


@login_required
@require_POST
def undo(request, pk):
    campaign = owned_campaign(request, pk)
    ref = request.POST.get("ref", "").strip()
    taps = owned(TillTap, owner=request.user).filter(campaign=campaign)
    if ref:
        # A reference no device makes matches no tap (and never reaches the database).
        taps = taps.filter(tap_ref=ref) if TAP_REF.fullmatch(ref) else taps.none()
    else:
        since = timezone.now() - datetime.timedelta(minutes=UNDO_MINUTES)
        taps = taps.filter(at__gte=since)
    last = taps.order_by("-at", "-id").first()
    if last is not None:
        last.delete()
    if wants_json(request):
        return JsonResponse({"ok": True, "undone": last is not None})
    if last is None:
        messages.info(request, _("Nothing to undo: no tap in the last half hour."))
    else:
        messages.success(request, _("Undone: the last tap is no longer counted."))
    return redirect(tally_url(campaign))
