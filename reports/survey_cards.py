"""The customer survey's printed card (A6 or A5) and poster (A4 or US letter), with its
QR code: "Tell us how you found us", for the till, the counter or a receipt."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import business_of
from accounts.owned import get_owned_or_404
from campaigns.models import Campaign
from kpis.models import Survey
from kpis.qr import qr_svg
from kpis.views.survey import survey_url

from . import pdf


def _survey_context(request: HttpRequest, pk: int) -> tuple[Campaign, dict[str, Any]]:
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    survey = Survey.for_campaign(campaign)
    url = survey_url(survey)
    return campaign, {
        "campaign": campaign,
        "business": business_of(request.user),
        "url": url,
        "qr": qr_svg(url, title=_("Scan to answer one question")),
    }


def card_size_from(request: HttpRequest) -> str | None:
    size = request.GET.get("size", "a6").strip().lower()
    return size if size in pdf.CARD_SIZES else None


@login_required
def survey_card(request: HttpRequest, pk: int) -> HttpResponse:
    campaign, context = _survey_context(request, pk)
    size = card_size_from(request)
    if size is None:
        message = _("Unknown card size. Use ?size=a6 or ?size=a5.")
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    content = pdf.render_pdf("reports/pdf/survey_card.html", {**context, "size": size}, paper=size)
    return pdf.pdf_response(content, f"{slugify(campaign.name) or 'campaign'}-survey-card.pdf")


@login_required
def survey_poster(request: HttpRequest, pk: int) -> HttpResponse:
    campaign, context = _survey_context(request, pk)
    paper = pdf.paper_from(request)
    if paper is None:
        return pdf.bad_paper_response(request)
    content = pdf.render_pdf(
        "reports/pdf/survey_card.html", {**context, "size": "poster"}, paper=paper
    )
    return pdf.pdf_response(content, f"{slugify(campaign.name) or 'campaign'}-survey-poster.pdf")
