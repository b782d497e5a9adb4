"""The unsubscribe link of every reminder e-mail: no log-in, the signed token is the key.

GET shows a page with one button (link checkers and mail scanners open links, and must not
unsubscribe anyone); POST turns the reminder off. Mail clients' own "unsubscribe" button
POSTs ``List-Unsubscribe=One-Click`` here without a CSRF token (RFC 8058), hence the exemption:
the token, not a cookie, says who is asking.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import ReminderKind

from .unsubscribe import read_unsubscribe_token, turn_off


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    if found is None:
        raise Http404
    owner_id, kind = found
    context = {"kind_label": ReminderKind(kind).label, "token": token}
    if request.method == "POST":
        if turn_off(owner_id=owner_id, kind=kind) is None:
            raise Http404
        return render(request, "reports/unsubscribed.html", context)
    return render(request, "reports/unsubscribe.html", context)
