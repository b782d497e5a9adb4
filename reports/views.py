"""Report pages: the portfolio, the campaign dashboard, PDFs, the calendar file and exports.

Views stay thin: the numbers come from ``reports.services`` (which calls ``kpis.services``),
the PDFs from ``reports.pdf``, the calendar from ``reports.calendar``.
"""

from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from accounts.models import currency_of
from accounts.owned import get_owned_or_404, owned
from accounts.pagination import TABLE_PAGINATION
from campaigns.models import Campaign, CampaignStatus
from campaigns.plan.checklist import checklist_sections, progress
from influencers.exports import SafeTableExport
from kpis.models import Measurement

from . import measurement_exports, pdf
from .caching import cached_dashboard
from .calendar import campaign_calendar
from .services import (
    campaign_comparison,
    campaign_dashboard,
    campaign_timeline,
    checklist_details,
    portfolio_rows,
    portfolio_totals,
)
from .tables import InfluencerResultsTable, PortfolioTable

EXPORT_FORMATS = ("csv", "xlsx")


def owned_campaign(request, pk):
    campaign = get_owned_or_404(Campaign, owner=request.user, pk=pk)
    campaign.owner = request.user  # the owner is the signed-in user: not read a second time
    return campaign


@login_required
def portfolio(request):
    campaigns = list(owned(Campaign, owner=request.user))
    rows = portfolio_rows(campaigns=campaigns)
    table = PortfolioTable(
        campaigns,
        results=rows,
        totals=portfolio_totals(rows=rows.values()),
        currency=currency_of(request.user),
    )
    RequestConfig(request, paginate=TABLE_PAGINATION).configure(table)
    return render(request, "reports/portfolio.html", {"table": table, "has_campaigns": rows})


def dashboard_context(request, campaign, data=None, sorted_table=False):
    """The dashboard's (and the report PDF's) context, each part gathered when it is first
    read: the comparison table only when a section draws it."""
    data = data or campaign_dashboard(campaign=campaign)

    def influencer_table():
        table = InfluencerResultsTable(data.comparison, currency=currency_of(request.user))
        if sorted_table:
            RequestConfig(request, paginate=False).configure(table)
        return table

    return {
        "campaign": campaign,
        "dashboard": data,
        "influencer_table": SimpleLazyObject(influencer_table),
    }


def table_sort(request):
    """The comparison table's sorting, as a name for the cached sections; None when the
    address carries anything else (sections drawn for it are not kept, so made-up addresses
    cannot fill the cache)."""
    sort = request.GET.get("sort", "")
    sortable = {"", *InfluencerResultsTable.base_columns}
    if set(request.GET) - {"sort"} or sort.lstrip("-") not in sortable:
        return None
    return sort


@login_required
def dashboard(request, pk):
    campaign = owned_campaign(request, pk)
    if campaign.status == CampaignStatus.DRAFT:
        return render(request, "reports/draft.html", {"campaign": campaign})

    body = cached_dashboard(
        request=request,
        campaign=campaign,
        context=lambda data: dashboard_context(request, campaign, data, sorted_table=True),
        sort=table_sort(request),
    )
    return render(request, "reports/dashboard.html", {"campaign": campaign, "body": body})


def pdf_view(request, template_name, context, filename):
    paper = pdf.paper_from(request)
    if paper is None:
        return pdf.bad_paper_response(request)
    document = pdf.render_pdf(template_name, context, paper=paper, request=request)
    return pdf.pdf_response(document, filename)


@lru_cache(maxsize=8)
def blank_checklist_pdf(paper, language):
    """The blank checklist is the same for everyone: rendered once per paper size and language,
    so the public address costs no rendering work after the first visitor."""
    return pdf.render_pdf(
        "reports/pdf/checklist.html", {"sections": checklist_sections()}, paper=paper
    )


def checklist_blank(request):
    """The printable goal-setting checklist, open to everyone."""
    paper = pdf.paper_from(request)
    if paper is None:
        return pdf.bad_paper_response(request)
    content = blank_checklist_pdf(paper, get_language())
    return pdf.pdf_response(content, _("microreach-checklist.pdf"))


@login_required
def checklist_pdf(request, pk):
    campaign = owned_campaign(request, pk)
    sections = checklist_sections(campaign=campaign)
    context = {
        "campaign": campaign,
        "sections": sections,
        "progress": progress(sections),
        "details": checklist_details(campaign=campaign),
        "timeline": campaign_timeline(campaign=campaign),
    }
    filename = f"{slugify(campaign.name) or 'campaign'}-checklist.pdf"
    return pdf_view(request, "reports/pdf/checklist.html", context, filename)


@login_required
def report_pdf(request, pk):
    campaign = owned_campaign(request, pk)
    context = dashboard_context(request, campaign)
    context["printed_on"] = timezone.localdate()
    filename = f"{slugify(campaign.name) or 'campaign'}-report.pdf"
    return pdf_view(request, "reports/pdf/report.html", context, filename)


@login_required
def calendar(request, pk):
    campaign = owned_campaign(request, pk)
    response = HttpResponse(
        campaign_calendar(campaign), content_type="text/calendar; charset=utf-8"
    )
    filename = f"{slugify(campaign.name) or 'campaign'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_response(table, export_format, filename):
    if export_format not in EXPORT_FORMATS:
        raise Http404(_("Exports come as .csv or .xlsx files."))
    exporter = SafeTableExport(export_format, table)
    return exporter.response(filename=f"{filename}.{export_format}")


@login_required
def measurements_export(request, pk, export_format):
    campaign = owned_campaign(request, pk)
    measurements = (
        owned(Measurement, owner=request.user).filter(kpi__campaign=campaign).order_by("date", "id")
    )
    if export_format not in EXPORT_FORMATS:
        raise Http404(_("Exports come as .csv or .xlsx files."))
    name = f"{slugify(campaign.name) or 'campaign'}-measurements"
    return measurement_exports.export_response(measurements, export_format, name)


@login_required
def influencers_export(request, pk, export_format):
    campaign = owned_campaign(request, pk)
    table = InfluencerResultsTable(
        campaign_comparison(campaign=campaign), currency=currency_of(request.user)
    )
    name = f"{slugify(campaign.name) or 'campaign'}-influencers"
    return export_response(table, export_format, name)
