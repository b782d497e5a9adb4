"""The influencer's own page, /p/<token>/: no account, only the unguessable link the owner
sent. It shows only this partnership's part and takes the numbers of their posts.

No session or CSRF cookie is set (the page has no ambient credentials to protect: the token
in the address is the credential, and a forged form would need it), no Referer leaves with
the token, and a wrong, expired or revoked token is a plain 404 that saves nothing.
"""

import segno
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.backends import client_address
from accounts.models import business_of
from campaigns.models import Partnership
from campaigns.partnerships import page_is_open

from ..models import Post, PostEnteredBy
from ..post_forms import InfluencerPostForm
from ..posts import INSIGHTS_NOTES, save_post, totals
from ..public_limits import within_limit
from ..services import counted_for_partnership

VIEWS_PER_ADDRESS = (120, 600)  # (requests, seconds)
POSTS_PER_PAGE = (20, 3600)


def private(response):
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def not_found(request):
    return private(render(request, "kpis/influencer_page_gone.html", status=404))


def too_many(request):
    response = render(request, "kpis/influencer_page_busy.html", status=429)
    response["Retry-After"] = "600"
    return private(response)


def open_partnership(token):
    partnership = (
        Partnership.objects.select_related("influencer", "campaign", "owner__business")
        .filter(page_token=token)
        .first()
    )
    if partnership is None or not page_is_open(partnership=partnership, today=timezone.localdate()):
        return None
    return partnership


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def influencer_page(request, token):
    if not within_limit(
        scope="influencer-page",
        key=client_address(request) or "",
        limit=VIEWS_PER_ADDRESS[0],
        seconds=VIEWS_PER_ADDRESS[1],
    ):
        return too_many(request)
    partnership = open_partnership(token)
    if partnership is None:
        return not_found(request)
    campaign = partnership.campaign
    form = InfluencerPostForm(
        request.POST if request.method == "POST" else None,
        instance=Post(partnership=partnership, owner=partnership.owner),
        campaign=campaign,
        prefix="post",
    )
    if request.method == "POST":
        if not within_limit(
            scope="influencer-page-posts",
            key=token,
            limit=POSTS_PER_PAGE[0],
            seconds=POSTS_PER_PAGE[1],
        ):
            return too_many(request)
        if form.is_valid():
            save_post(post=form.save(commit=False), entered_by=PostEnteredBy.INFLUENCER)
            # See-other to the page itself, so a reload does not send the post twice.
            return private(redirect(request.path + "?sent=1", permanent=False))
    posts = list(Post.objects.filter(partnership=partnership).order_by("posted_on", "pk"))
    link = getattr(partnership, "tracked_link", None)
    link_url = link.public_url if link else ""
    business = business_of(partnership.owner)
    response = render(
        request,
        "kpis/influencer_page.html",
        {
            "partnership": partnership,
            "campaign": campaign,
            "business": business,
            "link_url": link_url,
            "qr": segno.make(link_url, error="m").svg_data_uri(scale=6, border=2)
            if link_url
            else "",
            "numbers": counted_for_partnership(partnership=partnership),
            "posts": posts,
            "totals": totals(posts),
            "form": form,
            "notes": [str(note) for note in INSIGHTS_NOTES.values()],
            "sent": request.GET.get("sent") == "1" and request.method == "GET",
        },
    )
    return private(response)
