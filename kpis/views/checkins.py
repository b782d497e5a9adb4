"""The check-in page: numbers typed in by hand, the log of what was changed and why, and
promo codes used in the shop."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.middleware import versioned_by_the_database
from accounts.once import already_submitted
from accounts.owned import get_owned_or_404, owned

from .. import recording, services
from ..forms import CheckInForm, CheckInNoteForm, MeasurementForm, RedemptionForm
from ..models import CheckIn, Measurement, Redemption
from .common import delete_page, form_page, owned_campaign

LOG_LENGTH = 30
OTHER_READINGS_SHOWN = 50


def measurements_url(campaign):
    return reverse("kpis:measurements", args=[campaign.pk])


def page_context(request, campaign, checkin_form=None, redemption_form=None):
    statuses = services.campaign_kpi_statuses(campaign=campaign)
    readings = Measurement.objects.select_related("kpi", "influencer").order_by("-date", "-id")
    checkins = list(
        owned(CheckIn, owner=request.user)
        .filter(campaign=campaign)
        .prefetch_related(Prefetch("measurements", queryset=readings))[:LOG_LENGTH]
    )
    other_readings = owned(readings, owner=request.user).filter(
        kpi__campaign=campaign, checkin__isnull=True
    )
    redemptions = (
        owned(Redemption, owner=request.user)
        .filter(partnership__campaign=campaign)
        .select_related("partnership__influencer")
        .order_by("-date", "-id")
    )
    return {
        "campaign": campaign,
        "form": checkin_form or CheckInForm(campaign=campaign),
        "automatic_statuses": [s for s in statuses if services.is_automatic(s.kpi)],
        "needs_adjusting": [s for s in statuses if s.below_adjustment_threshold],
        "checkins": checkins,
        "other_readings": other_readings[:OTHER_READINGS_SHOWN],
        "other_readings_count": other_readings.count(),
        "redemption_form": redemption_form or RedemptionForm(campaign=campaign),
        "redemptions": redemptions[:OTHER_READINGS_SHOWN],
        "redemptions_count": redemptions.count(),
        "has_partners": campaign.partnerships.exists(),
    }


@versioned_by_the_database  # writes readings and check-ins only
@login_required
@require_http_methods(["GET", "POST"])
def measurements(request, pk):
    campaign = owned_campaign(request, pk)
    form = None
    if request.method == "POST":
        form = CheckInForm(request.POST, campaign=campaign)
        if form.is_valid() and already_submitted(request):
            messages.info(request, _("That check-in was already saved."))
            return redirect(measurements_url(campaign))
        if form.is_valid():
            recording.record_checkin(
                campaign=campaign,
                owner=request.user,
                date=form.cleaned_data["date"],
                note=form.cleaned_data["note"].strip(),
                readings=form.readings(),
            )
            messages.success(request, _("Check-in saved."))
            return redirect(measurements_url(campaign))
    return render(request, "kpis/measurements.html", page_context(request, campaign, form))


def owned_measurement(request, campaign, measurement_pk):
    return get_owned_or_404(
        Measurement.objects.select_related("kpi"),
        owner=request.user,
        pk=measurement_pk,
        kpi__campaign=campaign,
    )


@versioned_by_the_database  # writes readings and check-ins only
@login_required
@require_http_methods(["GET", "POST"])
def measurement_edit(request, pk, measurement_pk):
    campaign = owned_campaign(request, pk)
    measurement = owned_measurement(request, campaign, measurement_pk)
    return form_page(
        request,
        campaign,
        MeasurementForm(request.POST or None, instance=measurement, campaign=campaign),
        title=_("Change a reading of %(kpi)s") % {"kpi": measurement.kpi},
        done_url=measurements_url(campaign),
        done_message=_("Reading updated."),
    )


@versioned_by_the_database  # writes readings and check-ins only
@login_required
@require_http_methods(["GET", "POST"])
def measurement_delete(request, pk, measurement_pk):
    campaign = owned_campaign(request, pk)
    measurement = owned_measurement(request, campaign, measurement_pk)
    return delete_page(
        request,
        campaign,
        measurement,
        question=_("Delete the reading of %(kpi)s on %(date)s (%(value)s)?")
        % {"kpi": measurement.kpi, "date": measurement.date, "value": measurement.value},
        done_url=measurements_url(campaign),
        done_message=_("Reading deleted."),
    )


@versioned_by_the_database  # writes readings and check-ins only
@login_required
@require_http_methods(["GET", "POST"])
def checkin_edit(request, pk, checkin_pk):
    campaign = owned_campaign(request, pk)
    checkin = get_owned_or_404(CheckIn, owner=request.user, pk=checkin_pk, campaign=campaign)
    return form_page(
        request,
        campaign,
        CheckInNoteForm(request.POST or None, instance=checkin, campaign=campaign),
        title=_("Change a check-in"),
        done_url=measurements_url(campaign),
        done_message=_("Check-in updated."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def redemption_add(request, pk):
    campaign = owned_campaign(request, pk)
    if request.method == "GET":  # the form lives on the check-in page
        return redirect(measurements_url(campaign) + "#promo-codes")
    form = RedemptionForm(request.POST, campaign=campaign)
    if form.is_valid() and already_submitted(request):
        messages.info(request, _("That promo code use was already saved."))
        return redirect(measurements_url(campaign) + "#promo-codes")
    if form.is_valid():
        redemption = form.save(commit=False)
        redemption.owner = request.user
        redemption.save()
        messages.success(request, _("Promo code use saved."))
        return redirect(measurements_url(campaign) + "#promo-codes")
    return render(
        request,
        "kpis/measurements.html",
        page_context(request, campaign, redemption_form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def redemption_delete(request, pk, redemption_pk):
    campaign = owned_campaign(request, pk)
    redemption = get_owned_or_404(
        Redemption.objects.select_related("partnership"),
        owner=request.user,
        pk=redemption_pk,
        partnership__campaign=campaign,
    )
    return delete_page(
        request,
        campaign,
        redemption,
        question=_("Delete this use of code %(code)s on %(date)s?")
        % {"code": redemption.partnership.promo_code, "date": redemption.date},
        done_url=measurements_url(campaign) + "#promo-codes",
        done_message=_("Promo code use deleted."),
    )
