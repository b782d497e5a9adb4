"""File imports: upload, (map the columns,) preview, confirm. Nothing is written until the
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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import reader

from .. import sources
from ..import_forms import AccountForm, ColumnMappingForm, ImportUploadForm
from ..sources import generic
from .common import owned_campaign

SESSION_PREFIX = "kpis-import-"
PREVIEW_ROWS = 200
PREVIEW_MESSAGES = 200


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
            "recognised": form.recognised,
            "text": form.text,
            "encoding": form.encoding,
            "delimiter": form.delimiter,
            "filename": form.cleaned_data["file"].name,
        }
        return redirect(reverse("kpis:import_preview", args=[campaign.pk]) + f"?token={token}")
    return render(
        request,
        "kpis/import_upload.html",
        {"campaign": campaign, "form": form, "sources": sources.REGISTRY.values()},
    )


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
    source = sources.get(upload["kind"])
    context = sources.ImportContext.for_campaign(campaign)
    page = {
        "campaign": campaign,
        "token": token,
        "source": source,
        "recognised": upload.get("recognised"),
        "filename": upload["filename"],
    }
    try:
        table = reader.read_table(upload["text"], delimiter=upload.get("delimiter"))
        table.encoding = upload.get("encoding", "")
        mapping = _mapping(source, table, data, page, context)
        result = source.read(table, context, mapping=mapping)
    except reader.BadFile as error:
        return render(request, "kpis/import_preview.html", {**page, "bad_file": error})

    if request.method == "POST" and result.ok:
        try:
            added = source.save(result.rows, owner=request.user, context=context)
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

    page.update(
        result=result,
        summary=sources.summary(result=result, source=source, context=context),
        rows=[source.describe(row, context) for row in result.rows[:PREVIEW_ROWS]],
        more_rows=max(0, len(result.rows) - PREVIEW_ROWS),
        errors=result.errors[:PREVIEW_MESSAGES],
        more_errors=max(0, len(result.errors) - PREVIEW_MESSAGES),
        left_out=result.left_out[:PREVIEW_MESSAGES],
        more_left_out=max(0, len(result.left_out) - PREVIEW_MESSAGES),
        mapping=mapping or {},
    )
    return render(request, "kpis/import_preview.html", page)


def _mapping(source, table, data, page, context):
    """The owner's column choices (or whose account the file is) for a source that asks for
    them (the form goes in ``page``), else None."""
    if source.asks_account:
        form = AccountForm(
            data if "account" in data else None, influencers=context.influencer_names
        )
        page["account_form"] = form
        return form.mapping()
    if not source.maps_columns:
        return None
    has_mapping = any(name in data for name in generic.FIELDS)
    guessed = generic.guess_mapping(table.header)
    form = ColumnMappingForm(data if has_mapping else None, header=table.header, initial=guessed)
    page["mapping_form"] = form
    if not has_mapping:
        return guessed
    return form.mapping() if form.is_valid() else dict.fromkeys(generic.FIELDS, "")
