import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories.accounts import UserFactory

from .conftest import ask_to_sign_up, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_owner_signs_up_by_the_mailed_link_lands_on_campaigns_and_logs_out(page):
    page.goto("/")
    screenshot(page, "landing")
    page.get_by_role("link", name="Start free").click()
    page.wait_for_url(re.compile(r"/accounts/signup/$"))
    link = ask_to_sign_up(page, "maya@example.com")
    screenshot(page, "signup-sent")
    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert not get_user_model().objects.exists()

    page.goto(link)
    page.get_by_label("Business name").fill("Maya's Yoga Studio")
    page.get_by_label("Currency").select_option("EUR")
    page.locator("#id_password1").fill("stretch-and-breathe-77")
    page.locator("#id_password2").fill("stretch-and-breathe-77")
    page.get_by_role("button", name="Create my account").click()

    page.wait_for_url(re.compile(r"/campaigns/$"))
    screenshot(page, "after-signup")
    assert page.get_by_role("heading", name="Your campaigns").is_visible()
    owner = get_user_model().objects.get(email="maya@example.com")
    assert owner.business.name == "Maya's Yoga Studio"
    assert owner.business.currency == "EUR"

    page.get_by_role("button", name="Maya's Yoga Studio").click()  # the account menu
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("link", name="Log in").first.is_visible()


def test_signing_up_with_a_taken_address_looks_the_same_and_mails_the_owner(page):
    owner = UserFactory(email="taken@example.com", username="taken@example.com")
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("Taken@Example.com")
    page.get_by_role("button", name="Send me the link").click()
    page.wait_for_url(re.compile(r"/accounts/signup/sent/$"))
    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert "account" not in page.locator("main").inner_text().lower()
    (message,) = mail.outbox
    assert message.to == [owner.email]
    assert "/accounts/password/reset/" in message.body
