"""Every edit page, open in two tabs: the tab saved second is refused, saves nothing and keeps
what was typed in it.

The edit pages are the forms the round trip (found from the URL resolver) says are sent back
unchanged (``EDITS``): a new edit page is listed there by the round-trip test, and then fails
here by name until it carries a version.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import resolve

from tests.test_hostile_walk import typed_forms
from tests.test_round_trip import EDITS, INTENTS, changes, pages, rich_world, rows

pytestmark = pytest.mark.django_db

# A status picked from a list is saved the moment it is picked: the latest pick is what the
# owner means, and there is nothing typed to keep.
LAST_CHOICE_WINS = {"influencers:status"}
EDIT_PAGES = sorted(
    name for name, intent in INTENTS.items() if intent == EDITS and name not in LAST_CHOICE_WINS
)
TYPED = {"url": "https://shop.example/typed-in-the-other-tab", "text": "Typed in the other tab"}
TEXT_TYPES = {"text", "textarea", "url"}


def forms_to(name, path, response):
    """(action, form) of the POST forms on this page that are sent to the view ``name``."""
    for form in typed_forms(response):
        action = urljoin(path, form["action"]).split("#")[0]
        if form["method"] == "post" and resolve(urlsplit(action).path).view_name == name:
            yield action, form


def first_form(client, world, name):
    """(page, action, form) of the first form on the site that posts to ``name``."""
    for path, response in pages(client, world, first=name):
        for action, form in forms_to(name, path, response):
            return path, action, form
    raise AssertionError(f"{name}: no page of the owner shows this form")


def type_into(form):
    """The form's fields with one text or web address field changed, and what was typed."""
    for field, kind in form["types"].items():
        value = form["fields"].get(field)
        if kind in TEXT_TYPES and isinstance(value, str) and "__prefix__" not in field:
            typed = TYPED["url" if kind == "url" or value.startswith("http") else "text"]
            return {**form["fields"], field: typed}, typed
    raise AssertionError("no text field to type into")


@pytest.mark.parametrize("name", EDIT_PAGES)
def test_the_tab_saved_second_is_refused_and_keeps_what_was_typed(owner, name):
    world = rich_world(owner)
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    path, action, first_tab = first_form(client, world, name)
    assert first_tab["fields"].get("version"), f"{name} (on {path}): the form has no version"
    ((_action, second_tab), *_) = forms_to(name, path, client.get(path))

    saved = client.post(action, first_tab["fields"])
    assert saved.status_code == 302, f"{name}: the first tab's save was not accepted"
    data, typed = type_into(second_tab)
    before = rows()
    refused = client.post(action, data)

    body = refused.content.decode()
    assert refused.status_code == 200
    assert "changed in another tab or device" in body
    assert not changes(before, rows()), f"{name}: the stale save changed something"
    assert typed in body
    # The page drawn again carries the current version: saving once more is deliberate.
    (again,) = [f for f in typed_forms(refused) if f["fields"].get("version")]
    assert again["fields"]["version"] != second_tab["fields"]["version"]
    assert client.post(action, {**data, "version": again["fields"]["version"]}).status_code == 302
