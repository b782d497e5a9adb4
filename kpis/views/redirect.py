"""The public tracked link: the one page on the hot path. One INSERT (and a SELECT of the
link when this process has not read it in the last few seconds), then a 302.

Clicks on a known link are answered by ``kpis.middleware.TrackedLinkMiddleware`` before the
rest of the site's middleware; the view below answers the rest (an unknown slug, a refused
method) and any set-up without that middleware."""

from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.backends import client_address

from .. import tracking
from ..clicks import find_link, forget_link, record_click


def link_not_found(request):
    return render(request, "kpis/link_not_found.html", status=404)


def click_redirect(request, slug):
    """Store a click on the link ``slug`` and answer where it goes; None when there is no
    such link (or it was deleted a moment ago by another server process)."""
    link = find_link(slug)
    if link is None:
        return None
    link_id, destination, influencer_name, campaign_name = link
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    now = timezone.now()
    try:
        record_click(
            link_id=link_id,
            at=now,
            referrer_domain=tracking.referrer_domain(request.META.get("HTTP_REFERER", "")),
            visitor_hash=tracking.visitor_hash(
                timezone.localdate(now), client_address(request), user_agent
            ),
            is_bot=tracking.is_bot(user_agent, request.method),
        )
    except IntegrityError:  # deleted by another server process since we last read it
        forget_link(slug)
        return None
    response = HttpResponseRedirect(
        tracking.link_target(destination, influencer_name, campaign_name)
    )
    # Every visit must reach us to be counted: no browser or proxy may replay the redirect.
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def follow_link(request, slug):
    return click_redirect(request, slug) or link_not_found(request)
