"""The business page in a real browser: pick a time zone, untick a reminder, save."""

import pytest

from accounts.models import Business
from tests.factories.accounts import UserFactory

from .conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_owner_changes_time_zone_and_reminders_and_saves(page):
    owner = UserFactory()
    sign_in(page, owner)
    page.goto("/accounts/business/")

    page.get_by_label("Time zone").select_option("America/New_York")
    page.get_by_label("A short summary every Monday").uncheck()
    screenshot(page, "business-settings")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url("**/accounts/business/")
    business = Business.objects.get(owner=owner)
    assert business.time_zone == "America/New_York"
    assert business.reminders_off == ["weekly_summary"]
    assert page.get_by_label("Check-in day: your numbers so far and the check-in form").is_checked()
    assert not page.get_by_label("A short summary every Monday").is_checked()
