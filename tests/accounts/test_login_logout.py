import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_with_email_any_case(client, owner, password):
    response = client.post(
        reverse("login"), {"username": owner.email.upper(), "password": password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:portfolio")


def test_wrong_password_says_so_plainly(client, owner):
    response = client.post(reverse("login"), {"username": owner.email, "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_logout_needs_post_and_ends_the_session(owner_client):
    assert owner_client.get(reverse("logout")).status_code == 405
    response = owner_client.post(reverse("logout"))
    assert response.status_code == 302
    assert owner_client.get(reverse("reports:portfolio")).status_code == 302


def test_signed_in_owner_goes_from_home_to_campaigns(owner_client, client):
    assert owner_client.get("/")["Location"] == reverse("reports:portfolio")


def test_visitor_sees_landing_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Start free" in response.content.decode()


def test_password_reset_sends_an_email(client, owner, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": owner.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body


def test_password_change(owner_client, password):
    response = owner_client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "fresh-bread-daily-9",
            "new_password2": "fresh-bread-daily-9",
        },
    )
    assert response.status_code == 302
