import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_account_without_a_business_can_add_one(client):
    user = get_user_model().objects.create_user("admin@example.com", "admin@example.com", "x")
    client.force_login(user)
    assert client.get(reverse("account")).status_code == 200
    response = client.post(reverse("account"), {"name": "Head office", "currency": "EUR"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.business.name == "Head office"
