"""Customers' voice in a real browser: a customer answers the survey on a 320 px phone from
the address on the printed card (without JavaScript), a tap at the till counts and undo
takes it back (also after a dropped connection), and the dashboard shows the range."""

import re

import pytest

from kpis.models import SurveyAnswer, TillTap
from tests.reports.conftest import build_campaign, pdf_text

from .axe import assert_accessible
from .conftest import log_in, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SURVEY_ADDRESS = re.compile(r"https?://\S+/s/[a-z0-9]+")
# What a phone's browser sends (headless Chromium's own name marks it as a robot).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


def test_a_customer_answers_on_a_phone_from_the_printed_card(
    page, browser, live_server, owner, settings
):
    settings.SITE_URL = live_server.url
    campaign = build_campaign(owner)
    influencer = campaign.partnerships.first().influencer
    sign_in(page, owner)
    page.goto(f"/campaigns/{campaign.pk}/survey/")
    card = page.get_by_role("link", name="small card (A6)").get_attribute("href")
    response = page.request.get(card)
    assert response.headers["content-type"] == "application/pdf"
    (address,) = SURVEY_ADDRESS.findall(pdf_text(response.body()))

    phone = browser.new_context(
        viewport={"width": 320, "height": 640},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
        user_agent=PHONE_AGENT,
    )
    customer = phone.new_page()
    customer.goto(address)
    assert customer.evaluate("document.documentElement.scrollWidth") <= 320
    customer.get_by_label(f"{influencer.name} (online)").check()
    customer.get_by_label("What made you come in?").fill("Saw the reel, wanted the buns")
    customer.get_by_label("5", exact=True).check()
    screenshot(customer, "survey-phone-320")
    customer.get_by_role("button", name="Send").click()

    assert customer.get_by_role("heading", name="Thank you!").is_visible()
    phone.close()
    answer = SurveyAnswer.objects.get()
    assert (answer.partnership.influencer, answer.rating) == (influencer, 5)

    page.goto(f"/campaigns/{campaign.pk}/")
    section = page.locator("section", has=page.get_by_role("heading", name="Results as a range"))
    assert section.get_by_text("plus 1 from the survey and 0 from the till tally").is_visible()
    assert section.get_by_text("Which end to trust:", exact=True).is_visible()
    screenshot(page, "dashboard-range")
    assert_accessible(page)
    page.goto(address)  # the customer's page, checked with the script the owner's tab runs
    assert_accessible(page)


def test_a_tap_at_the_till_counts_and_undo_takes_it_back(phone_page, owner):
    campaign = build_campaign(owner)
    influencer = campaign.partnerships.first().influencer
    sign_in(phone_page, owner)
    phone_page.goto(f"/campaigns/{campaign.pk}/till/")
    assert_accessible(phone_page)
    button = phone_page.get_by_role("button", name=re.compile(re.escape(influencer.name)))
    status = phone_page.get_by_role("status")

    button.click()
    status.get_by_text("Sent.").wait_for()
    assert button.locator("[data-count]").inner_text() == "1"
    assert TillTap.objects.filter(partnership__influencer=influencer).count() == 1

    phone_page.get_by_role("button", name="Undo the last tap").click()
    status.get_by_text("Undone.").wait_for()
    assert button.locator("[data-count]").inner_text() == "0"
    assert not TillTap.objects.exists()

    # The connection drops at the till: taps wait on the device, then are sent.
    phone_page.context.set_offline(True)
    button.click()
    button.click()
    status.get_by_text("2 taps waiting for the connection").wait_for()
    assert not TillTap.objects.exists()
    screenshot(phone_page, "till-offline")
    phone_page.context.set_offline(False)
    phone_page.evaluate("window.dispatchEvent(new Event('online'))")
    status.get_by_text("Sent.").wait_for()
    assert TillTap.objects.count() == 2

    # Logged out meanwhile (the session ended): the page says plainly it could not send.
    context = phone_page.context
    kept = [cookie for cookie in context.cookies() if cookie["name"] != "sessionid"]
    context.clear_cookies()
    context.add_cookies(kept)
    button.click()
    status.get_by_text("Could not send these taps").wait_for()
    assert TillTap.objects.count() == 2

    # Logged in again, the till page sends the tap that waited on the device.
    log_in(phone_page, owner)
    phone_page.goto(f"/campaigns/{campaign.pk}/till/")
    status.get_by_text("Sent.").wait_for()
    assert TillTap.objects.count() == 3
    assert button.locator("[data-count]").inner_text() == "3"  # the waiting tap is on it
    phone_page.goto(f"/campaigns/{campaign.pk}/")
    assert phone_page.get_by_text("plus 0 from the survey and 3 from the till tally").is_visible()


def test_the_feedback_log_fills_and_the_report_shows_the_range(page, owner):
    campaign = build_campaign(owner)
    influencer = campaign.partnerships.first().influencer
    sign_in(page, owner)
    page.goto(f"/campaigns/{campaign.pk}/")
    page.get_by_role("link", name="Add or read feedback").click()

    page.get_by_label("What they said").fill("Came in after the reel, loved the rye")
    page.get_by_label("Positive").check()
    page.get_by_label("Who said it").select_option(label="A follower's comment or message")
    page.get_by_label("About which influencer").select_option(label=influencer.name)
    page.get_by_role("button", name="Save").click()

    assert page.get_by_text("Feedback saved.").is_visible()
    assert page.get_by_text("Positive: 1").is_visible()
    assert_accessible(page)
    page.goto(f"/campaigns/{campaign.pk}/")
    said = page.locator("section", has=page.get_by_role("heading", name="What people said"))
    assert said.get_by_text("Came in after the reel, loved the rye").is_visible()

    href = page.get_by_role("link", name="Report (PDF)").get_attribute("href")
    report = pdf_text(page.request.get(href).body()).replace("\n", " ")
    assert "Results as a range" in report
    assert "Keep or stop, per influencer" in report
    assert f"{influencer.name}:" in report
    assert "Came in after the reel, loved the rye" in report
