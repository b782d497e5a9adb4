from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_fails_when_database_is_unreachable(client):
    with mock.patch("accounts.views.connection.cursor", side_effect=Exception("down")):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_healthz_answers_head_as_load_balancers_ask(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""
