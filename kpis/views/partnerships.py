"""One influencer on one campaign, for the owner: the deal, their posts, their private page
link (issue, re-issue, revoke) and the messages to send them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import business_of
from accounts.owned import get_owned_or_404
from accounts.versions import STALE, is_stale, version_of
from campaigns.deals import follow_up, is_delivered
from campaigns.models import Partnership
from campaigns.partnerships import (
    issue_page,
    page_is_open,
    page_url,
    revoke_page,
    sync_roster_status,
    thank_you_message,
    with_page_link,
)

from ..post_forms import DealForm, PageLinkForm
from ..posts import campaign_posts, totals, with_post_counts
from .common import owned_campaign


def owned_partnership(request, campaign, partnership_pk):
    return get_owned_or_404(
        with_post_counts(Partnership.objects.select_related("influencer", "campaign")),
        owner=request.user,
        pk=partnership_pk,
        campaign=campaign,
    )


@login_required
@require_http_methods(["GET", "POST"])
@transaction.atomic  # the version check locks the row until the save (accounts.versions)
def partnership_detail(request, pk, partnership_pk):
    campaign = owned_campaign(request, pk)
    partnership = owned_partnership(request, campaign, partnership_pk)
    form = DealForm(request.POST or None, instance=partnership)
    if request.method == "POST" and is_stale(data=request.POST, row=partnership):
        form.is_valid()
        form.add_error(None, STALE)
    elif request.method == "POST" and form.is_valid():
        form.save()
        sync_roster_status(influencer=partnership.influencer)
        messages.success(request, _("Deal saved for %(name)s.") % {"name": partnership.influencer})
        return redirect("kpis:partnership", pk=campaign.pk, partnership_pk=partnership.pk)
    if request.method == "POST":
        partnership.refresh_from_db()
    posts = campaign_posts(campaign=campaign).get(partnership.pk, [])
    business = business_of(request.user)
    business_name = business.name if business else ""
    today = timezone.localdate()
    return render(
        request,
        "kpis/partnership.html",
        {
            "campaign": campaign,
            "partnership": partnership,
            "form": form,
            "version": version_of(partnership),
            "posts": posts,
            "totals": totals(posts),
            "delivered": is_delivered(
                posts_agreed=partnership.posts_agreed,
                due_date=partnership.due_date,
                post_count=len(posts),
            ),
            "follow_up": follow_up(
                partnership=partnership,
                post_count=len(posts),
                today=today,
                business_name=business_name,
                page_url=page_url(partnership),
            ),
            "page_url": page_url(partnership),
            "page_open": page_is_open(partnership=partnership, today=today),
            "page_form": PageLinkForm(initial={"expires_on": partnership.page_expires_on}),
            "outreach": with_page_link(partnership.outreach_message, partnership=partnership),
            "thank_you": thank_you_message(partnership=partnership, business_name=business_name),
        },
    )


@login_required
@require_POST
def partnership_page_link(request, pk, partnership_pk):
    """Issue (or re-issue, which stops the old link) or revoke the influencer's page link."""
    campaign = owned_campaign(request, pk)
    partnership = owned_partnership(request, campaign, partnership_pk)
    if request.POST.get("action") == "revoke":
        revoke_page(partnership=partnership)
        messages.success(request, _("The page link is revoked: it no longer opens anything."))
    else:
        form = PageLinkForm(request.POST)
        if form.is_valid():
            issue_page(partnership=partnership, expires_on=form.cleaned_data["expires_on"])
            messages.success(
                request,
                _("A new page link is ready. Any earlier link for %(name)s no longer works.")
                % {"name": partnership.influencer},
            )
        else:
            messages.error(request, " ".join(form.errors.get("expires_on", [])))
    return redirect("kpis:partnership", pk=campaign.pk, partnership_pk=partnership.pk)
