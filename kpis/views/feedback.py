"""The feedback log: what customers, followers and influencers said, tagged by tone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.once import already_submitted
from accounts.owned import get_owned_or_404, owned

from ..models import Feedback
from ..voice import feedback_tones
from ..voice_forms import FeedbackForm
from .common import delete_page, owned_campaign

SHOWN = 100


def feedback_url(campaign):
    return reverse("kpis:feedback", args=[campaign.pk])


@login_required
@require_http_methods(["GET", "POST"])
def feedback_log(request, pk):
    campaign = owned_campaign(request, pk)
    form = FeedbackForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid() and already_submitted(request):
        messages.info(request, _("That feedback was saved already."))
        return redirect(feedback_url(campaign))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Feedback saved."))
        return redirect(feedback_url(campaign))
    entries = (
        owned(Feedback, owner=request.user)
        .filter(campaign=campaign)
        .select_related("partnership__influencer")
    )
    return render(
        request,
        "kpis/feedback.html",
        {
            "campaign": campaign,
            "form": form,
            "entries": entries[:SHOWN],
            "entry_count": entries.count(),
            "tones": feedback_tones(campaign=campaign),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_delete(request, pk, feedback_pk):
    campaign = owned_campaign(request, pk)
    entry = get_owned_or_404(Feedback, owner=request.user, pk=feedback_pk, campaign=campaign)
    return delete_page(
        request,
        campaign,
        entry,
        question=_("Delete this feedback from %(date)s?") % {"date": entry.date},
        done_url=feedback_url(campaign),
        done_message=_("Feedback deleted."),
    )
