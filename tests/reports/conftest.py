"""A running campaign with numbers in every place the dashboard reads from."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from reports import caching, tables
from reports.caching import in_process
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    MeasurementFactory,
    PostFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)


def build_campaign(owner, days_in=10, length=30, clicks_per_link=3, **campaign_fields):
    """An active campaign ``days_in`` days old with two influencers, three KPIs (typed in,
    tracked links, promo codes) and numbers for each."""
    today = timezone.localdate()
    fields = {
        "owner": owner,
        "name": "Spring sourdough",
        "status": "active",
        "start_date": today - datetime.timedelta(days=days_in),
        "end_date": today - datetime.timedelta(days=days_in) + datetime.timedelta(days=length),
        "goal_sentence": "Gain 50 new customers by the end of spring through local foodies.",
        "other_costs": Decimal("15.00"),
        "gross_margin": Decimal("60"),
        "adjustment_action": "Ask both influencers for a second story with the link.",
        **campaign_fields,
    }
    campaign = CampaignFactory(**fields)
    customers = CampaignKPIFactory(
        campaign=campaign, kind="customers", target=Decimal("50"), position=0
    )
    clicks_kpi = CampaignKPIFactory(
        campaign=campaign, kind="clicks", source="links", target=Decimal("400"), position=1
    )
    CampaignKPIFactory(
        campaign=campaign, kind="revenue", source="codes", target=Decimal("900"), position=2
    )
    for offset, value in ((1, "2"), (4, "3"), (8, "1")):
        MeasurementFactory(
            kpi=customers, date=campaign.start_date + datetime.timedelta(days=offset), value=value
        )
    for index in range(2):
        influencer = InfluencerFactory(owner=owner)
        ProfileFactory(influencer=influencer, followers=10_000 + index * 5_000)
        partnership = PartnershipFactory(
            campaign=campaign,
            influencer=influencer,
            fee=Decimal("50.00") * (index + 1),
            commission_rate=Decimal("10"),
            status="agreed",
            # The second was sent a gift eight days ago and has not posted; the first posted.
            gift_sent_on=today - datetime.timedelta(days=8) if index else None,
        )
        if not index:
            PostFactory(partnership=partnership, posted_on=today - datetime.timedelta(days=2))
        link = TrackedLinkFactory(partnership=partnership)
        for _ in range(clicks_per_link * (index + 1)):
            ClickFactory(link=link, at=timezone.now() - datetime.timedelta(days=2))
        RedemptionFactory(
            partnership=partnership,
            date=today - datetime.timedelta(days=1),
            revenue=Decimal("30.00") * (index + 1),
            new_customer=True,
        )
    assert clicks_kpi.source == "links"
    return campaign


@pytest.fixture
def campaign(owner):
    return build_campaign(owner)


def pdf_text(content):
    """All the text of a PDF, as a reader would copy it."""
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def drawn_sections(monkeypatch):
    """The names of the sections drawn (not served from the cache), in order."""
    names = []
    render = caching.render_to_string

    def spy(template_name, *args, **kwargs):
        if template_name.startswith("reports/sections/"):
            names.append(template_name.rsplit("/", 1)[-1].removesuffix(".html"))
        return render(template_name, *args, **kwargs)

    monkeypatch.setattr(caching, "render_to_string", spy)
    return names


def forget_everything():
    """As after a restart: the cache emptied, and nothing kept in this process's memory."""
    cache.clear()
    for memory in (in_process, tables.frames, tables.drawn_rows):
        memory.clear()


def now_values(html):
    """The "Now" figure of every KPI card, in order (customers, link clicks, revenue)."""
    return re.findall(r'<dd class="kpi-now">([^<]*)</dd>', html)


def visit(client, campaign, query=""):
    """The dashboard's own content, without the layout (whose form token changes each time)."""
    response = client.get(f"/campaigns/{campaign.pk}/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("</header>") : html.index("</main>")]
