"""Every form on the site, submitted unchanged as a browser would send it.

Pages are found from the URL resolver (as the isolation test finds them), opened as an owner
with real data, and each POST form on them is parsed as a browser reads it (every input,
select, textarea and hidden field, its action and method) and sent back untouched. The form
must be accepted and change the database only as it intends (an edit form changes nothing,
a delete form removes its object). A form this test does not know fails by name.
"""

import datetime
import re
from decimal import Decimal
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from campaigns.models import CampaignStatus
from campaigns.partnerships import sync_roster_status
from campaigns.plan.steps.needs import GOAL_REVIEW_POINTS
from campaigns.services import compose_goal_sentence
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    FeedbackFactory,
    MeasurementFactory,
    PostFactory,
    RedemptionFactory,
    SurveyAnswerFactory,
    SurveyFactory,
    TillTapFactory,
    TrackedLinkFactory,
)
from tests.site_walk import (
    PROJECT_APPS,
    fill,
    model_for,
    page_forms,
    walk,
    word_candidates,
)

pytestmark = pytest.mark.django_db


def rich_world(user):
    """{model: row} of a working owner: an influencer with two profiles, a launched campaign
    with two partnerships, links to different pages, KPIs, a check-in with readings."""
    today = timezone.localdate()
    rosie = InfluencerFactory(owner=user, name="Rosie Bakes")
    ProfileFactory(influencer=rosie, platform="instagram", handle="rosie")
    ProfileFactory(influencer=rosie, platform="tiktok", handle="rosie.tt")
    sam = InfluencerFactory(owner=user, name="Sam Runs")
    ProfileFactory(influencer=sam, platform="instagram", handle="samruns")
    campaign = CampaignFactory(
        owner=user,
        status=CampaignStatus.ACTIVE,
        launched_at=timezone.now(),
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=40),
        plan_step=8,
        goal_review=dict.fromkeys(GOAL_REVIEW_POINTS, True),
        tracking_tools=["links", "manual"],
    )
    # As step 2 saves it: the sentence is made from the goal's parts.
    campaign.goal_sentence = compose_goal_sentence(
        goal_type=campaign.goal_type,
        number=campaign.goal_number,
        unit=campaign.goal_unit,
        deadline=campaign.end_date,
    )
    campaign.save()
    first, second = (
        PartnershipFactory(campaign=campaign, influencer=person, outreach_message=f"Hi {person}")
        for person in (rosie, sam)
    )
    kpi = CampaignKPIFactory(campaign=campaign, kind="customers", target=Decimal("50"))
    CampaignKPIFactory(
        campaign=campaign, kind="clicks", target=Decimal("300"), source="links", position=1
    )
    link = TrackedLinkFactory(partnership=first, destination="https://shop.example/bread")
    TrackedLinkFactory(
        partnership=second,
        destination="https://shop.example/running",
    )
    checkin = apps.get_model("kpis", "CheckIn").objects.create(
        owner=user, campaign=campaign, date=today - datetime.timedelta(days=3), note="Posted"
    )
    measurement = MeasurementFactory(
        kpi=kpi, checkin=checkin, influencer=rosie, date=checkin.date, value=Decimal("4")
    )
    redemption = RedemptionFactory(partnership=first)
    post = PostFactory(partnership=first)
    sync_roster_status(influencer=rosie)  # as recording a post through the site does
    rosie.refresh_from_db()
    answer = SurveyAnswerFactory(survey=SurveyFactory(campaign=campaign), partnership=first)
    voice = (answer, TillTapFactory(campaign=campaign), FeedbackFactory(campaign=campaign))
    return {
        type(row): row
        for row in (user.business, rosie, rosie.profiles.first(), campaign, first, kpi)
        + (checkin, measurement, link, redemption, post, *voice)
    }


# What submitting each form unchanged is meant to do, by the URL name of its action.
EDITS = "changes nothing"  # an edit form sent back as it came
REFUSES = "refuses with a message, changes nothing"  # a form that starts empty
INTENTS = {
    "account": EDITS,
    "account_delete": REFUSES,  # asks for the password
    "password_change": REFUSES,
    "password_reset": REFUSES,
    "influencers:create": REFUSES,
    "influencers:edit": EDITS,
    "influencers:status": EDITS,
    "influencers:import": REFUSES,  # needs a file
    "influencers:delete": ("deletes", "influencers.Influencer"),
    "campaigns:new": ("creates", "campaigns.Campaign"),
    "campaigns:delete": ("deletes", "campaigns.Campaign"),
    "campaigns:plan": EDITS,
    "campaigns:tick": ("toggles", "campaigns.ChecklistTick"),
    "kpis:measurements": REFUSES,  # a check-in with no number in it
    "kpis:redemption_add": REFUSES,
    "kpis:measurement_edit": EDITS,
    "kpis:measurement_delete": ("deletes", "kpis.Measurement"),
    "kpis:checkin_edit": EDITS,
    "kpis:redemption_delete": ("deletes", "kpis.Redemption"),
    "kpis:import": REFUSES,  # needs a file
    "kpis:link_edit": EDITS,
    "kpis:post_create": REFUSES,  # a post needs its date and link
    "kpis:post_edit": EDITS,
    "kpis:post_delete": ("deletes", "kpis.Post"),
    "kpis:partnership": EDITS,
    "kpis:partnership_page_link": ("issues", "campaigns.Partnership"),
    "kpis:tally_tap": ("creates", "kpis.TillTap"),
    "kpis:tally_undo": ("deletes", "kpis.TillTap"),
    "kpis:feedback": REFUSES,  # an entry needs what was said
    "kpis:feedback_delete": ("deletes", "kpis.Feedback"),
    "kpis:survey_answer_delete": ("deletes", "kpis.SurveyAnswer"),
}
# Plan steps are all opened, not just the first that answers.
WORDS = {"step": [str(n) for n in range(1, 8)]}
# Bookkeeping, not data: when a row was saved, how many writes an account has seen, and the
# wizard's own note of the step it is on.
NOT_DATA = {"updated_at", "data_version", "readings_version", "plan_data", "last_login"}
ERROR_MARKERS = ("is-invalid", "invalid-feedback", "alert-danger", "errorlist")


def rows():
    """{model label: {pk: values}} for every table of ours and the users table."""
    from django.contrib.auth import get_user_model

    models = [get_user_model()] + [
        m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS
    ]
    found = {}
    for model in models:
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in NOT_DATA]
        found[model._meta.label] = {
            values[0]: values for values in model.objects.values_list("pk", *fields)
        }
    return found


def field_changes(old, new, label):
    model = apps.get_model(label)
    names = ["pk"] + [f.attname for f in model._meta.concrete_fields if f.attname not in NOT_DATA]
    return [f"{name}: {a!r} -> {b!r}" for name, a, b in zip(names, old, new, strict=True) if a != b]


def changes(before, after):
    """{label: (added, removed, edited)} for the tables that changed."""
    found = {}
    for label in after:
        old, new = before[label], after[label]
        added = set(new) - set(old)
        removed = set(old) - set(new)
        edited = {
            (pk, tuple(sorted(field_changes(old[pk], new[pk], label))))
            for pk in set(old) & set(new)
            if old[pk] != new[pk]
        }
        if added or removed or edited:
            found[label] = (added, removed, edited)
    return found


def unexpected(intent, changed, response):
    """Why this response and these changes do not match the form's intent, or None."""
    body = response.content.decode(errors="replace")
    if response.status_code >= 500:
        return f"answered {response.status_code}"
    if intent == REFUSES:
        if changed:
            return f"changed {sorted(changed)}"
        if response.status_code != 200 or not any(m in body for m in ERROR_MARKERS):
            return f"refused nothing, or said nothing ({response.status_code})"
        return None
    accepted = response.status_code in (301, 302) or (
        response.status_code == 200 and not any(m in body for m in ERROR_MARKERS)
    )
    if not accepted:
        return f"was not accepted ({response.status_code})"
    if intent == EDITS:
        return f"changed {changed}" if changed else None
    how, label = intent
    others = {table: change for table, change in changed.items() if table != label}
    added, removed, edited = changed.get(label, (set(), set(), set()))
    if how == "deletes":
        ok = len(removed) == 1 and not added and not edited
        # Deleting takes what hangs from the row with it (or lets go of it), adding nothing.
        others = {table: change for table, change in others.items() if change[0]}
    elif how == "creates":
        ok = len(added) == 1 and not removed and not edited
    elif how == "issues":  # a new private link written on the row
        ok = len(edited) == 1 and not added and not removed
    else:  # toggles
        ok = len(added) + len(removed) == 1 and not edited
    if not ok or others:
        return f"expected to {how} one {label}, changed {changed}"
    return None


# Addresses of files (PDFs, spreadsheets, calendars, QR codes) hold no forms: not drawn here.
FILE_ROUTE = re.compile(r"\.[a-z0-9]+/?$")


def pages(client, world, first=None):
    """(path) of every HTML page an owner can open, with the world's ids filled in; the
    pages of the view named ``first`` (where a form posting to it usually is) come first."""
    routes = [walked for walked in walk() if not FILE_ROUTE.search(walked.route)]
    routes.sort(key=lambda walked: walked.name != first)
    for walked in routes:
        ids = {name: world[model_for(name, walked.route)].pk for name in walked.id_kwargs}
        words = [name for name in walked.converters if name not in walked.id_kwargs]
        for word in WORDS.get(words[0], word_candidates(words[0])) if words else [None]:
            try:
                path = fill(walked.route, {**ids, **({words[0]: word} if word else {})})
            except (ValueError, KeyError):
                continue
            response = client.get(path)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                yield path, response
                if words and words[0] not in WORDS:
                    break


def post_forms(client, world, parse=page_forms):
    """(page, action, url name, form) of every POST form, one per action name and page
    (a list of forty tick boxes is one form to this test), deleting forms last."""
    found, seen = [], set()
    for path, response in pages(client, world):
        for form in parse(response):
            action = urljoin(path, form["action"]).split("#")[0]
            name = resolve(urlsplit(action).path).view_name
            if form["method"] != "post" or name == "logout" or (path, name) in seen:
                continue
            seen.add((path, name))
            found.append((path, action, name, form))
    return sorted(found, key=lambda entry: "delete" in entry[2])


def test_every_form_round_trips_unchanged(owner):
    world = rich_world(owner)
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    failures, tried = [], set()
    for path, action, name, form in post_forms(client, world):
        intent = INTENTS.get(name)
        if intent is None:
            failures.append(f"{name} (on {path}): say in INTENTS what submitting it does")
            continue
        with transaction.atomic():
            before = rows()
            response = client.post(action, form["fields"])
            problem = unexpected(intent, changes(before, rows()), response)
            transaction.set_rollback(True)
        cache.clear()
        tried.add(name)
        if problem:
            failures.append(f"{name} (on {path}, {action}): {problem}")
    assert not failures, "forms that do not round-trip:\n" + "\n".join(failures)
    assert {"influencers:edit", "campaigns:plan", "kpis:link_edit"} <= tried
