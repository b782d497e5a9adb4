"""Sign-up asks for the e-mail, always answers "check your inbox", and says only in the e-mail
whether the address has an account; the e-mailed link finishes the account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from accounts import limits, signup

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+")
FINISH = {
    "business_name": "Sam's Bikes",
    "currency": "USD",
    "password1": "pedal-power-2026",
    "password2": "pedal-power-2026",
}


def ask(client, email, address="198.51.100.7"):
    return client.post(reverse("signup"), {"email": email}, REMOTE_ADDR=address)


def links(message):
    return LINK.findall(message.body)


def finish_link(client, mailoutbox, email="Sam@Example.com "):
    ask(client, email)
    (message,) = mailoutbox
    (link,) = links(message)
    return link


def page_text(client, response):
    """What the visitor sees after asking: the page the answer leads to."""
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_a_taken_address_gets_the_same_answer_as_a_new_one(client, owner, mailoutbox):
    new = ask(client, "new@example.com")
    taken = ask(client, owner.email.upper())
    assert taken["Location"] == new["Location"] == reverse("signup_sent")
    assert page_text(client, taken) == page_text(client, new)
    assert get_user_model().objects.count() == 1  # no row for the new address yet


def test_a_taken_address_is_told_in_its_inbox_with_log_in_and_reset_links(
    client, owner, mailoutbox
):
    ask(client, owner.email)
    (message,) = mailoutbox
    assert message.to == [owner.email]
    assert "already has an account" in message.body
    assert links(message) == [
        "http://testserver" + reverse("login"),
        "http://testserver" + reverse("password_reset"),
    ]


def test_the_link_finishes_the_account_and_logs_in(client, mailoutbox):
    link = finish_link(client, mailoutbox)
    assert mailoutbox[0].to == ["sam@example.com"]
    page = client.get(link)
    assert "sam@example.com" in page.content.decode()
    response = client.post(link, FINISH)
    assert response["Location"] == reverse("reports:portfolio")
    user = get_user_model().objects.get()
    assert (user.email, user.username) == ("sam@example.com", "sam@example.com")
    assert (user.business.name, user.business.currency) == ("Sam's Bikes", "USD")
    assert client.get(reverse("reports:portfolio")).status_code == 200


def test_a_used_link_makes_no_second_account(client, mailoutbox):
    link = finish_link(client, mailoutbox)
    client.post(link, FINISH)
    client.logout()
    page = client.get(link).content.decode()
    assert "has an account already" in page
    assert client.post(link, FINISH).status_code == 200
    assert get_user_model().objects.count() == 1


def test_a_forged_link_creates_nothing(client, mailoutbox, settings):
    link = finish_link(client, mailoutbox)
    forged = link.replace("finish/", "finish/x")
    assert "no longer works" in client.post(forged, FINISH).content.decode()
    settings.SECRET_KEY = "another-key-than-the-one-that-signed-the-link"
    assert "no longer works" in client.post(link, FINISH).content.decode()
    assert not get_user_model().objects.exists()


def test_the_link_expires(monkeypatch):
    token = signing.dumps("sam@example.com", salt=signup.SALT)
    monkeypatch.setattr(signup, "LINK_HOURS", 0)
    assert signup.email_of(token) is None


def test_finishing_refuses_weak_and_mismatched_passwords(client, mailoutbox):
    link = finish_link(client, mailoutbox)
    response = client.post(link, {**FINISH, "password1": "12345678", "password2": "1"})
    assert response.status_code == 200
    assert "match" in response.content.decode()
    assert "Sam&#x27;s Bikes" in response.content.decode()  # what was typed stays
    assert not get_user_model().objects.exists()


def test_sign_up_mails_to_one_address_stop_after_a_few(client, owner, mailoutbox):
    for _ in range(limits.SIGNUPS_PER_EMAIL + 2):
        assert ask(client, owner.email)["Location"] == reverse("signup_sent")
    assert len(mailoutbox) == limits.SIGNUPS_PER_EMAIL


def test_one_visitor_cannot_mail_many_addresses(client, mailoutbox):
    for n in range(limits.SIGNUPS_PER_ADDRESS + 2):
        ask(client, f"new{n}@example.com")
    assert len(mailoutbox) == limits.SIGNUPS_PER_ADDRESS
    ask(client, "one-more@example.com", address="198.51.100.8")
    assert len(mailoutbox) == limits.SIGNUPS_PER_ADDRESS + 1
