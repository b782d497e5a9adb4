import re

import pytest

from influencers import demo
from influencers.models import Influencer
from tests.factories.accounts import UserFactory

from .axe import axe_violations
from .conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_owner_adds_an_influencer_and_sees_the_engagement_rate(page, live_server):
    sign_in(page, UserFactory(business__name="Rosie's Bakery"))
    page.goto("/influencers/")
    page.get_by_role("link", name="Add an influencer").click()

    page.get_by_label("Name").fill("Bristol Bread Lover")
    page.get_by_label("Niche").fill("food")
    page.get_by_label("Platform").select_option("instagram")
    page.get_by_label("Handle").fill("@BristolBreadLover")
    page.get_by_label("Followers").fill("12,300")
    page.get_by_label("Average likes per post").fill("410")
    page.get_by_label("Average comments per post").fill("35")

    # The rate appears while typing, computed by the server.
    preview = page.locator("[data-engagement-output]").first
    preview.get_by_text("3.62%").wait_for()
    assert "Micro" in preview.inner_text()
    screenshot(page, "influencer-form-live-rate")

    page.get_by_role("button", name="Save influencer").click()
    page.wait_for_url(re.compile(r"/influencers/\d+/$"))
    assert page.get_by_role("heading", name="Bristol Bread Lover").is_visible()
    profile = page.locator(".profile-card").first
    assert "3.62%" in profile.inner_text()
    assert "by followers" in profile.inner_text()
    assert "Micro (10,000 to 99,999)" in profile.inner_text()
    assert "@bristolbreadlover" in profile.inner_text()
    assert "Rosie's Bakery" in page.locator("#outreach-message").input_value()
    screenshot(page, "influencer-detail")

    page.get_by_role("link", name="Influencers", exact=True).first.click()
    assert page.get_by_role("cell", name="3.62% by followers").is_visible()
    screenshot(page, "influencer-roster")

    # The status changes in place, without leaving the roster.
    with page.expect_response(re.compile(r"/status/$")):
        page.get_by_label("Status of Bristol Bread Lover").select_option("contacted")
    page.get_by_role("status").filter(has_text="Saved").wait_for(state="attached")
    assert page.url.endswith("/influencers/")
    assert Influencer.objects.get(name="Bristol Bread Lover").status == "contacted"


def test_add_another_platform_and_switch_the_offer(page, live_server):
    sign_in(page, UserFactory())
    page.goto("/influencers/new/")
    page.get_by_label("Name").fill("Maya")
    page.get_by_label("Handle").fill("maya")
    page.get_by_role("button", name="Add another platform").click()
    second = page.locator(".profile-form").nth(1)
    second.get_by_label("Platform").select_option("tiktok")
    second.get_by_label("Handle").fill("maya.tt")
    second.get_by_label("Followers").fill("9k")
    second.get_by_label("Average likes per post").fill("900")
    second.locator("[data-engagement-output]").get_by_text("10.00%").wait_for()
    page.get_by_role("button", name="Save influencer").click()
    page.wait_for_url(re.compile(r"/influencers/\d+/$"))
    assert page.locator(".profile-card").count() == 2

    page.get_by_label("A paid post (a fee)").check()
    page.locator("#outreach-message").filter(has_text="pay you").wait_for()


def test_add_another_platform_stops_at_what_the_server_takes(page, live_server):
    """By keyboard alone: Enter on the button adds a profile and moves there, until the
    form holds as many as one request may send (``MAX_PROFILES``)."""
    from influencers.forms import MAX_PROFILES

    sign_in(page, UserFactory())
    page.goto(f"{live_server.url}/influencers/new/")
    button = page.get_by_role("button", name="Add another platform")
    presses = 0
    while button.is_visible() and presses <= MAX_PROFILES:
        button.focus()
        page.keyboard.press("Enter")
        presses += 1

    assert page.locator("#profile-forms .profile-form").count() == MAX_PROFILES
    assert page.evaluate("document.activeElement.name") == f"profiles-{MAX_PROFILES - 1}-platform"


def test_roster_and_profile_on_a_phone(phone_page, live_server):
    owner = UserFactory()
    demo.load(owner)
    sign_in(phone_page, owner)
    phone_page.goto("/influencers/")
    screenshot(phone_page, "influencer-roster-phone")
    phone_page.get_by_role("link", name="Maya Cooks Clifton").click()
    phone_page.get_by_role("heading", name="Maya Cooks Clifton").wait_for()
    screenshot(phone_page, "influencer-detail-phone")
    for path in ("/influencers/", "/influencers/new/", "/influencers/import/"):
        phone_page.goto(path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375, path
    screenshot(phone_page, "influencer-import-phone")


def test_import_a_file_preview_then_save(page, live_server, tmp_path):
    sign_in(page, UserFactory())
    roster_file = tmp_path / "roster.csv"
    roster_file.write_bytes(
        "\ufeffName;Platform;Handle;Followers;Avg likes;Avg comments\n"
        "Bristol Bread Lover;Instagram;@bristolbreadlover;12,300;410;35\n"
        "Sam Eats;TikTok;sameats;38.5k;2900;150\n".encode()
    )
    page.goto("/influencers/import/")
    page.get_by_label("CSV file").set_input_files(str(roster_file))
    page.get_by_role("button", name="Check this file").click()
    page.get_by_role("heading", name="Check 2 profiles before saving").wait_for()
    screenshot(page, "influencer-import-preview")
    page.get_by_role("button", name="Save these profiles").click()
    page.get_by_text("2 profiles added, 0 updated").wait_for()
    assert page.get_by_role("link", name="Sam Eats").is_visible()


def test_import_errors_name_the_line(page, live_server, tmp_path):
    sign_in(page, UserFactory())
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("name,platform,handle,followers\nAnn,instagram,ann,lots\n")
    page.goto("/influencers/import/")
    page.get_by_label("CSV file").set_input_files(str(roster_file))
    page.get_by_role("button", name="Check this file").click()
    page.get_by_text("Line 2: followers: 'lots' is not a number we can read").wait_for()
    screenshot(page, "influencer-import-errors")
    assert content_violations(page) == []


def content_violations(page):
    """axe's serious problems on the page, leaving out the site navigation (not ours)."""
    found = []
    for violation in axe_violations(page):
        for node in violation["nodes"]:
            in_navbar = page.evaluate(
                "(selector) => !!document.querySelector(selector).closest('.navbar')",
                node["target"][0],
            )
            if not in_navbar:
                found.append(f"{violation['id']}: {node['html'][:120]}")
    return found


def test_influencer_pages_are_accessible(page, live_server):
    owner = UserFactory()
    demo.load(owner)
    sign_in(page, owner)
    maya = owner.influencers.get(name="Maya Cooks Clifton")
    for path in (
        "/influencers/",
        f"/influencers/{maya.pk}/",
        f"/influencers/{maya.pk}/edit/",
        f"/influencers/{maya.pk}/delete/",
        "/influencers/import/",
    ):
        page.goto(path)
        assert content_violations(page) == [], path
    page.goto("/influencers/new/")
    page.get_by_role("button", name="Save influencer").click()
    page.locator(".invalid-feedback").first.wait_for()
    screenshot(page, "influencer-form-errors")
    assert content_violations(page) == []
