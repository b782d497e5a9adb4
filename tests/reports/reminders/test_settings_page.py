"""The business page: time zone and which reminders to get, saved as the browser sends them,
and a plain warning when the site cannot send e-mail at all."""

import re

import pytest

from accounts.models import Business, ReminderKind

pytestmark = pytest.mark.django_db


def form_data(html):
    """What a browser submits: every named input's value, checked boxes, selected options."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                data.setdefault(name.group(1), []).append(value.group(1))
            continue
        data[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = selected.group(1) if selected else ""
    return data


def test_changing_the_time_zone_and_reminders_as_the_browser_sends_them(owner_client, owner):
    data = form_data(owner_client.get("/accounts/business/").content.decode())
    assert data["time_zone"] == "Europe/London"
    assert data["reminders"] == ReminderKind.values  # every reminder on to start with

    data["time_zone"] = "America/New_York"
    data["reminders"] = ["checkin_day", "post_due"]
    response = owner_client.post("/accounts/business/", data)

    assert response.status_code == 302
    business = Business.objects.get(owner=owner)
    assert business.time_zone == "America/New_York"
    assert not business.wants("weekly_summary")
    assert business.wants("checkin_day")
    assert form_data(owner_client.get("/accounts/business/").content.decode())["reminders"] == [
        "checkin_day",
        "post_due",
    ]


def test_an_unknown_time_zone_is_refused_with_a_message(owner_client, owner):
    data = form_data(owner_client.get("/accounts/business/").content.decode())
    data["time_zone"] = "Mars/Olympus_Mons"

    response = owner_client.post("/accounts/business/", data)

    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert Business.objects.get(owner=owner).time_zone == "Europe/London"


def test_no_mail_server_the_page_says_reminders_are_off_and_why(owner_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    page = owner_client.get("/accounts/business/").content.decode()

    assert "Reminders are off" in page
    assert "EMAIL_URL" in page


def test_with_a_mail_server_no_warning(owner_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

    assert b"Reminders are off" not in owner_client.get("/accounts/business/").content
