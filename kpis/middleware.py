"""The tracked link's click, answered ahead of most of the site's middleware."""

import functools
import re

from django.urls import reverse

from .views.redirect import click_redirect

SAFE_METHODS = frozenset({"GET", "HEAD"})
SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # as the URL's <slug:...>


@functools.cache
def _link_prefix():
    placeholder = "x"
    return reverse("kpis:redirect", args=[placeholder]).removesuffix(placeholder)


class TrackedLinkMiddleware:
    """Stores a click on a known tracked link and answers its redirect straight away.

    A click reads no cookie, has no user, shows no page and may not be cached, so the
    middleware after this one (sessions, language, CSRF, log-in, messages, frame and content
    policies, htmx, login limiting) has nothing to do for it; skipping them is most of what a
    click costs beyond its one INSERT. Place it after SecurityMiddleware (HTTPS redirect, HSTS
    and the other security headers still apply). Anything else, including an unknown slug or
    a link deleted a moment ago, goes on down the stack to the view as usual.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            prefix = _link_prefix()
            path = request.path_info
            if path.startswith(prefix) and SLUG.fullmatch(path, len(prefix)):
                response = click_redirect(request, path[len(prefix) :])
                if response is not None:
                    return response
        return self.get_response(request)
