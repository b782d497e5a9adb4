"""Tenant isolation across the whole site, found from the URL resolver.

Every URL pattern that takes an object id is opened by a second owner, by GET and by POST,
with owner A's ids (and, for nested addresses, with B's own outer object and A's inner one).
Each must answer 404 and change nothing in the database. New views are covered as soon as
they are added to a urls.py; a keyword this walker cannot map fails the test by name.
Then B fills in B's own forms with A's ids in every id field they offer: no row may end up
pointing at another owner's row.

Convention (team brief): under ``influencers/`` ``pk`` is an Influencer, under ``campaigns/``
a Campaign; ``<model>_pk`` names the model (``kpi_pk`` -> CampaignKPI, ``link_pk`` ->
TrackedLink, matched by the end of the model name). The admin is left out: it is for staff,
checked by ``is_staff``, and an owner is never staff (see the last test).
"""

import itertools

import pytest
from django.apps import apps
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path, resolve
from django.utils import timezone

from accounts.owned import get_owned_or_404
from tests.accounts.owned_world import build_world
from tests.factories.campaigns import CampaignFactory
from tests.factories.influencers import InfluencerFactory
from tests.site_walk import (
    NEEDS_EARLIER_STEP,
    cross_owner_references,
    fill,
    form_payload,
    model_for,
    not_logged_in,
    page_forms,
    snapshot,
    walk,
    word_candidates,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def worlds(owner, other_owner):
    return build_world(owner), build_world(other_owner)


def id_routes():
    return [walked for walked in walk() if walked.id_kwargs]


def reachable_path(owner_client, walked, ids_a):
    """The address with A's ids and the first words owner A can open, and those words."""
    words = [name for name in walked.converters if name not in walked.id_kwargs]
    for combo in itertools.product(*(word_candidates(name) for name in words)):
        chosen = dict(zip(words, combo, strict=True))
        response = owner_client.get(fill(walked.route, {**ids_a, **chosen}))
        if response.status_code != 404 and not not_logged_in(response):
            return chosen
    return None


def isolation_failures(owner, other_owner, world_a, world_b, routes=None):
    """(failures, addresses checked) for these routes (default: every id-taking route)."""
    # A crash is reported with the rest (as a 500), not raised, so one run lists everything.
    owner_client = Client(raise_request_exception=False)
    owner_client.force_login(owner)
    client = Client(raise_request_exception=False)
    client.force_login(other_owner)
    failures, checked = [], []

    for walked in id_routes() if routes is None else routes:
        label = f"{walked.route} ({walked.name})"
        kwargs_models = {name: model_for(name, walked.route) for name in walked.id_kwargs}
        unmapped = [name for name, model in kwargs_models.items() if model is None]
        if unmapped:
            failures.append(f"{label}: cannot tell which model {unmapped} names")
            continue
        if "(" in walked.route or "^" in walked.route:
            failures.append(f"{label}: write it with path(), not a regular expression")
            continue
        ids_a = {name: world_a[model].pk for name, model in kwargs_models.items()}
        ids_b = {name: world_b[model].pk for name, model in kwargs_models.items()}

        # Owner A must be able to open the address, or the ids or words we made are wrong.
        words = reachable_path(owner_client, walked, ids_a)
        if words is None and walked.name in NEEDS_EARLIER_STEP:
            words = {}
        if words is None:
            failures.append(
                f"{label}: owner A gets 404 for every value tried: "
                "add the right word to WORDS in tests/site_walk.py"
            )
            continue

        # B with all of A's ids; then, for nested addresses, B's own outer ids with one of A's.
        variants = [ids_a]
        if len(ids_a) > 1:
            variants += [{**ids_b, name: ids_a[name]} for name in ids_a]
        for ids in variants:
            path = fill(walked.route, {**ids, **words})
            before = snapshot()
            answers = {
                "GET": client.get(path),
                "GET htmx": client.get(path, HTTP_HX_REQUEST="true"),
                "POST {}": client.post(path, {}),
                "POST form": client.post(path, form_payload(world_b)),
                "POST htmx": client.post(path, form_payload(world_b), HTTP_HX_REQUEST="true"),
            }
            after = snapshot()
            changed = [table for table in after if before[table] != after[table]]
            codes = {how: response.status_code for how, response in answers.items()}
            if any(not_logged_in(response) for response in answers.values()):
                failures.append(f"{path}: owner B was sent to log in; the test is broken")
            # 405 (wrong method) is answered before any lookup, the same for every id.
            elif set(codes.values()) - {404, 405} or 404 not in codes.values():
                failures.append(f"{path} [{label}]: expected 404, got {codes}")
            if changed:
                failures.append(f"{path} [{label}]: owner B changed {changed}")
            checked.append(path)
    return failures, checked


def test_another_owners_ids_answer_404_and_change_nothing(owner, other_owner, worlds):
    failures, checked = isolation_failures(owner, other_owner, *worlds)
    assert not failures, "tenant isolation failures:\n" + "\n".join(failures)
    assert len(checked) >= len(id_routes())


def inject(form, world_a, world_b):
    """The form's own values, with every id of B's it offers swapped for A's matching id
    (several when B's ids of two models are the same number)."""
    by_value = {}
    for model in world_b:
        by_value.setdefault(str(world_b[model].pk), []).append(str(world_a[model].pk))
    # Blank boxes get something plausible, so the form is valid but for the injected ids.
    today = timezone.localdate().isoformat()
    data = {
        name: (today if "date" in name else "3") if value == "" else value
        for name, value in form["fields"].items()
    }
    for name, offered in form["choices"].items():
        foreign = sorted({a_pk for value in offered for a_pk in by_value.get(value, [])})
        if foreign:
            data[name] = (
                foreign if len(foreign) > 1 or isinstance(data.get(name), list) else foreign[0]
            )
    return data


def form_routes(client, world_b, routes=None):
    """(path, form) for every page of B's that offers a POST form (deleting forms last)."""
    found = []
    for walked in walk() if routes is None else routes:
        ids_b = {}
        for name in walked.id_kwargs:
            model = model_for(name, walked.route)
            if model is None or "(" in walked.route:
                break
            ids_b[name] = world_b[model].pk
        else:
            words = reachable_path(client, walked, ids_b)
            if words is None:
                continue
            path = fill(walked.route, {**ids_b, **words})
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in page_forms(response):
                action = form["action"] or path
                if form["method"] == "post" and "logout" not in action:
                    found.append((path, action, form))
    return sorted(found, key=lambda found_form: "delete" in found_form[1])


def injection_failures(owner, other_owner, world_a, world_b, routes=None):
    """B posts B's own forms with A's ids put into every id field they offer: what went
    wrong, and how many forms were tried."""
    client = Client(raise_request_exception=False)
    client.force_login(other_owner)
    a_rows = {
        model: model.objects.filter(owner=owner).order_by("pk").values_list() for model in world_a
    }
    before_a = {model: list(rows) for model, rows in a_rows.items()}
    forms = form_routes(client, world_b, routes)
    failures = []
    for page, action, form in forms:
        response = client.post(action, inject(form, world_a, world_b))
        if not_logged_in(response):
            failures.append(f"{page}: posting {action} logged owner B out")
            client.force_login(other_owner)
        leaks = cross_owner_references()
        if leaks:
            failures.append(f"{page} -> {action}: now {leaks}")
            break  # later leaks would repeat this one
    changed = [m._meta.label for m, rows in a_rows.items() if list(rows.all()) != before_a[m]]
    if changed:
        failures.append(f"owner A's rows changed: {changed}")
    return failures, len(forms)


def test_forms_refuse_another_owners_ids_in_what_is_posted(owner, other_owner, worlds):
    """A shortlist checkbox, a 'thanks to' influencer, a hidden partnership id...: whatever
    B sends, nothing of B's may end up pointing at A's rows, and nothing of A's may change."""
    failures, tried = injection_failures(owner, other_owner, *worlds)
    assert tried >= 10, f"only {tried} forms found: the walk is broken"
    assert not failures, "owner B could reach owner A's rows:\n" + "\n".join(failures)


@override_settings(ROOT_URLCONF=__name__)
def test_the_injection_check_catches_an_unscoped_choice(owner, other_owner, worlds):
    planted = [walked for walked in walk() if "leaky-form" in walked.route]
    failures, tried = injection_failures(owner, other_owner, *worlds, routes=planted)
    assert tried == 1
    assert len(failures) == 1 and "campaigns.Partnership" in failures[0], failures


def test_cross_owner_references_are_noticed(worlds):
    world_a, world_b = worlds
    measurement = world_b[apps.get_model("kpis", "Measurement")]
    measurement.influencer = world_a[InfluencerFactory._meta.model]
    measurement.save()
    assert cross_owner_references() == [f"kpis.Measurement {measurement.pk}.influencer"]


def leaky_read(request, pk):
    campaign = apps.get_model("campaigns", "Campaign").objects.get(pk=pk)
    return HttpResponse(campaign.name)


def leaky_write(request, pk):
    """Answers 404 to a stranger, but only after saving what they sent."""
    campaign_model = apps.get_model("campaigns", "Campaign")
    if request.method == "POST":
        campaign_model.objects.filter(pk=pk).update(name=request.POST.get("name", "x"))
    get_owned_or_404(campaign_model, owner=request.user, pk=pk)
    return HttpResponse("ok")


def leaky_nested(request, pk, kpi_pk):
    """Checks the campaign's owner but not that the KPI belongs to that campaign."""
    get_owned_or_404(apps.get_model("campaigns", "Campaign"), owner=request.user, pk=pk)
    kpi = apps.get_model("kpis", "CampaignKPI").objects.get(pk=kpi_pk)
    return HttpResponse(kpi.kind)


def leaky_form(request, pk):
    """Offers the influencers of every owner and attaches the chosen one to B's partnership."""
    partnership = get_owned_or_404(
        apps.get_model("campaigns", "Partnership"), owner=request.user, campaign__pk=pk
    )
    if request.method == "POST":
        partnership.influencer_id = request.POST["influencer"]
        partnership.save()
    options = "".join(
        f'<option value="{pk}">{pk}</option>'
        for pk in apps.get_model("influencers", "Influencer").objects.values_list("pk", flat=True)
    )
    return HttpResponse(f'<form method="post"><select name="influencer">{options}</select></form>')


def no_view(request, **kwargs):
    return HttpResponse("ok")


# Used by the test below through override_settings: one mistake of each kind, beside the site
# (whose pages, such as the 404 page, need its URL names).
urlpatterns = [
    path("campaigns/<int:pk>/leaky-read/", leaky_read),
    path("campaigns/<int:pk>/leaky-write/", leaky_write),
    path("campaigns/<int:pk>/kpis/<int:kpi_pk>/leaky/", leaky_nested),
    path("campaigns/<int:pk>/gadgets/<int:gadget_pk>/", no_view),
    path("campaigns/<int:pk>/leaky-form/", leaky_form),
    path("", include("config.urls")),
]


@override_settings(ROOT_URLCONF=__name__)
def test_the_isolation_check_catches_each_kind_of_leak(owner, other_owner, worlds):
    planted = [
        walked for walked in id_routes() if "leaky" in walked.route or "gadget" in walked.route
    ]
    failures, _ = isolation_failures(owner, other_owner, *worlds, routes=planted)
    report = "\n".join(failures)
    assert len(failures) == 4, report
    assert "leaky-read/ (?)]: expected 404, got {'GET': 200" in report
    assert "leaky-write/" in report and "changed ['campaigns.Campaign']" in report
    assert "kpis/" in report and "/leaky/ [" in report  # B's campaign, A's KPI
    assert "campaigns/<int:pk>/gadgets/<int:gadget_pk>/ (?): cannot tell which model" in report


# Addresses the design promises (DESIGN.md, "URL contract"); the walker must find each, so
# the test above cannot pass by finding nothing.
CONTRACT = [
    "/influencers/{influencer}/",
    "/influencers/{influencer}/edit/",
    "/campaigns/{campaign}/",
    "/campaigns/{campaign}/plan/1/",
    "/campaigns/{campaign}/checklist/",
    "/campaigns/{campaign}/checklist.pdf",
    "/campaigns/{campaign}/report.pdf",
    "/campaigns/{campaign}/measurements/",
    "/campaigns/{campaign}/calendar.ics",
]


def test_the_walker_finds_every_address_of_the_url_contract(worlds):
    world_a, _ = worlds
    influencer_model = InfluencerFactory._meta.model
    campaign_model = CampaignFactory._meta.model
    walked_routes = {walked.route for walked in id_routes()}
    missing = []
    for template in CONTRACT:
        path = template.format(
            influencer=world_a[influencer_model].pk, campaign=world_a[campaign_model].pk
        )
        try:
            match = resolve(path)
        except Exception:  # noqa: BLE001 - Resolver404 and friends: the view is not there
            missing.append(f"{template}: no view answers it yet")
            continue
        if match.route not in walked_routes:
            missing.append(f"{template}: resolves to {match.route!r}, which the walker missed")
    assert not missing, "\n".join(missing)


def test_the_walker_sees_nested_and_id_routes_through_includes():
    routes = [walked.route for walked in walk()]
    assert "accounts/login/" in routes
    assert all(not route.startswith("admin/") for route in routes)
    assert fill("campaigns/<int:pk>/plan/<str:step>/", {"pk": 7, "step": "2"}) == (
        "/campaigns/7/plan/2/"
    )
    assert model_for("pk", "influencers/<int:pk>/") is InfluencerFactory._meta.model
    assert model_for("kpi_pk", "campaigns/<int:pk>/kpis/<int:kpi_pk>/").__name__ == "CampaignKPI"
    assert model_for("link_pk", "campaigns/<int:pk>/").__name__ == "TrackedLink"
    assert model_for("colour_pk", "campaigns/<int:pk>/") is None


def test_an_owner_is_not_let_into_the_admin(owner_client):
    response = owner_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_snapshot_notices_a_change(worlds):
    world_a, _ = worlds
    before = snapshot()
    campaign = world_a[CampaignFactory._meta.model]
    campaign.name = "Changed"
    campaign.save()
    assert snapshot() != before
