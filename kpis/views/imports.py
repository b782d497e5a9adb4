"""CSV imports: upload, (map the columns,) preview, confirm. Nothing is written until the
owner confirms a file without errors, and then all of it in one transaction.

Between preview and confirm the file's text waits in the owner's session under a random
token; confirming reads and checks it all again, so what is saved is what was shown.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import importers, recording
from ..forms import ColumnMappingForm, ImportKind, ImportUploadForm
from .common import owned_campaign

SESSION_PREFIX = "kpis-import-"
PREVIEW_ROWS = 200


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, pk):
    campaign = owned_campaign(request, pk)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # One file waits at a time: an upload replaces any other still waiting, so
        # abandoned previews do not pile up in the session.
        pending = [key for key in request.session.keys() if key.startswith(SESSION_PREFIX)]  # noqa: SIM118 - sessions cannot be iterated
        for key in pending:
            del request.session[key]
        token = secrets.token_urlsafe(16)
        request.session[SESSION_PREFIX + token] = {
            "campaign": campaign.pk,
            "kind": form.cleaned_data["kind"],
            "text": form.text,
            "filename": form.cleaned_data["file"].name,
        }
        return redirect(reverse("kpis:import_preview", args=[campaign.pk]) + f"?token={token}")
    return render(request, "kpis/import_upload.html", {"campaign": campaign, "form": form})


def stored_upload(request, campaign, token):
    """The file waiting under this token for this campaign, or None."""
    upload = request.session.get(SESSION_PREFIX + (token or ""))
    if not upload or upload["campaign"] != campaign.pk:
        return None
    return upload


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, pk):
    campaign = owned_campaign(request, pk)
    data = request.POST if request.method == "POST" else request.GET
    token = data.get("token")
    upload = stored_upload(request, campaign, token)
    if upload is None:
        messages.warning(
            request,
            _(
                "That file is no longer waiting to be imported (it was imported, or another "
                "file was uploaded since). Upload it again."
            ),
        )
        return redirect("kpis:import", pk=campaign.pk)
    kind = upload["kind"]
    lookups = recording.ImportLookups.for_campaign(campaign)
    context = {
        "campaign": campaign,
        "token": token,
        "kind": kind,
        "kind_label": dict(ImportKind.CHOICES)[kind],
        "filename": upload["filename"],
    }
    mapping = None
    if kind == ImportKind.GENERIC:
        try:
            header = importers.generic_header(upload["text"])
        except importers.BadFile as error:
            return render(request, "kpis/import_preview.html", {**context, "bad_file": error})
        has_mapping = any(name in data for name in importers.GENERIC_FIELDS)
        mapping_form = ColumnMappingForm(
            data if has_mapping else None,
            header=header,
            initial=importers.guess_mapping(header),
        )
        context["mapping_form"] = mapping_form
        if has_mapping and mapping_form.is_valid():
            mapping = mapping_form.mapping()
        elif not has_mapping:
            mapping = importers.guess_mapping(header)
    try:
        result = recording.parse_file(
            kind, upload["text"], lookups, mapping, today=timezone.localdate()
        )
    except importers.BadFile as error:
        return render(request, "kpis/import_preview.html", {**context, "bad_file": error})

    if request.method == "POST" and result.ok:
        try:
            added = recording.save_file(kind, request.user, campaign, result, lookups)
        except IntegrityError:
            messages.error(
                request,
                _("Some of these orders were saved meanwhile. Nothing was imported: try again."),
            )
            return redirect(request.get_full_path())
        del request.session[SESSION_PREFIX + token]
        messages.success(
            request,
            _("Imported %(count)s rows from %(file)s.")
            % {"count": added, "file": upload["filename"]},
        )
        return redirect("kpis:measurements", pk=campaign.pk)

    context.update(
        result=result,
        rows=describe_rows(kind, result.rows[:PREVIEW_ROWS], campaign),
        more_rows=max(0, len(result.rows) - PREVIEW_ROWS),
        mapping=mapping or {},
    )
    return render(request, "kpis/import_preview.html", context)


def describe_rows(kind, rows, campaign):
    """[(line, date, what, whose, number)] in the owner's words, for the preview table."""
    kpi_names = {kpi.pk: str(kpi) for kpi in campaign.kpis.all()}
    partnerships = list(campaign.partnerships.select_related("influencer"))
    partners = {p.pk: p.influencer.name for p in partnerships}
    influencer_names = {p.influencer_id: p.influencer.name for p in partnerships}
    whole = _("whole campaign")
    described = []
    for row in rows:
        if kind == ImportKind.GENERIC:
            what = kpi_names[row.kpi_id]
            whose = influencer_names.get(row.influencer_id, whole)
            number = row.value
        elif kind == ImportKind.SHOPIFY:
            what = _("Order %(order)s, code %(code)s") % {"order": row.order_ref, "code": row.code}
            whose = partners[row.partnership_id]
            number = row.revenue
        else:
            what = _("Website visits")
            whose = influencer_names.get(row.influencer_id, whole)
            number = row.sessions
        described.append((row.line, row.date, what, whose, number))
    return described
