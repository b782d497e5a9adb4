"""Password reset e-mails and re-entered passwords have attempt limits."""

import pytest
from django.urls import reverse

from accounts import limits

pytestmark = pytest.mark.django_db


def ask_reset(client, email, address="198.51.100.7"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_to_one_address_stop_after_a_few(client, owner, mailoutbox):
    for _ in range(limits.RESETS_PER_EMAIL + 3):
        response = ask_reset(client, owner.email)
        assert response.status_code == 302  # the same answer every time
        assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == limits.RESETS_PER_EMAIL


def test_one_visitor_cannot_mail_many_addresses(client, mailoutbox):
    from tests.factories.accounts import UserFactory

    people = UserFactory.create_batch(limits.RESETS_PER_ADDRESS + 2)
    for person in people:
        ask_reset(client, person.email)
    assert len(mailoutbox) == limits.RESETS_PER_ADDRESS
    ask_reset(client, people[-1].email, address="198.51.100.8")
    assert len(mailoutbox) == limits.RESETS_PER_ADDRESS + 1


def test_account_deletion_stops_taking_passwords_after_five_wrong(owner_client, owner, password):
    url = reverse("account_delete")
    for _ in range(limits.PASSWORD_TRIES):
        response = owner_client.post(url, {"password": "guess", "confirmation": "DELETE"})
        assert "That is not your password" in response.content.decode()
    response = owner_client.post(url, {"password": password, "confirmation": "DELETE"})
    assert "wrong password too many times" in response.content.decode()
    owner.refresh_from_db()  # still there


def test_password_change_stops_taking_passwords_after_five_wrong(owner_client, owner, password):
    url = reverse("password_change")
    data = {"new_password1": "a-new-long-secret-9", "new_password2": "a-new-long-secret-9"}
    for _ in range(limits.PASSWORD_TRIES):
        owner_client.post(url, {**data, "old_password": "guess"})
    response = owner_client.post(url, {**data, "old_password": password})
    assert response.status_code == 200
    assert "wrong password too many times" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(password)
