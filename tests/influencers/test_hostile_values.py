"""Values no browser form sends (a search as long as a book, an address the URL parser
cannot read, a thousand profile rows) get a plain answer on the roster's pages, never a 500,
and the work one request can cause stays small."""

import pytest
from django.urls import reverse

from influencers.forms import MAX_PROFILES
from influencers.models import Influencer
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db
BROKEN_ADDRESS = "http://[::1"


def new_influencer_form(owner_client):
    page = owner_client.get(reverse("influencers:create"))
    form = next(f for f in page_forms(page) if "profiles-TOTAL_FORMS" in f["fields"])
    return form["action"] or reverse("influencers:create"), {
        **form["fields"],
        "name": "Zed",
        "profiles-0-platform": "instagram",
    }


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_a_search_as_long_as_a_book_is_refused_plainly(owner_client, export):
    query = {"q": "a" * 60_000, **({"_export": export} if export else {})}
    response = owner_client.get(reverse("influencers:list"), query)

    assert response.status_code == 200
    if not export:
        assert "at most 200 characters" in response.content.decode()


def test_a_search_for_an_address_that_cannot_be_read_finds_by_name(owner_client):
    response = owner_client.get(reverse("influencers:list"), {"q": BROKEN_ADDRESS})
    assert response.status_code == 200


def test_a_handle_that_is_a_broken_address_asks_for_the_handle(owner_client):
    action, fields = new_influencer_form(owner_client)
    response = owner_client.post(action, {**fields, "profiles-0-handle": BROKEN_ADDRESS})

    assert response.status_code == 200
    assert not Influencer.objects.exists()
    assert response.context["formset"].forms[0].errors["handle"]


def test_at_most_a_dozen_profiles_are_read_from_one_request(owner_client):
    action, fields = new_influencer_form(owner_client)
    response = owner_client.post(
        action, {**fields, "profiles-0-handle": "zed", "profiles-TOTAL_FORMS": "2000"}
    )

    assert response.status_code == 200
    assert not Influencer.objects.exists()
    formset = response.context["formset"]
    assert len(formset.forms) == MAX_PROFILES
    assert f"at most {MAX_PROFILES} profiles" in " ".join(formset.non_form_errors())
