"""The unsubscribe link works from the e-mail without logging in, in one click from a mail
client (RFC 8058), and for nobody but the owner it was made for."""

import pytest
from django.core import signing
from django.test import Client

from accounts.models import Business
from reports.reminders.unsubscribe import SALT, unsubscribe_token

pytestmark = pytest.mark.django_db


def url(owner, kind="checkin_day"):
    return f"/reminders/unsubscribe/{unsubscribe_token(owner_id=owner.pk, kind=kind)}/"


def reminders_off(owner):
    return Business.objects.get(owner=owner).reminders_off


def test_opening_the_link_asks_first_and_changes_nothing(client, owner):
    response = client.get(url(owner))

    assert response.status_code == 200
    assert b"Check-in day" in response.content
    assert reminders_off(owner) == []


def test_the_page_button_turns_that_reminder_off(owner):
    browser = Client(enforce_csrf_checks=True)
    address = url(owner)  # once: a token made a second later is another (equally valid) one
    page = browser.get(address).content.decode()
    assert f'action="{address}"' in page

    response = browser.post(address)

    assert response.status_code == 200
    assert b"that reminder is off" in response.content
    assert reminders_off(owner) == ["checkin_day"]


def test_a_mail_clients_one_click_post_works_without_a_cookie_or_token(owner):
    response = Client(enforce_csrf_checks=True).post(
        url(owner, "weekly_summary"), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert reminders_off(owner) == ["weekly_summary"]


def test_twice_is_the_same_as_once(client, owner):
    client.post(url(owner))
    client.post(url(owner))

    assert reminders_off(owner) == ["checkin_day"]


def test_a_tampered_token_answers_404_and_changes_nothing(client, owner, other_owner):
    token = unsubscribe_token(owner_id=owner.pk, kind="checkin_day")
    payload = [other_owner.pk, "checkin_day"]
    wrong_key = signing.dumps(payload, salt=SALT, key="not-the-site-secret")
    other_purpose = signing.dumps(payload)  # a signature the site made, for something else
    other_kind = signing.dumps([owner.pk, "not_a_kind"], salt=SALT)
    tampered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")

    for bad in ["nonsense", wrong_key, other_purpose, other_kind, tampered]:
        assert client.post(f"/reminders/unsubscribe/{bad}/").status_code == 404
    assert reminders_off(owner) == []
    assert reminders_off(other_owner) == []


def test_a_token_for_a_deleted_account_answers_404(client, owner):
    link = url(owner)
    owner.delete()

    assert client.post(link).status_code == 404
