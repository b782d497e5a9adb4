import csv
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from accounts.data import dependent_models, owned_models, owned_querysets
from accounts.spreadsheets import safe_cell
from tests.accounts.owned_world import build_world

pytestmark = pytest.mark.django_db


def unzip(response):
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    return {
        name: list(csv.DictReader(io.StringIO(bundle.read(name).decode())))
        for name in bundle.namelist()
    }


def csv_name(model):
    return f"{model._meta.app_label}-{model._meta.model_name}.csv"


def row_counts(user_id):
    """Rows per owned (and dependent) model that belong to this user id."""
    counts = {
        model._meta.label: model.objects.filter(owner_id=user_id).count()
        for model in owned_models()
    }
    for model, key in dependent_models():
        counts[model._meta.label] = model.objects.filter(**{f"{key}__owner_id": user_id}).count()
    return counts


def test_owned_models_are_found_from_the_app_registry():
    labels = {model._meta.label for model in owned_models()}
    assert {"accounts.Business", "influencers.Influencer", "campaigns.Campaign"} <= labels
    assert {"kpis.Measurement", "kpis.TrackedLink", "kpis.Redemption"} <= labels
    assert ("kpis.Click", "link") in [(m._meta.label, key) for m, key in dependent_models()]


def test_every_owner_field_cascades_so_deleting_the_user_deletes_the_rows():
    for model in owned_models():
        owner_field = model._meta.get_field("owner")
        assert owner_field.remote_field.on_delete is models.CASCADE, model._meta.label


def test_export_holds_every_owned_row_and_nothing_of_anyone_else(owner_client, owner, other_owner):
    build_world(owner, influencer_name='=HYPERLINK("http://evil.example")')
    build_world(other_owner, influencer_name="Someone Else's Creator")

    response = owner_client.get(reverse("account_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment;" in response["Content-Disposition"]
    files = unzip(response)
    for model, queryset in owned_querysets(user=owner).items():
        rows = files[csv_name(model)]
        assert len(rows) == queryset.count() >= 1, model._meta.label
        assert {row["id"] for row in rows} == {
            str(pk) for pk in queryset.values_list("pk", flat=True)
        }
    assert "data_version" not in files["accounts-business.csv"][0]  # bookkeeping, not data
    assert "readings_version" not in files["campaigns-campaign.csv"][0]
    assert "readings_version" not in files["kpis-campaignkpi.csv"][0]
    assert files["accounts-business.csv"][0]["name"] == owner.business.name
    everything = str(files)
    assert "Someone Else" not in everything
    assert other_owner.email not in everything
    assert files["account.csv"] == [
        {
            "email": owner.email,
            "first_name": "",
            "last_name": "",
            "date_joined": str(owner.date_joined),
            "last_login": str(owner.last_login or ""),
        }
    ]
    assert "pbkdf2" not in everything  # no password hash


def test_export_neutralises_cells_a_spreadsheet_would_run(owner_client, owner):
    build_world(owner, influencer_name='=HYPERLINK("http://evil.example")')
    influencers = unzip(owner_client.get(reverse("account_export")))["influencers-influencer.csv"]
    assert influencers[0]["name"] == '\'=HYPERLINK("http://evil.example")'


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 7700", "'+44 7700"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Rosie's Bakery", "Rosie's Bakery"),
        # Where a semicolon or a tab may start a new cell (semicolon locales).
        ("Bob;=cmd|' /C calc'!A0", "Bob;'=cmd|' /C calc'!A0"),
        ("Bob\t+1", "Bob\t'+1"),
        ("=a;@b", "'=a;'@b"),
        ("5; -2 degrees", "5; -2 degrees"),
        (-5, -5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_export_needs_a_login(client):
    response = client.get(reverse("account_export"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_delete_needs_the_password_and_the_typed_word(owner_client, owner, password):
    build_world(owner)
    before = row_counts(owner.pk)

    wrong_password = owner_client.post(
        reverse("account_delete"), {"password": "not-it", "confirmation": "DELETE"}
    )
    wrong_word = owner_client.post(
        reverse("account_delete"), {"password": password, "confirmation": "yes"}
    )

    assert wrong_password.status_code == 200
    assert "That is not your password. Nothing was deleted." in wrong_password.content.decode()
    assert wrong_word.status_code == 200
    assert "Type the word DELETE to confirm" in wrong_word.content.decode()
    assert 'value="yes"' in wrong_word.content.decode()  # what was typed is kept
    assert row_counts(owner.pk) == before
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_delete_removes_every_row_of_the_owner_and_none_of_anyone_else(
    owner_client, owner, other_owner, password
):
    build_world(owner)
    build_world(other_owner)
    others_before = row_counts(other_owner.pk)
    owner_id = owner.pk
    assert all(count >= 1 for count in row_counts(owner_id).values())

    response = owner_client.post(
        reverse("account_delete"), {"password": password, "confirmation": "delete "}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert not get_user_model().objects.filter(pk=owner_id).exists()
    assert row_counts(owner_id) == dict.fromkeys(others_before, 0)
    assert row_counts(other_owner.pk) == others_before
    landing = owner_client.get(response["Location"])
    assert "Your account and everything in it are deleted" in landing.content.decode()
    assert owner_client.get(reverse("reports:portfolio")).status_code == 302  # logged out


def test_business_page_links_to_export_and_delete(owner_client):
    page = owner_client.get(reverse("account")).content.decode()
    assert reverse("account_export") in page
    assert reverse("account_delete") in page
