"""Visible focus, measured in a real browser: Tab through the five key pages and check that
every stop draws a ring of at least 2 px whose colour has at least 3:1 contrast against what
is really behind it (the page, a card, the green menu bar)."""

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import ProfileFactory
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TAB_STOPS = 150

# The focused element's ring: its width, colour, and the colour behind the ring, found by
# asking the page what is painted just outside the element (or inside, for an inset ring).
RING = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!window.firstStop) window.firstStop = el;
  else if (el === window.firstStop) return {wrapped: true};
  el.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
  const style = getComputedStyle(el);
  const width = style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset) || 0;
  const rect = el.getBoundingClientRect();
  const gap = offset + width / 2;
  const midX = rect.left + rect.width / 2, midY = rect.top + rect.height / 2;
  const points = [[rect.left - gap, midY], [rect.right + gap, midY],
                  [midX, rect.top - gap], [midX, rect.bottom + gap]];
  const inside = ([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const point = points.find(inside) || points[0];
  let behind = el;
  if (gap > 0) {
    const under = document.elementsFromPoint(point[0], point[1]);
    behind = under.find(e => e !== el && !el.contains(e)) || document.body;
  }
  let background = "rgb(255, 255, 255)";
  for (let node = behind; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    const alpha = colour.startsWith("rgba") ? parseFloat(colour.split(",")[3]) : 1;
    if (alpha > 0.5) { background = colour; break; }
  }
  return {name: el.outerHTML.slice(0, 120), width, ring: style.outlineColor, background};
}"""


def luminance(colour):
    channels = [float(c) for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    linear = [
        c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
        for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula():
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert round(contrast("rgb(255, 255, 255)", "rgb(31, 95, 91)"), 1) == 7.4


@pytest.fixture
def owner_page(page):
    page.owner = UserFactory()
    sign_in(page, page.owner)
    return page


@pytest.fixture
def campaign(owner_page):
    campaign = CampaignFactory(
        owner=owner_page.owner, status="active", launched_at=timezone.now(), plan_step=8
    )
    partnership = PartnershipFactory(campaign=campaign)
    ProfileFactory(influencer=partnership.influencer)
    kpi = CampaignKPIFactory(campaign=campaign)
    MeasurementFactory(kpi=kpi, influencer=partnership.influencer)
    return campaign


@pytest.mark.parametrize("suffix", ["", "plan/2/", "checklist/", "measurements/", "/influencers/"])
def test_every_tab_stop_shows_a_ring_of_3_to_1(owner_page, campaign, suffix):
    page = owner_page
    page.goto(suffix if suffix.startswith("/") else f"/campaigns/{campaign.pk}/{suffix}")
    failures, seen = [], 0
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring is None:
            continue
        if ring.get("wrapped"):
            break
        seen += 1
        ratio = contrast(ring["ring"], ring["background"])
        if ring["width"] < 2 or ratio < 3:
            failures.append(
                f"{ring['name']}: {ring['width']}px {ring['ring']} "
                f"on {ring['background']} = {ratio:.2f}:1"
            )
    assert seen >= 10, f"only {seen} controls took focus"
    assert not failures, "\n".join(failures)
