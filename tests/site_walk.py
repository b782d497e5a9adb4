"""Walking the whole site as the URL resolver lists it, and reading its forms as a browser
would: what the isolation, round-trip, hostile-walk and security tests share.

``walk()`` finds every address (with its id and word parameters), ``fill`` makes a path of
one, ``PageForms`` reads every form of a page (inputs, selects, textareas, hidden fields,
action, method) and ``snapshot`` tells whether a request changed the database.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import F
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.utils import timezone

from accounts.data import owned_models
from tests.accounts.owned_world import checklist_keys
from tests.factories.influencers import InfluencerFactory

PROJECT_APPS = ("accounts", "influencers", "campaigns", "kpis", "reports")
ID_NAME = re.compile(r"^(pk|id|.+_pk|.+_id)$")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


# Values tried, in order, for keyword arguments that are not ids; the first one owner A can
# open is used (so a 404 for B proves isolation, not a wrong guess).
WORDS = {
    "step": ["1", "influencers", "goal", "kpis", "needs", "tracking", "budget", "launch"],
    "item_key": lambda: checklist_keys()[:1],
}
ANY_WORD = ["1", "csv", "xlsx", "pdf", "a4", "new", "edit"]

# Views that answer 404 even to their owner unless a step before left something in the
# session; B is still checked, but A's 404 is expected. Each needs its reason.
NEEDS_EARLIER_STEP = {
    "kpis:import_preview": "the preview needs the token of a file uploaded just before",
}


@dataclass
class Walked:
    route: str  # e.g. "campaigns/<int:pk>/plan/<str:step>/"
    name: str
    converters: dict = field(default_factory=dict)

    @property
    def id_kwargs(self):
        return [
            name
            for name, converter in self.converters.items()
            if ID_NAME.match(name) or isinstance(converter, IntConverter)
        ]


def walk(patterns=None, prefix="", converters=None, namespace=""):
    """Every URL pattern of the project, with its full route and all its converters."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    converters = converters or {}
    for entry in patterns:
        pattern = entry.pattern
        own = dict(getattr(pattern, "converters", {}))
        if not own and hasattr(pattern, "regex"):
            own = {name: None for name in pattern.regex.groupindex}
        route = prefix + str(pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner_namespace = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, route, {**converters, **own}, inner_namespace)
        elif isinstance(entry, URLPattern):
            yield Walked(route, f"{namespace}{entry.name or '?'}", {**converters, **own})


# Count changes rather than hold data: owner B's own requests raise B's versions.
NOT_DATA = {"data_version", "readings_version"}


def snapshot():
    """A fingerprint of every row in our tables and the users table."""
    models = [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]
    digest = {}
    for model in [get_user_model(), *models]:
        fields = [f.attname for f in model._meta.concrete_fields if f.name not in NOT_DATA]
        rows = list(model.objects.order_by("pk").values_list(*fields))
        digest[model._meta.label] = (
            len(rows),
            hashlib.sha256(repr(rows).encode()).hexdigest(),
        )
    return digest


def model_for(kwarg, route):
    """The model a keyword names, by the team's URL convention, or None."""
    models = owned_models()
    if kwarg in ("pk", "id"):
        wanted = route.strip("^/").split("/")[0].rstrip("s")
    else:
        wanted = kwarg.rsplit("_", 1)[0].replace("_", "")
    exact = [m for m in models if m._meta.model_name == wanted]
    if exact:
        return exact[0]
    ending = [m for m in models if m._meta.model_name.endswith(wanted)]
    return ending[0] if len(ending) == 1 else None


def fill(route, values):
    """The concrete path of a route ("campaigns/<int:pk>/" -> "/campaigns/7/")."""
    if "(" in route or "^" in route:
        raise ValueError("regular-expression route")
    return "/" + ROUTE_PARAMETER.sub(lambda m: str(values[m["name"]]), route)


def word_candidates(name):
    candidates = WORDS.get(name, ANY_WORD)
    return candidates() if callable(candidates) else candidates


def form_payload(world):
    """Plausible form data touching the fields our forms have, so a view that forgot the
    owner check would save something and show up in the snapshot."""
    today = timezone.localdate().isoformat()
    return {
        "name": "Taken over",
        "note": "Taken over",
        "value": "999",
        "date": today,
        "status": "declined",
        "ticked": "on",
        "checked": "true",
        "confirm": "yes",
        "target": "1",
        "baseline": "0",
        "fee": "1",
        "slug": "taken-over",
        "destination": "https://attacker.example/",
        "influencer": world[InfluencerFactory._meta.model].pk,
        "end_date": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
    }


def not_logged_in(response):
    return response.status_code in (301, 302) and "/accounts/login/" in response.get("Location", "")


# Hidden inputs that carry an object's id ("partnership", "profiles-0-id"), not a count.
HIDDEN_ID = re.compile(r"(^|[-_])(id|pk|influencer|campaign|partnership|kpi|checkin|link)s?$")


class PageForms(HTMLParser):
    """The forms of a page with the values a browser would send, and the choices offered."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def _set(self, name, value, many=False):
        fields = self._form["fields"]
        if many and name in fields:
            fields[name] = [*([fields[name]] if isinstance(fields[name], str) else fields[name])]
            fields[name].append(value)
        else:
            fields[name] = value

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": {},
                "choices": {},
                "files": [],
            }
            return
        if tag == "option" and self._form is not None and self._select:
            value = attrs.get("value", "")
            self._form["choices"][self._select].append(value)
            if "selected" in attrs or self._select not in self._form["fields"]:
                self._set(self._select, value)
            return
        name = attrs.get("name")
        if self._form is None or not name:
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind == "file":
                self._form["files"].append(name)
            elif kind in ("checkbox", "radio"):
                self._form["choices"].setdefault(name, []).append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self._set(name, attrs.get("value", "on"), many=kind == "checkbox")
            elif kind not in ("submit", "button", "image", "reset"):
                self._set(name, attrs.get("value", ""))
                if kind == "hidden" and HIDDEN_ID.search(name):
                    self._form["choices"].setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "select":
            self._select = name
            self._form["choices"][name] = []
        elif tag == "textarea":
            self._textarea = name
            self._set(name, "")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def page_forms(response):
    parser = PageForms()
    parser.feed(response.content.decode(errors="replace"))
    return parser.forms


def cross_owner_references():
    """Rows that point at a row of another owner (e.g. B's partnership with A's influencer)."""
    owned = owned_models()
    found = []
    for model in owned:
        for key in model._meta.concrete_fields:
            if key.is_relation and key.related_model in owned and key.name != "owner":
                rows = model.objects.filter(**{f"{key.name}__isnull": False}).exclude(
                    **{f"{key.name}__owner": F("owner")}
                )
                found += [
                    f"{model._meta.label} {pk}.{key.name}"
                    for pk in rows.values_list("pk", flat=True)
                ]
    return found
