"""A brand-new owner's first campaign, end to end, on a phone, as they would do it.

Sign up, add two influencers, plan the campaign in the wizard, tick the checklist, record two
check-ins, a visitor clicks a tracked link, then the dashboard and both PDFs.
"""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from pypdf import PdfReader

from campaigns.models import Campaign, CampaignStatus, ChecklistTick
from kpis.models import CheckIn, Click

from .conftest import ask_to_sign_up, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "tess@example.com"
PASSWORD = "warm-crust-at-dawn-31"
SHOP = "https://tess-bakes.example/spring"
PHONE_BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def open_menu_and_go(page, link_name):
    """On a phone the navigation is folded behind the menu button."""
    page.get_by_role("button", name="Show menu").click()
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=link_name, exact=True
    ).click()


def fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide on a 375px phone"


def save_and_continue(page, next_step):
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(re.compile(rf"/plan/{next_step}/$"))
    fits_the_screen(page)


def add_influencer(page, name, handle, followers, likes, comments):
    open_menu_and_go(page, "Influencers")
    page.get_by_role("link", name="Add an influencer").click()
    page.get_by_label("Name").fill(name)
    page.get_by_label("Platform").select_option("instagram")
    page.get_by_label("Handle").fill(handle)
    page.get_by_label("Followers").fill(followers)
    page.get_by_label("Average likes per post").fill(likes)
    page.get_by_label("Average comments per post").fill(comments)
    page.get_by_role("button", name="Save influencer").click()
    page.wait_for_url(re.compile(r"/influencers/\d+/$"))
    assert page.get_by_role("heading", name=name).is_visible()


def pdf_text(page, link_name):
    """Follows a link on the page the way a download would, and reads the PDF's text."""
    href = page.get_by_role("link", name=link_name).first.get_attribute("href")
    response = page.context.request.get(href)
    assert response.status == 200, f"{href}: {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_a_new_owner_runs_a_first_campaign_on_a_phone(phone_page, browser, live_server):
    page = phone_page
    today = timezone.localdate()

    # 1. Sign up from the landing page.
    page.goto("/")
    fits_the_screen(page)
    page.get_by_role("link", name="Start free").click()
    page.wait_for_url(re.compile(r"/accounts/signup/$"))
    page.goto(ask_to_sign_up(page, EMAIL))
    fits_the_screen(page)
    page.get_by_label("Business name").fill("Tess Bakes")
    page.get_by_label("Currency").select_option("GBP")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url(re.compile(r"/campaigns/$"))
    screenshot(page, "journey-01-signed-up")

    # 2. Two influencers on the roster.
    add_influencer(page, "Clifton Crumbs", "cliftoncrumbs", "14,200", "520", "44")
    add_influencer(page, "Harbour Eats", "harboureats", "8,900", "610", "38")
    screenshot(page, "journey-02-influencer")

    # 3. The plan, step by step.
    open_menu_and_go(page, "Campaigns")
    page.get_by_role("link", name="Plan a new campaign").click()
    page.get_by_label("Give the campaign a name").fill("Spring loaves")
    page.get_by_role("button", name="Start planning").click()
    page.wait_for_url(re.compile(r"/plan/1/$"))
    page.get_by_label("Clifton Crumbs").check()
    page.get_by_label("Harbour Eats").check()
    screenshot(page, "journey-03-wizard-1")
    save_and_continue(page, 2)

    page.get_by_label("Get more customers").check()
    page.get_by_label("How many?").fill("40")
    page.get_by_label("Of what?").fill("new customers")
    page.get_by_label("Start date").fill(today.isoformat())
    page.get_by_label("Deadline").fill((today + timezone.timedelta(days=42)).isoformat())
    page.locator("#goal-preview").filter(has_text=re.compile(r"^Gain 40 new customers")).wait_for()
    screenshot(page, "journey-04-wizard-2")
    save_and_continue(page, 3)

    assert page.get_by_role("checkbox", name="New customers").is_checked()
    page.get_by_label("New customers: Target by the deadline").fill("40")
    save_and_continue(page, 4)

    page.get_by_label("What does your business need most right now?").fill(
        "More people in the shop on weekday mornings"
    )
    page.get_by_label("Who are your ideal customers?").fill("Families nearby")
    page.get_by_label("How could influencers help with that?").fill("Show the bakers at work")
    page.get_by_label("It has a number I can count.").check()
    save_and_continue(page, 5)

    page.get_by_label("Which page should the influencers' links open?").fill(SHOP)
    page.get_by_label("What will you change then?").fill("Ask for a video instead")
    save_and_continue(page, 6)

    page.get_by_label("Cash budget").fill("250")
    page.get_by_label("Promo codes at your till or in your online shop").check()
    page.get_by_label("Clifton Crumbs: Promo code").fill("CRUMBS10")
    page.get_by_label("Harbour Eats: Promo code").fill("HARBOUR10")
    screenshot(page, "journey-05-wizard-6")
    save_and_continue(page, 7)

    screenshot(page, "journey-06-wizard-7")
    page.get_by_role("button", name="Launch campaign").click()
    campaign = Campaign.objects.get(owner__email=EMAIL)
    page.wait_for_url(re.compile(rf"/campaigns/{campaign.pk}/$"))
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
    assert campaign.partnerships.count() == 2
    fits_the_screen(page)

    # 4. Tick two checklist items.
    page.get_by_role("link", name="Checklist", exact=True).click()
    page.wait_for_url(re.compile(r"/checklist/$"))
    unticked = page.locator("li[id] [aria-pressed=false]")
    for _ in range(2):
        button = unticked.first
        item_id = button.locator("xpath=ancestor::li[@id][1]").get_attribute("id")
        button.click()
        page.locator(f"#{item_id} [aria-pressed=true]").wait_for()
    assert ChecklistTick.objects.filter(campaign=campaign, ticked_by__isnull=False).count() >= 2
    screenshot(page, "journey-07-checklist")
    fits_the_screen(page)

    # 5. Two check-ins.
    page.goto(f"/campaigns/{campaign.pk}/")
    for new_customers, note in (("4", "First posts are out."), ("7", "Asked for a video.")):
        page.get_by_role("link", name="Record a check-in").first.click()
        page.wait_for_url(re.compile(r"/measurements/$"))
        page.get_by_label("New customers: how many since the last check-in?").fill(new_customers)
        page.get_by_label("What did we change, and why?").fill(note)
        page.get_by_role("button", name="Save check-in").click()
        page.get_by_text("Check-in saved.").wait_for()
        page.goto(f"/campaigns/{campaign.pk}/")
    assert CheckIn.objects.filter(campaign=campaign).count() == 2
    screenshot(page, "journey-08-checkins")

    # 6. A follower taps an influencer's tracked link (another phone, no account).
    link = campaign.partnerships.get(influencer__name="Clifton Crumbs").tracked_link
    visitor = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, user_agent=PHONE_BROWSER
    )
    redirects = []

    def through_our_server(route):
        # The request goes to our server as the browser sent it; the shop itself does not
        # exist, so the browser is shown a stand-in page instead of following the redirect.
        answer = route.fetch(max_redirects=0)
        redirects.append((answer.status, answer.headers.get("location", "")))
        route.fulfill(status=200, body="Tess Bakes shop")

    visitor.route(re.compile(r"/r/"), through_our_server)
    visitor.new_page().goto(f"/r/{link.slug}")
    visitor.close()
    ((status, location),) = redirects
    landed = urlsplit(location)
    assert status == 302
    assert f"{landed.scheme}://{landed.netloc}{landed.path}" == SHOP
    assert parse_qs(landed.query)["utm_medium"] == ["influencer"]
    assert Click.objects.filter(link=link, is_bot=False).count() == 1

    # 7. The dashboard shows the campaign's numbers.
    page.goto(f"/campaigns/{campaign.pk}/")
    dashboard = page.locator("#main").inner_text()
    assert "Spring loaves" in dashboard
    assert "Gain 40 new customers" in dashboard
    assert "Clifton Crumbs" in dashboard and "Harbour Eats" in dashboard
    assert re.search(r"Now\s+11\b", dashboard), "4 + 7 new customers from the two check-ins"
    clifton = page.get_by_role("row", name=re.compile("Clifton Crumbs")).inner_text().split()
    assert clifton[:4] == ["Clifton", "Crumbs", "CRUMBS10", "1"], "one click on her link"
    screenshot(page, "journey-09-dashboard")
    fits_the_screen(page)

    # 8. The two PDFs, with the owner's own plan in them.
    checklist = pdf_text(page, "Printable checklist (PDF)")
    assert "Gain 40 new customers" in checklist
    assert "CRUMBS10" in checklist and "HARBOUR10" in checklist
    report = pdf_text(page, "Report (PDF)")
    assert "Spring loaves" in report
    assert "Clifton Crumbs" in report and "Harbour Eats" in report
