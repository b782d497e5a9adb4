"""Forced colours (a Windows contrast theme, here a dark one) and small screens: progress bars
keep a visible fill, and the charts' text and key stay readable."""

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

from .conftest import screenshot, sign_in
from .test_focus_visible import contrast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOOK = """() => {
  const body = getComputedStyle(document.body).backgroundColor;
  const bars = [...document.querySelectorAll('.progress-bar')]
    .filter(bar => bar.getBoundingClientRect().width > 0)
    .map(bar => [getComputedStyle(bar).backgroundColor, body]);
  const text = [...document.querySelectorAll('svg.kpi-chart text, .chart-key')]
    .map(t => [t.tagName === 'text' ? getComputedStyle(t).fill : getComputedStyle(t).color, body]);
  return {bars, text};
}"""


@pytest.fixture
def dashboard(page):
    owner = UserFactory()
    campaign = CampaignFactory(owner=owner, status="active", launched_at=timezone.now())
    partnership = PartnershipFactory(campaign=campaign)
    kpi = CampaignKPIFactory(campaign=campaign, target=50)
    MeasurementFactory(kpi=kpi, influencer=partnership.influencer, value=20)
    sign_in(page, owner)
    return f"/campaigns/{campaign.pk}/"


def test_progress_bars_and_chart_text_show_in_a_dark_contrast_theme(page, dashboard):
    page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto(dashboard)
    screenshot(page, "dashboard-forced-colours-dark")
    look = page.evaluate(LOOK)
    assert look["bars"] and look["text"]
    for fill, behind in look["bars"]:
        assert contrast(fill, behind) >= 3, f"progress bar {fill} on {behind}"
    for colour, behind in look["text"]:
        assert contrast(colour, behind) >= 4.5, f"chart text {colour} on {behind}"


@pytest.mark.parametrize("width", [320, 375])
def test_chart_text_is_readable_on_a_phone(page, dashboard, width):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(dashboard)
    heights = page.evaluate(
        "() => [...document.querySelectorAll('svg.kpi-chart text')]"
        ".filter(t => t.getBoundingClientRect().height > 0)"
        ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )
    assert heights and min(heights) >= 9.5, f"chart text {min(heights):.1f}px at {width}px"
    assert page.locator(".chart-key").first.is_visible()
