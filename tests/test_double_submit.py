"""A create form sent twice, as a double click or a resend after a slow answer does, makes one
row.

The create forms are those the round trip (found from the URL resolver) sends back empty and
sees refused, or sees create a row (``INTENTS``): a new one is listed there by the round-trip
test, and then fails here by name until it carries a one-time token.
"""

import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Partnership
from kpis.models import CampaignKPI, CheckIn, TrackedLink
from tests.factories.campaigns import PartnershipFactory
from tests.test_round_trip import EDITS, INTENTS, changes, rich_world, rows
from tests.test_stale_saves import first_form

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
ERRORS = re.compile(r'class="invalid-feedback"[^>]*>(.*?)<', re.S)

# Forms that create nothing themselves, or that are made one-time in their own way.
NOT_CREATING = {
    "account_delete": "asks for the password and deletes",
    "password_change": "changes the password",
    "password_reset": "sends an e-mail, limited per address (accounts/limits.py)",
    "influencers:import": "an upload writes nothing; its confirm carries the preview's token",
    "kpis:import": "an upload writes nothing; its confirm carries the preview's token",
    "kpis:tally_tap": "each tap carries a reference made on the device",
}
CREATE_PAGES = sorted(
    name
    for name, intent in INTENTS.items()
    if intent != EDITS
    and (intent[0] == "creates" if isinstance(intent, tuple) else True)
    and name not in NOT_CREATING
)
# What the owner types into each (on top of what the page brings), and the row it makes.
TYPED = {
    "campaigns:new": ({"name": "Autumn"}, "campaigns.Campaign"),
    "influencers:create": (
        {
            "name": "Maya Cooks",
            "profiles-0-platform": "instagram",
            "profiles-0-handle": "mayacooks",
            "profiles-0-followers": "12300",
        },
        "influencers.Influencer",
    ),
    "kpis:measurements": ({"date": "{today}", "value_{kpi}": "3"}, "kpis.CheckIn"),
    "kpis:redemption_add": (
        {"promo-partnership": "{partnership}", "promo-date": "{today}", "promo-revenue": "10"},
        "kpis.Redemption",
    ),
    "kpis:post_create": (
        {
            "partnership": "{partnership}",
            "platform": "instagram",
            "url": "https://www.instagram.com/p/a-new-one/",
            "posted_on": "{today}",
        },
        "kpis.Post",
    ),
    "kpis:feedback": ({"text": "Loved the new loaf", "date": "{today}"}, "kpis.Feedback"),
}


def filled(form, typed, world):
    """The form as the owner sends it: what the page brings, a first choice where none is
    made yet, and what they typed (ids and today's date put in)."""
    names = {
        "today": timezone.localdate().isoformat(),
        "kpi": world[CampaignKPI].pk,
        "partnership": world[Partnership].pk,
    }
    data = dict(form["fields"])
    for name, choices in form["choices"].items():
        if not data.get(name) and [choice for choice in choices if choice]:
            data[name] = next(choice for choice in choices if choice)
    data.update({key.format(**names): value.format(**names) for key, value in typed.items()})
    return data


@pytest.mark.parametrize("name", CREATE_PAGES)
def test_a_create_form_sent_twice_makes_one_row(owner, name):
    assert name in TYPED, f"{name}: say in TYPED what the owner types and which row it makes"
    typed, label = TYPED[name]
    world = rich_world(owner)
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    path, action, form = first_form(client, world, name)
    assert form["fields"].get("form_token"), f"{name} (on {path}): the form has no one-time token"
    data = filled(form, typed, world)

    before = rows()
    first, second = (client.post(action, data) for _ in range(2))
    added = changes(before, rows()).get(label, (set(), set(), set()))[0]
    refusals = ERRORS.findall(first.content.decode())
    assert first.status_code == 302, f"{name}: the form was not accepted: {refusals}"
    assert len(added) == 1, f"{name}: sent twice made {len(added)} {label}"
    # Back where the first one went with a note, or (a post's link is unique) told so.
    assert second.status_code in (200, 302)
    assert apps.get_model(label).objects.filter(pk__in=added).exists()


def test_a_new_link_sent_twice_is_one_link(owner_client, owner):
    """Only a partnership without a link shows this form, which the walk's world has none of."""
    partnership = PartnershipFactory(campaign__owner=owner, influencer__owner=owner)
    path = reverse("kpis:link_create", args=[partnership.campaign.pk, partnership.pk])
    (token,) = TOKEN.findall(owner_client.get(path).content.decode())
    data = {"destination": "https://shop.example/bread", "form_token": token}
    assert [owner_client.post(path, data).status_code for _ in range(2)] == [302, 302]
    assert TrackedLink.objects.filter(partnership=partnership).count() == 1


def test_a_fresh_page_brings_a_fresh_token(owner_client, owner):
    world = rich_world(owner)
    kpi = world[CampaignKPI]
    page = reverse("kpis:measurements", args=[kpi.campaign.pk])
    today = timezone.localdate().isoformat()
    before = CheckIn.objects.count()
    for _ in range(2):
        checkin_token, code_token = TOKEN.findall(owner_client.get(page).content.decode())
        assert checkin_token != code_token
        owner_client.post(
            page, {"date": today, f"value_{kpi.pk}": "2", "form_token": checkin_token}
        )
    assert CheckIn.objects.count() == before + 2
