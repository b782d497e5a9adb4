"""Each influencer's results as a range on the dashboard and in the report PDF: counted for
sure, likely and at most, each with its revenue in the business's currency, ROAS and profit
ROI, which end to trust, and one sentence saying how their "at most" is counted (the whole
rise over the weeks before the start: nothing tells whose posts brought it), or why there is
none."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kpis.forms import DAYS_BEFORE_START_ALLOWED
from kpis.models import Survey
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    MeasurementFactory,
    RedemptionFactory,
    SurveyAnswerFactory,
    TillTapFactory,
)

from .conftest import pdf_text
from .test_figures_agree import Page

pytestmark = pytest.mark.django_db

D = Decimal
TODAY = timezone.localdate()
DAYS_BEFORE, DAYS_IN = DAYS_BEFORE_START_ALLOWED, 10  # readings start a week early at most
SHARED_RULE = "adds the whole rise over the weeks before the start"
NO_BASELINE = "no sales, revenue or visits were recorded for the weeks before the start"
ONLY_AT_MOST = (
    "Only their highest end pays back, and it counts the whole rise over the weeks before "
    "the start as theirs: trust the lower ends."
)
NOT_EVEN_HIGHEST = "Even their highest end has not paid back what they cost: trust the counted end."


def build(owner, *, baseline):
    """Two influencers on a campaign 10 days in, at 50% margin: promo-code uses, survey
    answers (one over the cap, one that used a code), till taps, and the shop's daily
    orders and revenue typed in for the week before the start and the days since."""
    owner.business.currency = "EUR"
    owner.business.save()
    campaign = CampaignFactory(
        owner=owner,
        status="active",
        start_date=TODAY - datetime.timedelta(days=DAYS_IN - 1),
        end_date=TODAY + datetime.timedelta(days=20),
        gross_margin=D("50"),
        other_costs=0,
    )
    survey = Survey.for_campaign(campaign)
    maya = partner(campaign, "Maya Cooks", fee="150", codes=4, taps=3)
    SurveyAnswerFactory.create_batch(2, survey=survey, partnership=maya)
    SurveyAnswerFactory(survey=survey, partnership=maya, suspect=True)
    SurveyAnswerFactory(survey=survey, partnership=maya, used_code=True)
    SurveyAnswerFactory(survey=survey, heard_from="friend")
    partner(campaign, "Sam Bakes", fee="250", codes=2, taps=1)
    orders = CampaignKPIFactory(campaign=campaign, kind="orders", position=0)
    revenue = CampaignKPIFactory(campaign=campaign, kind="revenue", position=1)
    start = campaign.start_date
    days = [(start + datetime.timedelta(days=n), 5, "100") for n in range(DAYS_IN)]
    if baseline:
        days += [(start - datetime.timedelta(days=n), 2, "40") for n in range(1, DAYS_BEFORE + 1)]
    for day, sales, amount in days:
        MeasurementFactory(kpi=orders, date=day, value=sales)
        MeasurementFactory(kpi=revenue, date=day, value=D(amount))
    return campaign


def partner(campaign, name, *, fee, codes, taps):
    partnership = PartnershipFactory(
        campaign=campaign,
        influencer__name=name,
        fee=D(fee),
        product_value=0,
        shipping=0,
        commission_rate=0,
    )
    RedemptionFactory.create_batch(codes, partnership=partnership, revenue=D("25.00"), date=TODAY)
    TillTapFactory.create_batch(taps, campaign=campaign, partnership=partnership)
    return partnership


# What the records above add up to. The rise over the week before (2 orders and 40.00 a
# day): 10 days at 5 orders and 100.00 a day is 30 orders and 600.00 more than usual.
RISE_SALES = (5 - 2) * DAYS_IN
RISE_REVENUE = (D("100") - D("40")) * DAYS_IN
# Maya: 4 code uses at 25.00; likely adds 2 answers (not the one over the cap, not the one
# that used a code) and 3 till taps at her average order of 25.00.
MAYA_LIKELY = 4 + 2 + 3
# Sam: 2 code uses at 25.00, 1 till tap.
SAM_LIKELY = 2 + 1


def money(amount):
    return f"€{amount:,.2f}"


def end_line(label, sales, revenue, fee):
    roas = (revenue / D(fee)).quantize(D("0.01"))
    profit_roi = ((revenue * D("0.5") - D(fee)) / D(fee) * 100).quantize(D("1"))
    return f"{label}: {sales} sales, {money(revenue)} (ROAS {roas}, profit ROI {profit_roi}%)."


EXPECTED = {
    "Maya Cooks": {
        "sure": end_line("Counted for sure", 4, D("100"), "150"),
        "likely": end_line("Likely", MAYA_LIKELY, D("25") * MAYA_LIKELY, "150"),
        "at-most": end_line(
            "At most", MAYA_LIKELY + RISE_SALES, D("25") * MAYA_LIKELY + RISE_REVENUE, "150"
        ),
    },
    "Sam Bakes": {
        "sure": end_line("Counted for sure", 2, D("50"), "250"),
        "likely": end_line("Likely", SAM_LIKELY, D("25") * SAM_LIKELY, "250"),
        "at-most": end_line(
            "At most", SAM_LIKELY + RISE_SALES, D("25") * SAM_LIKELY + RISE_REVENUE, "250"
        ),
    },
}


def test_the_worked_figures():
    # The expected lines, worked by hand, so a slip in the helpers above cannot hide one.
    assert EXPECTED["Maya Cooks"]["at-most"] == (
        "At most: 39 sales, €825.00 (ROAS 5.50, profit ROI 175%)."
    )
    assert EXPECTED["Sam Bakes"]["at-most"] == (
        "At most: 33 sales, €675.00 (ROAS 2.70, profit ROI 35%)."
    )


def test_each_influencer_has_an_at_most_end_on_the_dashboard(owner_client, owner):
    campaign = build(owner, baseline=True)

    html = owner_client.get(reverse("reports:dashboard", args=[campaign.pk])).content.decode()

    page = Page(html)
    for end in ("sure", "likely", "at-most"):
        assert page.by_class[f"influencer-range-{end}"] == [
            EXPECTED[name][end] for name in ("Maya Cooks", "Sam Bakes")
        ]
    assert SHARED_RULE in page.one("at-most-note")
    assert "do not add up to the campaign" in page.one("at-most-note")
    # Both pay back only if the whole rise were theirs: the page says not to count on it.
    assert page.by_class["influencer-trust"] == [f"Which end to trust: {ONLY_AT_MOST}"] * 2


def test_each_influencer_has_an_at_most_end_in_the_report_pdf(owner_client, owner):
    campaign = build(owner, baseline=True)

    response = owner_client.get(reverse("reports:report_pdf", args=[campaign.pk]))

    text = " ".join(pdf_text(response.content).split())
    for name in ("Maya Cooks", "Sam Bakes"):
        lines = " ".join([*EXPECTED[name].values(), "Which end to trust:", ONLY_AT_MOST])
        assert lines in text, name
    assert SHARED_RULE in text


def test_without_a_baseline_there_is_no_at_most_and_the_page_says_why(owner_client, owner):
    campaign = build(owner, baseline=False)

    html = owner_client.get(reverse("reports:dashboard", args=[campaign.pk])).content.decode()
    page = Page(html)
    pdf = " ".join(
        pdf_text(
            owner_client.get(reverse("reports:report_pdf", args=[campaign.pk])).content
        ).split()
    )

    assert "influencer-range-at-most" not in page.by_class
    assert page.by_class["influencer-range-likely"] == [
        EXPECTED[name]["likely"] for name in ("Maya Cooks", "Sam Bakes")
    ]
    assert NO_BASELINE in page.one("at-most-note")
    # Without a baseline the likely end is their highest, and neither pays back on it.
    assert page.by_class["influencer-trust"] == [f"Which end to trust: {NOT_EVEN_HIGHEST}"] * 2
    assert NO_BASELINE in pdf
    assert not re.search(r"At most: \d+ sales", pdf)
