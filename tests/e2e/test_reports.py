"""An owner opens a running campaign's dashboard, sorts the influencers, and downloads the
report and the checklist as PDFs (on a desktop and on a phone)."""

import re

import pytest

from tests.reports.conftest import build_campaign, pdf_text

from .conftest import log_in, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def download_pdf(page, link_name):
    """Clicks a PDF link and returns the file's bytes. The PDF opens inline in a browser, so
    the download is fetched with the page's own session (its cookies)."""
    href = page.get_by_role("link", name=link_name).first.get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    return response.body()


def test_owner_reads_the_dashboard_and_downloads_both_pdfs(page, owner):
    campaign = build_campaign(owner)
    log_in(page, owner)
    screenshot(page, "reports-portfolio")
    assert page.get_by_role("cell", name="Behind plan").first.is_visible()

    page.get_by_role("link", name=campaign.name).click()
    page.wait_for_url(f"**/campaigns/{campaign.pk}/")
    assert page.get_by_text(campaign.goal_sentence).is_visible()
    assert page.get_by_role("heading", name="What to try next").is_visible()
    assert page.locator("svg.kpi-chart").count() == 3
    assert page.get_by_role("img", name="New customers over time").is_visible()
    screenshot(page, "reports-dashboard")

    page.get_by_role("link", name="Link clicks").click()  # sort the comparison table
    page.wait_for_url(re.compile(r"sort=clicks"))

    report = pdf_text(download_pdf(page, "Report (PDF)"))
    assert campaign.goal_sentence in report.replace("\n", " ")
    assert "Is it worth the money?" in report

    checklist = pdf_text(download_pdf(page, "Printable checklist (PDF)"))
    assert campaign.goal_sentence in checklist.replace("\n", " ")
    assert "☑" in checklist and "☐" in checklist


def test_dashboard_on_a_phone_wraps_long_owner_text(phone_page, owner):
    endless = "Supercalifragilistic" * 10
    campaign = build_campaign(
        owner, goal_sentence=f"<script>alert(1)</script> 🍞 {endless}", adjustment_action=endless
    )
    influencer = campaign.partnerships.first().influencer
    influencer.name = endless[:120]
    influencer.save()
    sign_in(phone_page, owner)
    phone_page.goto(f"/campaigns/{campaign.pk}/")
    screenshot(phone_page, "reports-dashboard-phone")
    assert phone_page.get_by_text("<script>alert(1)</script>", exact=False).is_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px screen"
    assert phone_page.get_by_role("link", name="Record a check-in", exact=True).is_visible()


def test_visitor_downloads_the_blank_checklist(page):
    page.goto("/")
    with page.expect_download() as download_info:
        page.evaluate(
            "() => { const a = document.createElement('a'); a.href = '/checklist.pdf';"
            " a.download = 'checklist.pdf'; document.body.append(a); a.click(); }"
        )
    path = download_info.value.path()
    with open(path, "rb") as downloaded:
        text = pdf_text(downloaded.read())
    assert "Micro-influencer campaign checklist" in text
    assert "☑" not in text
