"""Roster files as old spreadsheets save them: lines ended by a bare CR, or by CR LF."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from influencers.models import Profile

pytestmark = pytest.mark.django_db

LINES = ["name,platform,handle,followers", "Rosie Bakes,Instagram,rosie,1200", "Sam,TikTok,sam,"]


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_every_line_ending_imports_the_same_rows(owner_client, owner, ending):
    content = (ending.join(LINES) + ending).encode()
    preview = owner_client.post(
        "/influencers/import/", {"file": SimpleUploadedFile("roster.csv", content, "text/csv")}
    )
    assert preview.status_code == 200
    assert [row["action"] for row in preview.context["preview"]] == ["add", "add"]
    owner_client.post("/influencers/import/", {"confirm": "1", "token": preview.context["token"]})
    handles = set(Profile.objects.filter(owner=owner).values_list("handle", flat=True))
    assert handles == {"rosie", "sam"}
