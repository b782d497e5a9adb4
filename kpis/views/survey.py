"""The customer survey: the public page at /s/<slug> and the owner's page about it."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.backends import client_address
from accounts.models import business_of
from accounts.owned import get_owned_or_404

from .. import survey as rules
from ..models import Survey, SurveyAnswer
from ..qr import qr_svg
from ..voice_forms import SurveyForm, survey_partnerships
from .common import delete_page, owned_campaign
from .links import SAFE_METHODS

ANSWERS_SHOWN = 50


def survey_url(survey):
    return settings.SITE_URL + reverse("kpis:survey", args=[survey.slug])


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, slug):
    survey = get_object_or_404(
        Survey.objects.select_related("campaign", "campaign__owner__business"), slug=slug
    )
    campaign = survey.campaign
    business = business_of(campaign.owner)
    context = {"business": business, "survey": survey}
    closed = rules.closed_reason(campaign=campaign, today=timezone.localdate())
    if closed:
        context["closed"] = rules.CLOSED_REASONS[closed]
        return render(request, "kpis/survey_public.html", context)
    form = SurveyForm(request.POST or None, partnerships=survey_partnerships(campaign))
    if request.method == "POST" and form.is_valid():
        outcome = rules.record_answer(
            survey=survey,
            campaign=campaign,
            answer=form.answer(),
            address=client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            trap=form.cleaned_data["website"],
        )
        context["outcome"] = outcome
        if outcome == rules.Outcome.CLOSED:
            context["closed"] = rules.CLOSED_REASONS["ended"]
        return render(request, "kpis/survey_public.html", context)
    context["form"] = form
    return render(request, "kpis/survey_public.html", context)


@login_required
def survey_page(request, pk):
    campaign = owned_campaign(request, pk)
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    survey = Survey.for_campaign(campaign)
    answers = SurveyAnswer.objects.filter(survey=survey).select_related("partnership__influencer")
    return render(
        request,
        "kpis/survey.html",
        {
            "campaign": campaign,
            "survey": survey,
            "url": survey_url(survey),
            "qr": qr_svg(survey_url(survey), title=survey_url(survey)),
            "answers": answers[:ANSWERS_SHOWN],
            "answer_count": answers.count(),
            "closed": rules.closed_reason(campaign=campaign, today=timezone.localdate()),
            "daily_cap": rules.DAILY_CAP,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_delete(request, pk, answer_pk):
    """Take an answer out of the results (one the owner knows is not a real customer's)."""
    campaign = owned_campaign(request, pk)
    answer = get_owned_or_404(
        SurveyAnswer, owner=request.user, pk=answer_pk, survey__campaign=campaign
    )
    return delete_page(
        request,
        campaign,
        answer,
        question=_("Delete this survey answer from %(when)s? It will no longer be counted.")
        % {"when": answer.day},
        done_url=reverse("kpis:survey_page", args=[campaign.pk]),
        done_message=_("Survey answer deleted."),
    )
