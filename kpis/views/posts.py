"""The owner's side of posts: every influencer's posts on a campaign, added, corrected or
removed, and the new ones an influencer sent marked as checked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.bounds import is_row_id
from accounts.owned import get_owned_or_404, owned
from campaigns.models import Partnership
from campaigns.partnerships import page_url

from ..models import Post, PostEnteredBy
from ..post_forms import OwnerPostForm
from ..posts import campaign_posts, delete_post, is_unusual_host, mark_posts_seen, save_post
from .common import delete_page, form_page, owned_campaign
from .links import SAFE_METHODS


@login_required
def post_list(request, pk):
    campaign = owned_campaign(request, pk)
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    posts = campaign_posts(campaign=campaign)
    partnerships = owned(Partnership, owner=request.user).filter(campaign=campaign)
    rows = [
        {"partnership": p, "posts": posts.get(p.pk, []), "page_url": page_url(p)}
        for p in partnerships.select_related("influencer")
    ]
    new_posts = [post for row in rows for post in row["posts"] if not post.seen_by_owner]
    return render(
        request,
        "kpis/posts.html",
        {"campaign": campaign, "rows": rows, "new_posts": new_posts},
    )


def saved_message(post):
    message = _("Post saved for %(name)s.") % {"name": post.partnership.influencer.name}
    if is_unusual_host(url=post.url, platform=post.platform):
        message += " " + _(
            "Its link is not on %(platform)s's own site: open it once to check it shows the post."
        ) % {"platform": post.get_platform_display()}
    return message


def post_form_page(request, campaign, form, *, title):
    return form_page(
        request,
        campaign,
        form,
        title=title,
        done_url=reverse("kpis:posts", args=[campaign.pk]),
        done_message=saved_message,
        save=lambda: save_post(post=form.save(commit=False), entered_by=PostEnteredBy.OWNER),
        intro=_(
            "Numbers you leave empty count as not known. Only likes, comments and shares "
            "count as interactions; views or reach count towards the reach."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request, pk):
    campaign = owned_campaign(request, pk)
    initial = {}
    chosen = request.GET.get("partnership", "")
    if is_row_id(chosen):
        initial["partnership"] = chosen
    form = OwnerPostForm(
        request.POST or None,
        initial=initial,
        instance=Post(owner=request.user),
        campaign=campaign,
        owner=request.user,
    )
    return post_form_page(request, campaign, form, title=_("Record a post"))


def owned_post(request, campaign, post_pk):
    return get_owned_or_404(
        Post.objects.select_related("partnership__influencer"),
        owner=request.user,
        pk=post_pk,
        partnership__campaign=campaign,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk, post_pk):
    campaign = owned_campaign(request, pk)
    post = owned_post(request, campaign, post_pk)
    form = OwnerPostForm(request.POST or None, instance=post, campaign=campaign, owner=request.user)
    title = _("%(name)s's post of %(date)s") % {
        "name": post.partnership.influencer.name,
        "date": post.posted_on.isoformat(),
    }
    return post_form_page(request, campaign, form, title=title)


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request, pk, post_pk):
    campaign = owned_campaign(request, pk)
    post = owned_post(request, campaign, post_pk)
    if request.method == "POST":
        delete_post(post=post)
        messages.success(request, _("Post removed."))
        return redirect("kpis:posts", pk=campaign.pk)
    return delete_page(
        request,
        campaign,
        post,
        question=_("Remove %(name)s's post of %(date)s? Its numbers leave the dashboard.")
        % {"name": post.partnership.influencer.name, "date": post.posted_on.isoformat()},
        done_url=reverse("kpis:posts", args=[campaign.pk]),
        done_message="",
    )


@login_required
@require_POST
def posts_seen(request, pk):
    campaign = owned_campaign(request, pk)
    mark_posts_seen(campaign=campaign)
    messages.success(request, _("Marked as checked."))
    return redirect("kpis:posts", pk=campaign.pk)
