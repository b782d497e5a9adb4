from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from influencers.models import Influencer, OutreachStatus, Profile
from tests.factories.influencers import InfluencerFactory, ProfileFactory

URL = reverse("influencers:import")
GOOD = (
    "\ufeffname;platform;handle;followers;avg_likes;avg_comments;status\n"
    "Bristol Bread Lover;Instagram;@BristolBreadLover;12,300;410;35;contacted\n"
    "Bristol Bread Lover;TikTok;bristolbreadlover;8.1k;620;40;\n"
    "Sam Eats;TikTok;sameats;38,5k;2900;150;\n"
).encode()


def upload(client, content, name="roster.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content, "text/csv")})


def confirm(client, response):
    return client.post(URL, {"confirm": "1", "token": response.context["token"]})


def test_preview_writes_nothing_then_confirm_writes_everything(owner_client, owner):
    preview = upload(owner_client, GOOD)
    assert preview.status_code == 200
    assert [row["action"] for row in preview.context["preview"]] == ["add", "add", "add"]
    assert "Save these profiles" in preview.content.decode()
    assert "3.62%" in preview.content.decode()  # (410 + 35) / 12,300 followers
    assert Influencer.objects.count() == 0

    response = confirm(owner_client, preview)

    assert response.status_code == 302
    assert Profile.objects.filter(owner=owner).count() == 3
    people = {i.name: i for i in Influencer.objects.filter(owner=owner)}
    assert set(people) == {"Bristol Bread Lover", "Sam Eats"}
    assert people["Bristol Bread Lover"].profiles.count() == 2
    assert people["Bristol Bread Lover"].status == OutreachStatus.CONTACTED
    assert Profile.objects.get(handle="sameats").followers == 38_500


def test_bad_file_shows_numbered_errors_and_writes_nothing(owner_client):
    bad = b"name,platform,handle,followers\nAnn,instagram,ann,100\nBob,instagram,bob,many\n"
    response = upload(owner_client, bad)
    body = response.content.decode()
    assert "Nothing was imported" in body
    assert "Line 3:" in body and "many" in body
    assert "Save these profiles" not in body
    assert Influencer.objects.count() == 0
    assert "influencer_import" not in owner_client.session


def test_duplicates_by_platform_and_handle_are_updated_not_doubled(owner_client, owner):
    person = InfluencerFactory(owner=owner, name="Old Name", niche="food", location="Bath")
    ProfileFactory(influencer=person, platform="instagram", handle="bristolbreadlover")

    preview = upload(owner_client, GOOD)
    assert [row["action"] for row in preview.context["preview"]] == ["update", "add", "add"]
    confirm(owner_client, preview)

    profile = Profile.objects.get(owner=owner, platform="instagram", handle="bristolbreadlover")
    assert Profile.objects.filter(owner=owner, handle="bristolbreadlover").count() == 2
    assert profile.followers == 12_300
    person.refresh_from_db()
    assert person.name == "Bristol Bread Lover"
    assert person.location == "Bath"  # a missing column keeps what was there
    # The TikTok line joins the same person, found by name.
    assert Profile.objects.get(platform="tiktok", handle="bristolbreadlover").influencer == person
    assert Influencer.objects.filter(owner=owner).count() == 2


def test_importing_the_same_file_twice_changes_no_counts(owner_client, owner):
    confirm(owner_client, upload(owner_client, GOOD))
    confirm(owner_client, upload(owner_client, GOOD))
    assert Profile.objects.filter(owner=owner).count() == 3
    assert Influencer.objects.filter(owner=owner).count() == 2


def test_another_owners_same_handle_is_not_touched(owner_client, other_owner):
    theirs = ProfileFactory(
        influencer__owner=other_owner, platform="instagram", handle="bristolbreadlover"
    )
    confirm(owner_client, upload(owner_client, GOOD))
    theirs.refresh_from_db()
    assert theirs.followers == 12_000
    assert Profile.objects.filter(handle="bristolbreadlover").count() == 3


def test_confirm_needs_the_token_of_this_sessions_preview(owner_client):
    upload(owner_client, GOOD)
    response = owner_client.post(URL, {"confirm": "1", "token": "guessed"}, follow=True)
    assert "expired" in response.content.decode()
    assert Influencer.objects.count() == 0


def test_confirm_twice_saves_once(owner_client, owner):
    preview = upload(owner_client, GOOD)
    confirm(owner_client, preview)
    response = confirm(owner_client, preview)
    assert response.status_code == 302
    assert Profile.objects.filter(owner=owner).count() == 3


def test_a_failure_while_saving_writes_nothing(owner_client, owner, monkeypatch):
    preview = upload(owner_client, GOOD)
    original_save = Profile.save

    def fail_on_sam(profile, *args, **kwargs):
        if profile.handle == "sameats":
            raise RuntimeError("disk full")
        return original_save(profile, *args, **kwargs)

    monkeypatch.setattr(Profile, "save", fail_on_sam)
    owner_client.raise_request_exception = False
    response = confirm(owner_client, preview)
    assert response.status_code == 500
    assert Influencer.objects.count() == 0
    assert Profile.objects.count() == 0


@override_settings(MAX_UPLOAD_BYTES=50)
def test_too_large_file_is_refused_with_the_limit(owner_client):
    response = upload(owner_client, GOOD)
    assert "largest file we accept" in response.content.decode()
    assert "preview" not in response.context


def test_the_example_file_downloads_and_imports_cleanly(owner_client, owner):
    response = owner_client.get(reverse("influencers:import_sample"))
    assert response["Content-Disposition"].startswith("attachment")
    content = response.content
    assert content.decode().splitlines()[0].startswith("name,platform,handle,profile_url")

    confirm(owner_client, upload(owner_client, content))

    assert Influencer.objects.filter(owner=owner).count() == 2
    assert Profile.objects.filter(owner=owner).count() == 3
    assert Profile.objects.get(owner=owner, platform="instagram").avg_reach == 5_900
