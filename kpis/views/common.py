from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render

from accounts.owned import get_owned_or_404
from campaigns.models import Campaign

from ..models import CampaignKPI


def owned_campaign(request, pk):
    """The signed-in owner's campaign with its KPIs loaded, or 404."""
    return get_owned_or_404(
        Campaign.objects.prefetch_related(
            Prefetch("kpis", queryset=CampaignKPI.objects.order_by("position", "id"))
        ),
        request.user,
        pk=pk,
    )


def form_page(request, campaign, form, *, title, done_url, done_message, save=None, intro=""):
    """Save a valid posted form and go back to ``done_url``; else show the form (again, with
    what was typed and what is wrong). ``done_message`` may be a function of what was saved."""
    if request.method == "POST" and form.is_valid():
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
