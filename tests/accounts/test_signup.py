import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Sam@Example.com ",
    "business_name": "Sam's Bikes",
    "currency": "USD",
    "password1": "pedal-power-2026",
    "password2": "pedal-power-2026",
}


def test_signup_creates_owner_and_business_and_logs_in(client):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:portfolio")
    user = get_user_model().objects.get()
    assert user.email == "sam@example.com"
    assert user.business.name == "Sam's Bikes"
    assert user.business.currency == "USD"
    assert client.get(reverse("reports:portfolio")).status_code == 200


def test_signup_refuses_taken_email_and_keeps_what_was_typed(client, owner):
    response = client.post(reverse("signup"), {**SIGNUP, "email": owner.email.upper()})
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert "Sam&#x27;s Bikes" in response.content.decode()
    assert get_user_model().objects.count() == 1


def test_signup_refuses_weak_and_mismatched_passwords(client):
    response = client.post(reverse("signup"), {**SIGNUP, "password1": "12345678", "password2": "1"})
    assert response.status_code == 200
    assert get_user_model().objects.count() == 0
    assert "didn’t match" in response.content.decode() or "match" in response.content.decode()
