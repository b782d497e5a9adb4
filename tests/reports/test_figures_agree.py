"""Every figure is the same wherever it is shown: the dashboard, the report PDF, the
comparison CSV and Excel files, the portfolio row and the roster.

One campaign with three influencers, promo codes, tracked links, clicks (and a bot), numbers
typed in at check-ins through the check-in form and numbers imported from files. Each figure
is read back from what the owner sees, and compared between the places, and with what the
records add up to.
"""

import csv
import datetime
import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import InfluencerFactory, ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    MeasurementFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

D = Decimal


class Page(HTMLParser):
    """The text of every element with a class, and every table's rows, of an HTML page."""

    def __init__(self, html):
        super().__init__()
        self.by_class = {}
        self.tables = []
        self._open = []  # [(tag, classes, [text])]
        self._row = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("br", "img", "input", "meta", "link"):
            return
        self._open.append((tag, classes, []))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []

    def handle_endtag(self, tag):
        while self._open:
            open_tag, classes, text = self._open.pop()
            content = " ".join("".join(text).split())
            for name in classes:
                self.by_class.setdefault(name, []).append(content)
            if self._open:
                self._open[-1][2].append("".join(text))
            if open_tag in ("td", "th") and self._row is not None:
                self._row.append(content)
            if open_tag == "tr" and self._row is not None:
                self.tables[-1].append(self._row)
                self._row = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)

    def one(self, css_class):
        (text,) = self.by_class[css_class]
        return text

    def table_with(self, heading):
        """The table whose header row names ``heading``; header cells lose the sort hint
        that sortable columns carry for screen readers ("Cost, sort", "Name ↑, sorted ...")."""
        for table in self.tables:
            header = (
                [re.sub(r"( [↑↓])?, (sort|sorted .*)$", "", cell) for cell in table[:1][0]]
                if table
                else []
            )
            if heading in header:
                return [header, *table[1:]]
        raise LookupError(heading)


def number(text):
    """ "£1,234.50" -> 1234.50, "45%" -> 45, "1,067" -> 1067, "—" -> None."""
    if text in ("—", "", None):
        return None
    match = re.search(r"-?[\d,]+(\.\d+)?", str(text))
    return D(match.group(0).replace(",", ""))


def as_records(header, rows):
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def campaign(owner, owner_client):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=12)
    campaign = CampaignFactory(
        owner=owner,
        name="Spring loaves",
        status="active",
        start_date=start,
        end_date=start + datetime.timedelta(days=30),
        other_costs=D("15.00"),
        gross_margin=D("60"),
    )
    kpis = {
        "customers": CampaignKPIFactory(
            campaign=campaign, kind="customers", target=D(40), position=0
        ),
        "clicks": CampaignKPIFactory(
            campaign=campaign, kind="clicks", source="links", target=D(60), position=1
        ),
        "revenue": CampaignKPIFactory(
            campaign=campaign, kind="revenue", source="codes", target=D(600), position=2
        ),
        "followers": CampaignKPIFactory(
            campaign=campaign, kind="followers", baseline=D(1000), target=D(1300), position=3
        ),
        "visits": CampaignKPIFactory(
            campaign=campaign, kind="visits", source="analytics", target=D(500), position=4
        ),
    }
    deals = [
        ("Ava", "AVA10", D("80.00"), D("20.00"), D("4.50"), D("10")),
        ("Ben", "BEN10", D("0"), D("35.00"), D("3.20"), D("0")),
        ("Cleo", "CLEO10", D("50.00"), D("0"), D("0"), D("5")),
    ]
    partnerships = {}
    for name, code, fee, products, shipping, commission in deals:
        influencer = InfluencerFactory(owner=owner, name=name)
        partnerships[name] = PartnershipFactory(
            campaign=campaign,
            influencer=influencer,
            promo_code=code,
            fee=fee,
            product_value=products,
            shipping=shipping,
            commission_rate=commission,
            status="posted",
        )
    # Ava has two profiles: the bigger one (Instagram, with reach) is the one rated.
    ava = partnerships["Ava"].influencer
    ProfileFactory(influencer=ava, followers=12_000, avg_reach=3_000, avg_likes=400)
    ProfileFactory(
        influencer=ava, platform="tiktok", followers=4_000, avg_likes=900, avg_reach=None
    )
    ProfileFactory(influencer=partnerships["Ben"].influencer, followers=8_000, avg_reach=None)

    def clicks(name, how_many, days_ago, **fields):
        link = getattr(partnerships[name], "tracked_link", None) or TrackedLinkFactory(
            partnership=partnerships[name]
        )
        at = timezone.now() - datetime.timedelta(days=days_ago)
        for _ in range(how_many):
            ClickFactory(link=link, at=at, **fields)

    clicks("Ava", 5, 9)
    clicks("Ava", 4, 2)
    clicks("Ava", 2, 2, is_bot=True)
    clicks("Ben", 3, 5)
    TrackedLinkFactory(partnership=partnerships["Cleo"])

    def code_use(name, revenue, days_ago, first_time=False, **fields):
        RedemptionFactory(
            partnership=partnerships[name],
            date=today - datetime.timedelta(days=days_ago),
            revenue=D(revenue),
            new_customer=first_time,
            **fields,
        )

    code_use("Ava", "40.00", 8, first_time=True)
    code_use("Ava", "25.50", 3)
    # Imported from a shop's orders export: each with its order number.
    code_use("Ben", "19.99", 4, first_time=True, source="shop", order_ref="#1001")
    code_use("Ben", "60.01", 4, first_time=True, source="shop", order_ref="#1002")
    code_use("Ben", "12.00", 1, source="shop", order_ref="#1003")
    code_use("Cleo", "33.33", 2, first_time=True)

    # Typed in at two check-ins, through the check-in form.
    url = reverse("kpis:measurements", args=[campaign.pk])
    for days_ago, customers, whose, followers in ((7, "3", "Ava", "1040"), (1, "2", "", "1090")):
        response = owner_client.post(
            url,
            {
                "date": (today - datetime.timedelta(days=days_ago)).isoformat(),
                "note": "Weekly numbers",
                f"value_{kpis['customers'].pk}": customers,
                f"influencer_{kpis['customers'].pk}": (
                    str(partnerships[whose].influencer_id) if whose else ""
                ),
                f"value_{kpis['followers'].pk}": followers,
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    # Imported from an analytics export (per influencer) and a generic file.
    for days_ago, sessions, name in ((6, "120", "Ben"), (2, "75", "Ava")):
        MeasurementFactory(
            kpi=kpis["visits"],
            date=today - datetime.timedelta(days=days_ago),
            value=D(sessions),
            source="analytics",
            influencer=partnerships[name].influencer,
        )
    MeasurementFactory(
        kpi=kpis["customers"],
        date=today - datetime.timedelta(days=4),
        value=D(1),
        source="manual",
        influencer=partnerships["Cleo"].influencer,
        note="Imported from a file (line 2)",
    )
    return campaign


# What the records add up to, counted by hand from the fixture above.
RECORDS = {
    "clicks": 12,  # 5 + 4 by Ava (bots left out), 3 by Ben
    "orders": 6,
    "revenue": D("190.83"),
    "new_customers": 10,  # 3 + 2 + 1 typed or imported, 4 code uses marked first-time
    "per_person": {
        # clicks, orders, new customers, revenue
        "Ava": (9, 2, 4, D("65.50")),
        "Ben": (3, 3, 2, D("92.00")),
        "Cleo": (0, 1, 2, D("33.33")),
    },
}


def dashboard_figures(page):
    """{name: text} of every figure of the ROI panel, as the dashboard and the PDF label it."""
    return {
        name: page.one(f"roi-{name}")
        for name in (
            "revenue",
            "cost",
            "roas",
            "cash",
            "profit",
            "profit-amount",
            "break-even",
            "cpc",
            "cpa",
            "cpe",
            "conversion",
        )
    }


ROI_LABELS = {
    "revenue": "Brought in (revenue)",
    "cost": "Total cost",
    "roas": "Return on ad spend (ROAS)",
    "cash": "Cash return (cash ROI)",
    "profit": "Profit return (profit ROI)",
    "profit-amount": "Profit after costs",
    "break-even": "Sales needed to break even",
    "cpc": "Cost per click",
    "cpa": "Cost per new customer",
    "cpe": "Cost per engagement (CPE)",
    "conversion": "Sales per click (conversion rate)",
}

TABLE_COLUMNS = (
    "Link clicks",
    "Sales (orders)",
    "New customers",
    "Revenue",
    "Cost",
    "Cost per new customer",
    "Back per £1 spent",
    "Engagement rate",
)


def test_every_figure_is_the_same_everywhere(owner_client, campaign):
    html = owner_client.get(reverse("reports:dashboard", args=[campaign.pk])).content.decode()
    page = Page(html)

    # The dashboard against the records.
    roi = dashboard_figures(page)
    assert number(roi["revenue"]) == RECORDS["revenue"]
    table = page.table_with("Influencer")
    rows = {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}
    for name, (clicks, orders, customers, revenue) in RECORDS["per_person"].items():
        row = rows[name]
        assert number(row["Link clicks"]) == clicks
        assert number(row["Sales (orders)"]) == orders
        assert number(row["New customers"]) == customers
        assert number(row["Revenue"]) == revenue
    # The influencers' rows add up to the campaign's figures.
    assert sum(number(row["Revenue"]) for row in rows.values()) == RECORDS["revenue"]
    whole = rows["The whole campaign (not one influencer)"]
    assert (number(whole["New customers"]), number(whole["Cost"])) == (2, D(15))
    for column, figure in (("Revenue", "revenue"), ("Cost", "cost")):
        assert sum(number(row[column]) for row in rows.values()) == number(roi[figure])
    assert roi["cpc"].startswith("£")
    assert number(roi["cpc"]) == (number(roi["cost"]) / RECORDS["clicks"]).quantize(D("0.01"))
    assert number(roi["cpa"]) == (number(roi["cost"]) / RECORDS["new_customers"]).quantize(
        D("0.01")
    )

    # The KPI cards: the card's new customers are the ROI panel's and the table's.
    nows = [number(text) for text in page.by_class["kpi-now"]]
    customers_now, clicks_now, revenue_now, followers_now, _visits_now = nows
    assert customers_now == RECORDS["new_customers"]
    assert customers_now == sum(number(row["New customers"]) for row in rows.values())
    assert clicks_now == RECORDS["clicks"]
    assert revenue_now == RECORDS["revenue"]
    assert followers_now == 1090
    cards = {
        "now": page.by_class["kpi-now"],
        "progress": page.by_class["kpi-progress"],
        "projected": page.by_class["kpi-projected"],
    }
    targets = (40, 60, 600, 1300, 500)  # customers, clicks, revenue, followers, visits
    badges = page.by_class["kpi-pace"]
    for projected, now, target, badge in zip(
        cards["projected"], cards["now"], targets, badges, strict=True
    ):
        assert "." not in projected or projected.startswith("£")  # counts are whole
        assert number(projected) >= number(now)  # all five are rising
        # The badge never contradicts the forecast beside it.
        assert badge != "Behind plan" if number(projected) >= target else badge != "Ahead of plan"
    assert number(roi["conversion"]) == D("50.0")  # 6 sales from 12 clicks

    # The report PDF says the same.
    response = owner_client.get(reverse("reports:report_pdf", args=[campaign.pk]))
    text = " ".join(pdf_text(response.content).split())
    for name, label in ROI_LABELS.items():
        assert f"{label} {roi[name]}" in text, name
    for now, progress, projected in zip(*cards.values(), strict=True):
        facts = [f"Now {now}", f"Progress {progress}", f"by the deadline {projected}"]
        positions = [text.find(fact) for fact in facts]
        assert -1 not in positions and positions == sorted(positions), facts
    for name, row in rows.items():
        cells = [row[column] for column in ("Influencer", "Code", *TABLE_COLUMNS)]
        assert " ".join(cells) in text, name

    # The comparison CSV and Excel files hold the same numbers.
    export = reverse("reports:influencers_export", args=[campaign.pk, "csv"])
    lines = list(csv.reader(io.StringIO(owner_client.get(export).content.decode("utf-8-sig"))))
    exported = {record["Influencer"]: record for record in as_records(lines[0], lines[1:])}
    export = reverse("reports:influencers_export", args=[campaign.pk, "xlsx"])
    sheet = openpyxl.load_workbook(io.BytesIO(owner_client.get(export).content)).active
    values = [[cell.value for cell in line] for line in sheet.iter_rows()]
    workbook = {record["Influencer"]: record for record in as_records(values[0], values[1:])}
    for name, row in rows.items():
        for column in TABLE_COLUMNS:
            shown = number(row[column])
            assert number(exported[name][column] or "—") == shown, (name, column)
            cell = workbook[name][column]
            assert (None if cell in (None, "") else D(str(cell))) == shown, (name, column)
        basis = exported[name]["Rate measured on"] or "—"  # a blank cell when none
        assert basis == row["Rate measured on"]

    # The portfolio row.
    portfolio = Page(owner_client.get(reverse("reports:portfolio")).content.decode())
    table = portfolio.table_with("Campaign")
    (row,) = [dict(zip(table[0], line, strict=True)) for line in table[1:-1]]
    assert row["Spent"] == roi["cost"]
    assert row["Brought in"] == roi["revenue"]
    assert row["Profit ROI"] == roi["profit"]
    assert row["Progress"].startswith(cards["progress"][0])

    # The roster rates each person by the same profile as the campaign's table.
    roster = Page(owner_client.get(reverse("influencers:list")).content.decode())
    table = roster.table_with("Engagement rate")
    rates = {
        line[0]: line[table[0].index("Engagement rate")] for line in table[1:] if line[0] in rows
    }
    assert rows["Ava"]["Engagement rate"] == "14.67%"  # 440 of 3,000 reached, Instagram
    assert rows["Ava"]["Rate measured on"] == "Instagram @" + (
        campaign.partnerships.get(influencer__name="Ava").influencer.main_profile.handle
        + ", by reach (3.67% by followers)"  # 440 of 12,000 followers
    )
    for name in RECORDS["per_person"]:
        assert number(rates[name].split()[0]) == number(rows[name]["Engagement rate"]), name
