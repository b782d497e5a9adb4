"""A new owner plans a campaign in a real browser: steps 1-3, logs out, comes back in a new
browser (another device), finds every answer where they left it, finishes and launches."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campaigns.models import Campaign, CampaignStatus
from tests.factories.accounts import PASSWORD as PASSWORD_OF_FACTORIES
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import CampaignKPIFactory

from .conftest import ask_to_sign_up, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "rosa@example.com"
PASSWORD = "proving-dough-2027"


def sign_up(page):
    page.goto(ask_to_sign_up(page, EMAIL))
    page.get_by_label("Business name").fill("Rosa's Sourdough")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url(re.compile(r"/campaigns/$"))
    return get_user_model().objects.get(email=EMAIL)


def save_and_continue(page, next_step):
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(rf"/plan/{next_step}/$"))


def test_plan_half_way_leave_come_back_on_another_device_and_launch(page, browser, live_server):
    owner = sign_up(page)
    influencer = InfluencerFactory(owner=owner, name="Bristol Crumb")
    ProfileFactory(influencer=influencer, followers=14_000)
    today = timezone.localdate()

    page.goto("/campaigns/new/")
    page.get_by_label("Give the campaign a name").fill("Spring loaves")
    page.get_by_role("button", name="Start planning").click()
    page.wait_for_url(re.compile(r"/plan/1/$"))
    assert page.get_by_text("Step 1 of 7: Find influencers").is_visible()
    page.get_by_label("Bristol Crumb").check()
    screenshot(page, "wizard-1")
    save_and_continue(page, 2)

    page.get_by_label("Get more customers").check()
    page.get_by_label("How many?").fill("40")
    page.get_by_label("Of what?").fill("new customers")
    page.get_by_label("Start date").fill((today + timedelta(days=2)).isoformat())
    page.get_by_label("Deadline").fill((today + timedelta(days=45)).isoformat())
    preview = page.locator("#goal-preview")
    # The sentence grows as the owner types (htmx asks the server for it).
    preview.filter(has_text=re.compile(r"^Gain 40 new customers by \d")).wait_for()
    screenshot(page, "wizard-2")
    save_and_continue(page, 3)

    assert page.get_by_role(
        "checkbox", name="New customers"
    ).is_checked()  # suggested for this goal
    page.get_by_label("New customers: Target by the deadline").fill("40")
    screenshot(page, "wizard-3")
    save_and_continue(page, 4)

    # Leave half-way: log out.
    page.get_by_role("button", name="Rosa's Sourdough").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/$"))

    # Another device: a new browser context, with no cookies from the first.
    other = browser.new_context(base_url=live_server.url)
    device = other.new_page()
    errors = []
    device.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(device, owner, PASSWORD)
    campaign = Campaign.objects.get(owner=owner)
    device.goto(f"/campaigns/{campaign.pk}/plan/")
    device.wait_for_url(re.compile(r"/plan/4/$"))
    device.get_by_role("button", name=re.compile("Main goal")).click()
    device.wait_for_url(re.compile(r"/plan/2/$"))
    assert device.get_by_label("How many?").input_value() in ("40", "40.00")
    assert device.get_by_label("Get more customers").is_checked()
    device.get_by_role("button", name=re.compile("Your business")).click()
    device.wait_for_url(re.compile(r"/plan/4/$"))

    device.get_by_label("What does your business need most right now?").fill(
        "More people on weekday mornings"
    )
    device.get_by_label("Who are your ideal customers?").fill("Local families")
    device.get_by_label("How could influencers help with that?").fill("Show our bakers at work")
    device.get_by_label("It has a number I can count.").check()
    screenshot(device, "wizard-4")
    save_and_continue(device, 5)

    device.get_by_label("Which page should the influencers' links open?").fill(
        "https://rosas.example/spring"
    )
    device.get_by_label("What will you change then?").fill("Ask for a video instead")
    screenshot(device, "wizard-5")
    save_and_continue(device, 6)

    device.get_by_label("Cash budget").fill("300")
    device.get_by_label("Promo codes at your till or in your online shop").check()
    device.get_by_label("Bristol Crumb: Promo code").fill("CRUMB10")
    assert (
        "Hi Bristol Crumb," in device.get_by_label("Bristol Crumb: Message to send").input_value()
    )
    screenshot(device, "wizard-6")
    save_and_continue(device, 7)

    screenshot(device, "wizard-7")
    device.get_by_role("button", name="Launch campaign").click()
    device.wait_for_url(re.compile(rf"/campaigns/{campaign.pk}/$"))
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
    assert campaign.goal_sentence.startswith("Gain 40 new customers by")
    assert campaign.partnerships.get().promo_code == "CRUMB10"
    assert campaign.kpis.get().target == 40
    other.close()
    assert not errors, errors


def test_every_step_fits_a_phone_screen(phone_page):
    owner = UserFactory()
    campaign = CampaignFactory(owner=owner, plan_step=8)
    partnership = PartnershipFactory(campaign=campaign)
    ProfileFactory(influencer=partnership.influencer)
    CampaignKPIFactory(campaign=campaign)
    phone_page.goto("/accounts/login/")
    phone_page.get_by_label("Email").fill(owner.email)
    phone_page.get_by_label("Password").fill(PASSWORD_OF_FACTORIES)
    phone_page.get_by_role("button", name="Log in").click()
    phone_page.wait_for_url(re.compile(r"/campaigns/$"))
    for step in range(1, 8):
        phone_page.goto(f"/campaigns/{campaign.pk}/plan/{step}/")
        assert phone_page.get_by_text(f"Step {step} of 7").is_visible()
        screenshot(phone_page, f"wizard-{step}-phone")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"step {step} is {width}px wide on a 375px screen"
