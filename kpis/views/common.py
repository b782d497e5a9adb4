from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.once import already_submitted
from accounts.owned import get_owned_or_404
from accounts.versions import STALE, is_stale, version_of
from campaigns.models import Campaign

from ..models import CampaignKPI


def owned_campaign(request, pk):
    """The signed-in owner's campaign with its KPIs loaded, or 404."""
    return get_owned_or_404(
        Campaign.objects.prefetch_related(
            Prefetch("kpis", queryset=CampaignKPI.objects.order_by("position", "id"))
        ),
        owner=request.user,
        pk=pk,
    )


@transaction.atomic  # the version check locks the row until the save (accounts.versions)
def form_page(request, campaign, form, *, title, done_url, done_message, save=None, intro=""):
    """Save a valid posted form and go back to ``done_url``; else show the form (again, with
    what was typed and what is wrong). ``done_message`` may be a function of what was saved.

    A form of a saved row is an edit: it carries the row's version, and a save over a newer
    one is refused (``accounts.versions``). Any other form creates: it carries a one-time
    token, so sending it twice saves once (``accounts.once``)."""
    editing = form.instance.pk is not None
    if request.method == "POST" and editing and is_stale(data=request.POST, row=form.instance):
        form.is_valid()
        form.add_error(None, STALE)
    elif request.method == "POST" and form.is_valid():
        if not editing and already_submitted(request):
            messages.info(request, _("That was saved already."))
            return redirect(done_url)
        saved = (save or form.save)()
        messages.success(request, done_message(saved) if callable(done_message) else done_message)
        return redirect(done_url)
    return render(
        request,
        "kpis/form_page.html",
        {
            "campaign": campaign,
            "form": form,
            "title": title,
            "intro": intro,
            "cancel_url": done_url,
            "version": version_of(form.instance) if editing else None,
        },
    )


def delete_page(request, campaign, row, *, question, done_url, done_message):
    """Ask first (a page of its own, so it works without JavaScript), delete on POST."""
    if request.method == "POST":
        row.delete()
        messages.success(request, done_message)
        return redirect(done_url)
    return render(
        request,
        "kpis/confirm_delete.html",
        {"campaign": campaign, "question": question, "cancel_url": done_url},
    )
