from django.urls import reverse

URL = reverse("influencers:engagement_preview")


def test_fragment_shows_rate_tier_and_warnings(owner_client):
    response = owner_client.get(
        URL, {"followers": "12.3k", "likes": "400", "comments": "", "shares": "6"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "3.30%" in body and "by followers" in body
    assert "Micro (10,000 to 99,999)" in body
    assert "No warnings" in body


def test_rate_by_reach_when_given(owner_client):
    body = owner_client.get(
        URL, {"followers": "50000", "likes": "100", "reach": "1000"}
    ).content.decode()
    assert "10.00%" in body and "by reach" in body


def test_missing_or_unreadable_numbers_ask_for_more(owner_client):
    body = owner_client.get(URL, {"followers": "lots", "likes": "3"}).content.decode()
    assert "add followers" in body
    assert "%" not in body.split("add followers")[0].split("Engagement rate")[1]


def test_warnings_are_listed(owner_client):
    body = owner_client.get(URL, {"followers": "500", "following": "5000"}).content.decode()
    assert "Fewer than 1,000 followers" in body
    assert "Follows far more accounts" in body
