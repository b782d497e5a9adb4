import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from influencers.models import Influencer
from tests.factories.influencers import InfluencerFactory, ProfileFactory

URL = reverse("influencers:list")


def names(response):
    return [row.record.name for row in response.context["table"].paginated_rows]


NO_EXTRAS = {"avg_comments": None, "avg_shares": None}


@pytest.fixture
def roster(owner):
    small = InfluencerFactory(owner=owner, name="Ann", niche="food", status="contacted")
    ProfileFactory(
        influencer=small, handle="ann.bakes", followers=3_000, avg_likes=300, **NO_EXTRAS
    )
    big = InfluencerFactory(owner=owner, name="Bea", niche="fitness")
    ProfileFactory(
        influencer=big,
        platform="tiktok",
        handle="bea",
        followers=250_000,
        avg_likes=1_000,
        **NO_EXTRAS,
    )
    ProfileFactory(
        influencer=big, handle="bea.gram", followers=40_000, avg_likes=4_000, **NO_EXTRAS
    )
    InfluencerFactory(owner=owner, name="Cal", niche="food")  # no profile, no numbers
    return small, big


def test_main_profile_numbers_agree_between_database_and_python(roster):
    for influencer in Influencer.objects.with_roster_numbers().prefetch_related("profiles"):
        main = influencer.main_profile
        if main is None:
            assert influencer.main_followers is None and influencer.main_rate is None
            continue
        assert influencer.main_followers == main.followers
        assert Decimal(influencer.main_rate).quantize(Decimal("0.01")) == main.engagement.rate


def test_rate_by_reach_in_the_database_too(owner):
    profile = ProfileFactory(influencer__owner=owner, followers=10_000, avg_reach=2_000)
    influencer = Influencer.objects.with_roster_numbers().get(pk=profile.influencer_id)
    assert round(influencer.main_rate, 2) == float(profile.engagement.rate) == 23.0


def test_sort_by_engagement_and_followers_puts_unknowns_last(owner_client, roster):
    assert names(owner_client.get(URL, {"sort": "-engagement"})) == ["Ann", "Bea", "Cal"]
    assert names(owner_client.get(URL, {"sort": "engagement"})) == ["Bea", "Ann", "Cal"]
    assert names(owner_client.get(URL, {"sort": "-followers"})) == ["Bea", "Ann", "Cal"]
    assert names(owner_client.get(URL, {"sort": "followers"})) == ["Ann", "Bea", "Cal"]
    assert names(owner_client.get(URL, {"sort": "-name"})) == ["Cal", "Bea", "Ann"]


def test_roster_shows_main_profile_rate_tier_and_warnings(owner_client, roster):
    body = owner_client.get(URL).content.decode()
    assert "10.00%" in body  # Ann: 300 / 3,000
    assert "Mid-size" in body  # Bea's main profile is the 250k TikTok
    assert "2 warnings" in body  # Bea's TikTok: over 100k followers, and 0.4% is low
    assert "Looks fine" in body


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"platform": "tiktok"}, ["Bea"]),
        ({"niche": "food"}, ["Ann", "Cal"]),
        ({"status": "contacted"}, ["Ann"]),
        ({"tier": "nano"}, ["Ann"]),
        ({"tier": "mid"}, ["Bea"]),
        ({"tier": "micro"}, []),
        ({"q": "@BEA.gram"}, ["Bea"]),
        ({"q": "an"}, ["Ann"]),
    ],
)
def test_filters(owner_client, roster, filters, expected):
    assert names(owner_client.get(URL, filters)) == expected


def test_search_by_handle_does_not_repeat_people(owner_client, roster):
    assert names(owner_client.get(URL, {"q": "bea"})) == ["Bea"]


def test_paginated(owner_client, owner):
    for number in range(30):
        InfluencerFactory(owner=owner, name=f"Person {number:02}")
    first = owner_client.get(URL)
    assert len(names(first)) == 25
    assert names(owner_client.get(URL, {"page": 2})) == [f"Person {n}" for n in range(25, 30)]


def test_query_count_does_not_grow_with_rows(owner_client, owner):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get(URL).status_code == 200
        return len(queries)

    for number in range(2):
        ProfileFactory(influencer__owner=owner, influencer__name=f"A{number}")
    few = count_queries()
    for number in range(20):
        person = InfluencerFactory(owner=owner, name=f"B{number}")
        ProfileFactory(influencer=person)
        ProfileFactory(influencer=person, platform="tiktok")
    assert count_queries() == few


def test_csv_export_has_every_row_and_neutralises_formulas(owner_client, owner):
    for number in range(30):
        InfluencerFactory(owner=owner, name=f"Person {number:02}")
    evil = InfluencerFactory(owner=owner, name='=HYPERLINK("http://x")', niche="+1", notes="")
    ProfileFactory(influencer=evil, handle="evil", followers=2_000, avg_likes=100, **NO_EXTRAS)

    response = owner_client.get(URL, {"_export": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 1 + 31
    header = rows[0]
    evil_row = next(row for row in rows if "HYPERLINK" in row[0])
    assert evil_row[0] == '\'=HYPERLINK("http://x")'
    assert evil_row[header.index("Niche")] == "'+1"
    assert evil_row[header.index("Engagement rate")] == "5.00"
    assert "Contact email" in header


def test_xlsx_export_neutralises_formulas(owner_client, owner):
    InfluencerFactory(owner=owner, name="@SUM(1+1)", location="-2+3")
    response = owner_client.get(URL, {"_export": "xlsx", "status": "identified"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell for cell in sheet[2]}
    # Shown as typed (no apostrophe), stored as text and marked to stay text.
    for text in ("@SUM(1+1)", "-2+3"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix
    assert not any(cell.data_type == "f" for cell in sheet[2])


def test_export_follows_the_filters(owner_client, roster):
    response = owner_client.get(URL, {"_export": "csv", "niche": "fitness"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[0] for row in rows[1:]] == ["Bea"]
