"""Reading a campaign's numbers from measurements, clicks and promo codes."""

import copy
import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum

from kpis import services
from kpis.catalogue import KPIKind
from kpis.metrics import PaceStatus
from kpis.models import Measurement
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.influencers import ProfileFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    ClickFactory,
    MeasurementFactory,
    PostFactory,
    RedemptionFactory,
    TrackedLinkFactory,
)

pytestmark = pytest.mark.django_db

D = Decimal
START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 3, 31)


def day(number):
    return START + datetime.timedelta(days=number)


@pytest.fixture
def campaign(owner):
    return CampaignFactory(owner=owner, status="active", start_date=START, end_date=END)


def click_on(link, on_day, **fields):
    at = datetime.datetime.combine(on_day, datetime.time(12), tzinfo=datetime.UTC)
    return ClickFactory(link=link, at=at, **fields)


def status_of(campaign, kind, today):
    return next(
        s
        for s in services.campaign_kpi_statuses(campaign=campaign, today=today)
        if s.kpi.kind == kind
    )


class TestKPIStatuses:
    def test_cumulative_readings_add_up(self, campaign):
        kpi = CampaignKPIFactory(campaign=campaign, kind="customers", target=D(20))
        MeasurementFactory(kpi=kpi, date=day(3), value=D(4))
        MeasurementFactory(kpi=kpi, date=day(7), value=D(3))
        MeasurementFactory(kpi=kpi, date=day(7), value=D(1))

        status = status_of(campaign, "customers", day(10))

        assert status.series == [(day(3), D(4)), (day(7), D(8))]
        assert status.current == D(8)
        assert status.progress == D("40.00")

    def test_readings_from_the_week_before_the_start_are_the_baseline_not_results(self, campaign):
        orders = CampaignKPIFactory(campaign=campaign, kind="orders", source="shop")
        MeasurementFactory(kpi=orders, date=START - datetime.timedelta(days=3), value=D(9))
        MeasurementFactory(kpi=orders, date=day(2), value=D(4))

        status = status_of(campaign, "orders", day(10))

        assert status.series == [(day(2), D(4))]
        assert services.campaign_figures(campaign=campaign).total("orders") == D(4)

    def test_code_uses_and_posts_from_before_the_start_are_not_results(self, campaign):
        """Stored before the rule held (imports and forms now refuse them): the figures still
        leave them out, as neither results nor a baseline."""
        partnership = PartnershipFactory(campaign=campaign)
        before = START - datetime.timedelta(days=3)
        RedemptionFactory(partnership=partnership, date=before, revenue=D("200.00"))
        RedemptionFactory(partnership=partnership, date=day(2), revenue=D("20.00"))
        for posted_on, likes in ((before, 400), (day(1), 40)):
            PostFactory(
                partnership=partnership, posted_on=posted_on, likes=likes, comments=0, shares=0
            )

        figures = services.campaign_figures(campaign=campaign)

        assert figures.total(KPIKind.REVENUE) == D("20.00")
        assert figures.total(KPIKind.REDEMPTIONS) == 1
        assert figures.total(KPIKind.ENGAGEMENT) == 40
        assert figures.total(KPIKind.REACH) == 1200  # one post's views

    def test_clicks_before_the_start_are_not_results(self, campaign):
        """The owner trying their link before the start: shown on the links page, not
        counted in the figures, on the influencer's page or in the table."""
        partnership = PartnershipFactory(campaign=campaign)
        link = TrackedLinkFactory(partnership=partnership)
        click_on(link, START - datetime.timedelta(days=1))
        click_on(link, day(0))
        click_on(link, day(4))

        figures = services.campaign_figures(campaign=campaign)

        assert figures.total(KPIKind.LINK_CLICKS) == 2
        assert services.counted_for_partnership(partnership=partnership).clicks == 2

    def test_the_recent_counts_read_at_every_visit_are_those_of_the_orm(self, campaign):
        # The dashboard reads them through SQL the ORM compiled once per process.
        other = CampaignFactory(owner=campaign.owner, start_date=START)
        for partnership in (
            PartnershipFactory(campaign=campaign),
            PartnershipFactory(campaign=other),
        ):
            link = TrackedLinkFactory(partnership=partnership)
            for offset in (-1, 0, 3, 4, 4):
                click_on(link, day(offset))

        for since in (START - datetime.timedelta(days=5), day(1), day(4), day(9)):
            expected = services.click_days(campaigns=[campaign.pk], since=since)
            assert services.click_days_since(campaign=campaign.pk, since=since) == expected
        assert len(services.click_days_since(campaign=campaign.pk, since=START)) == 3

    def test_readings_are_summed_per_kpi_influencer_and_day(self, campaign):
        # Each row's kind and campaign come from its KPI, not from a join.
        partnership = PartnershipFactory(campaign=campaign)
        customers = CampaignKPIFactory(campaign=campaign, kind="customers")
        revenue = CampaignKPIFactory(campaign=campaign, kind="revenue", position=1)
        other = CampaignKPIFactory(campaign=CampaignFactory(owner=campaign.owner))
        for kpi, offset, value, influencer in (
            (customers, 0, "2", None),
            (customers, 0, "3", None),  # two on one day: summed
            (customers, 2, "1", partnership.influencer),
            (revenue, 2, "45.50", partnership.influencer),
            (other, 2, "9", None),
        ):
            MeasurementFactory(kpi=kpi, date=day(offset), value=D(value), influencer=influencer)

        def by_row(rows):
            return sorted(sorted(row.items()) for row in rows)

        def row(kpi, offset, total, influencer=None):
            return {
                "kpi_id": kpi.pk,
                "kpi__campaign_id": campaign.pk,
                "kpi__kind": kpi.kind,
                "influencer_id": influencer.pk if influencer else None,
                "date": day(offset),
                "total": D(total),
            }

        expected = [
            row(customers, 0, "5"),
            row(customers, 2, "1", partnership.influencer),
            row(revenue, 2, "45.50", partnership.influencer),
        ]
        assert by_row(services.kpi_readings([customers, revenue])) == by_row(expected)

    def test_readings_read_through_sql_compiled_once_are_those_of_the_orm(self, campaign):
        # Sums SQLite adds up in floating point (0.1 + 0.2) come back as the ORM gives them,
        # for one KPI and for three, and for the same count of other KPIs.
        kpis = [
            CampaignKPIFactory(campaign=campaign, kind=kind, position=position)
            for position, kind in enumerate(("customers", "revenue", "orders"))
        ]
        for kpi, value in zip(kpis * 2, ("0.10", "19.99", "3", "0.20", "0.01", "4"), strict=True):
            MeasurementFactory(kpi=kpi, date=day(1), value=D(value))
            MeasurementFactory(kpi=kpi, date=day(2), value=D(value))

        def orm(chosen):
            rows = (
                Measurement.objects.filter(kpi__in=chosen)
                .values_list("kpi_id", "influencer_id", "date")
                .annotate(total=Sum("value"))
                .order_by()
            )
            return sorted((kpi_id, day_, total) for kpi_id, _, day_, total in rows)

        for chosen in (kpis[:1], kpis, kpis[1:2], kpis[::-1]):
            rows = services.kpi_readings(chosen)
            read = sorted((row["kpi_id"], row["date"], row["total"]) for row in rows)
            assert read == orm(chosen)
            assert [str(total) for *_, total in read] == [str(t) for *_, t in orm(chosen)]
        assert services.kpi_readings([]) == []

    def test_figures_added_up_in_parts_are_the_campaigns_figures(self, campaign):
        # The dashboard keeps each KPI's readings and what the app counted apart, and adds
        # them up at each redraw: the same cells, and the kept parts left as they were.
        partnership = PartnershipFactory(campaign=campaign)
        click_on(TrackedLinkFactory(partnership=partnership), day(2))
        RedemptionFactory(
            partnership=partnership, date=day(2), revenue=D("20.00"), new_customer=True
        )
        customers = CampaignKPIFactory(campaign=campaign, kind="customers")
        MeasurementFactory(kpi=customers, date=day(2), value=3, influencer=partnership.influencer)
        MeasurementFactory(kpi=customers, date=day(3), value=2)
        rows = services.CampaignRows([campaign])
        parts = [services.counted_figures(campaign=campaign, rows=rows)] + [
            services.reading_figures(campaign=campaign, readings=[row])
            for row in rows.readings[campaign.pk]
        ]
        before = copy.deepcopy(parts)

        combined = services.CampaignFigures.combined(parts).with_clicks([(None, day(4), 1)])

        whole = services.campaign_figures(campaign=campaign)
        whole.add_clicks([(None, day(4), 1)])
        for kind in (KPIKind.NEW_CUSTOMERS, KPIKind.LINK_CLICKS, KPIKind.REVENUE):
            assert combined.by_day(kind) == whole.by_day(kind), kind
            assert combined.by_influencer(kind) == whole.by_influencer(kind), kind
        assert combined.by_influencer(KPIKind.NEW_CUSTOMERS)[partnership.influencer_id] == 4
        assert combined.tracked_clicks == whole.tracked_clicks
        assert parts == before

    def test_a_snapshot_is_the_latest_level_not_a_sum(self, campaign):
        kpi = CampaignKPIFactory(
            campaign=campaign, kind="followers", baseline=D(1000), target=D(1200)
        )
        MeasurementFactory(kpi=kpi, date=day(5), value=D(1040))
        MeasurementFactory(kpi=kpi, date=day(12), value=D(1100))

        status = status_of(campaign, "followers", day(15))

        assert status.current == D(1100)
        assert status.series == [(day(5), D(1040)), (day(12), D(1100))]
        assert status.progress == D("50.00")
        # 100 more followers in the 12 days since the start: 1,250 by day 30, past the target.
        assert status.projected == 1250
        assert status.pace == PaceStatus.AHEAD

    def test_a_second_reading_the_same_day_replaces_the_first_for_a_snapshot(self, campaign):
        kpi = CampaignKPIFactory(
            campaign=campaign, kind="followers", baseline=D(100), target=D(200)
        )
        MeasurementFactory(kpi=kpi, date=day(5), value=D(120))
        MeasurementFactory(kpi=kpi, date=day(5), value=D(130))

        assert status_of(campaign, "followers", day(6)).current == D(130)

    def test_nothing_measured_yet(self, campaign):
        CampaignKPIFactory(campaign=campaign, kind="enquiries", baseline=D(2), target=D(30))

        status = status_of(campaign, "enquiries", day(10))

        assert status.current == D(2)
        assert status.progress is None
        assert status.pace == PaceStatus.NO_DATA
        assert status.projected is None

    def test_before_the_start_the_campaign_has_not_started(self, campaign):
        kpi = CampaignKPIFactory(campaign=campaign, kind="customers")
        MeasurementFactory(kpi=kpi, date=day(-2), value=D(1))

        assert status_of(campaign, "customers", day(-1)).pace == PaceStatus.NOT_STARTED

    def test_behind_plan_and_the_owner_rule(self, campaign):
        campaign.adjustment_threshold = 50
        campaign.save()
        kpi = CampaignKPIFactory(campaign=campaign, kind="customers", target=D(30))
        MeasurementFactory(kpi=kpi, date=day(10), value=D(3))

        status = status_of(campaign, "customers", day(15))

        assert status.pace == PaceStatus.BEHIND
        # Day 16 of 31 expects 51.61% of the way; 3 of 30 is 10%.
        assert status.percent_of_pace == D("19.38")
        assert status.below_adjustment_threshold is True
        assert status.pace_label == "Behind plan"

    def test_link_clicks_are_counted_from_people_only(self, campaign):
        kpi = CampaignKPIFactory(campaign=campaign, kind="clicks", source="links", target=D(100))
        link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))
        click_on(link, day(2))
        click_on(link, day(2))
        click_on(link, day(4))
        click_on(link, day(4), is_bot=True)

        status = status_of(campaign, "clicks", day(5))

        assert services.is_automatic(kpi)
        assert status.series == [(day(2), D(2)), (day(4), D(3))]

    def test_website_visits_come_from_links_only_when_the_owner_chose_that(self, campaign):
        CampaignKPIFactory(campaign=campaign, kind="visits", source="analytics", target=D(500))
        link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))
        click_on(link, day(2))

        assert status_of(campaign, "visits", day(5)).current == D(0)

        campaign.kpis.update(source="links")
        assert status_of(campaign, "visits", day(5)).current == D(1)

    def test_promo_codes_feed_orders_revenue_and_new_customers(self, campaign):
        partnership = PartnershipFactory(campaign=campaign)
        for kind in ("orders", "revenue", "customers", "redemptions"):
            CampaignKPIFactory(campaign=campaign, kind=kind, source="codes", target=D(1000))
        RedemptionFactory(partnership=partnership, date=day(3), revenue=D("20.00"))
        RedemptionFactory(
            partnership=partnership, date=day(3), revenue=D("30.50"), new_customer=True
        )

        assert status_of(campaign, "orders", day(5)).current == D(2)
        assert status_of(campaign, "redemptions", day(5)).current == D(2)
        assert status_of(campaign, "revenue", day(5)).current == D("50.50")
        assert status_of(campaign, "customers", day(5)).current == D(1)

    def test_typed_in_kpis_are_not_automatic(self, campaign):
        assert not services.is_automatic(CampaignKPIFactory(campaign=campaign, kind="clicks"))
        assert not services.is_automatic(
            CampaignKPIFactory(campaign=campaign, kind="followers", source="links")
        )

    def test_another_campaign_s_numbers_never_count(self, campaign):
        CampaignKPIFactory(campaign=campaign, kind="clicks", source="links")
        other = CampaignFactory(owner=campaign.owner, start_date=START, end_date=END)
        click_on(TrackedLinkFactory(partnership=PartnershipFactory(campaign=other)), day(2))

        assert status_of(campaign, "clicks", day(5)).current == D(0)

    def test_query_count_does_not_grow_with_data(self, campaign, django_assert_max_num_queries):
        for kind, source in (("clicks", "links"), ("followers", "manual"), ("revenue", "codes")):
            CampaignKPIFactory(campaign=campaign, kind=kind, source=source)
        kpi = campaign.kpis.get(kind="followers")
        for number in range(20):
            partnership = PartnershipFactory(campaign=campaign)
            link = TrackedLinkFactory(partnership=partnership)
            click_on(link, day(number))
            RedemptionFactory(partnership=partnership, date=day(number))
            MeasurementFactory(kpi=kpi, date=day(number), value=D(100 + number))

        # KPIs, readings, levels, codes, links, clicks, and whose link is whose
        with django_assert_max_num_queries(7):
            statuses = services.campaign_kpi_statuses(campaign=campaign, today=day(25))
        assert [len(s.series) for s in statuses] == [20, 20, 20]


class TestCalendar:
    def test_day_of_campaign(self, campaign):
        assert services.day_of_campaign(campaign=campaign, today=day(-3)) == (0, 31)
        assert services.day_of_campaign(campaign=campaign, today=START) == (1, 31)
        assert services.day_of_campaign(campaign=campaign, today=END) == (31, 31)
        assert services.day_of_campaign(campaign=campaign, today=END + datetime.timedelta(9)) == (
            31,
            31,
        )

    def test_day_of_a_campaign_without_dates(self, owner):
        undated = CampaignFactory(owner=owner, start_date=None, end_date=None)
        assert services.day_of_campaign(campaign=undated) == (None, None)
        assert services.checkin_dates(campaign=undated) == []

    def test_weekly_checkins_end_on_the_deadline(self, campaign):
        assert services.checkin_dates(campaign=campaign) == [day(7), day(14), day(21), day(28), END]

    def test_fortnightly_checkins(self, campaign):
        campaign.checkin_frequency = 14
        assert services.checkin_dates(campaign=campaign) == [day(14), day(28), END]


class TestResults:
    @pytest.fixture
    def partnerships(self, campaign):
        fee_deal = PartnershipFactory(
            campaign=campaign, fee=D(100), product_value=D(20), shipping=D(5)
        )
        commission_deal = PartnershipFactory(
            campaign=campaign,
            deal_type="commission",
            fee=D(0),
            product_value=D(10),
            shipping=D(0),
            commission_rate=D(10),
        )
        return fee_deal, commission_deal

    def test_each_influencer_side_by_side(self, campaign, partnerships):
        fee_deal, commission_deal = partnerships
        ProfileFactory(
            influencer=fee_deal.influencer, followers=10_000, avg_likes=400, avg_comments=40
        )
        click_on(TrackedLinkFactory(partnership=fee_deal), day(1))
        click_on(fee_deal.tracked_link, day(1), is_bot=True)
        RedemptionFactory(partnership=fee_deal, revenue=D(50), new_customer=True)
        RedemptionFactory(partnership=commission_deal, revenue=D(200))
        revenue_kpi = CampaignKPIFactory(campaign=campaign, kind="revenue")
        MeasurementFactory(kpi=revenue_kpi, value=D(30), influencer=commission_deal.influencer)

        results = {r.partnership: r for r in services.partnership_results(campaign=campaign)}

        fee_result, commission_result = results[fee_deal], results[commission_deal]
        assert (fee_result.clicks, fee_result.orders, fee_result.new_customers) == (1, 1, 1)
        assert fee_result.revenue == D(50)
        assert fee_result.cost == D(125)
        assert fee_result.engagement_rate == D("4.50")  # (400 + 40 + 10) / 10,000
        assert fee_result.cpa == D("125.00")
        assert fee_result.roas == D("0.40")
        assert commission_result.revenue == D(230)
        assert commission_result.cost == D(33)  # 10 of products + 10% of 230
        assert commission_result.engagement_rate is None
        assert commission_result.cpa is None

    def test_the_roi_panel_counts_every_cost(self, campaign, partnerships):
        campaign.other_costs = D(15)
        campaign.gross_margin = D(60)
        campaign.save()
        fee_deal, commission_deal = partnerships
        RedemptionFactory(partnership=fee_deal, revenue=D(100), new_customer=True)
        RedemptionFactory(partnership=commission_deal, revenue=D(300), new_customer=True)
        click_on(TrackedLinkFactory(partnership=fee_deal), day(1))
        engagement = CampaignKPIFactory(campaign=campaign, kind="engagement")
        MeasurementFactory(kpi=engagement, value=D(350))
        orders = CampaignKPIFactory(campaign=campaign, kind="orders")
        MeasurementFactory(kpi=orders, value=D(2))  # typed in for the whole campaign

        roi = services.campaign_roi(campaign=campaign)

        # fees 100 + products 30 + shipping 5 + commission 30 + other 15
        assert roi.cost == D(180)
        assert roi.revenue == D(400)
        assert roi.orders == 4
        assert roi.new_customers == 2
        assert roi.clicks == 1
        assert roi.engagements == D(350)
        assert roi.roas == D("2.22")
        assert roi.cash_roi == D("122.22")
        assert roi.profit_roi == D("33.33")  # 400 x 60% = 240; (240 - 180) / 180
        assert roi.profit == D(60)
        assert roi.average_order_value == D("100.00")
        assert roi.break_even_sales == 3
        assert roi.cpc == D("180.00")
        assert roi.cpa == D("90.00")
        assert roi.cpe == D("0.51")
        # 4 sales from 1 click: no rate over 100%, the page says why in words.
        assert roi.conversion.more_sales_than_clicks
        assert roi.conversion_rate is None
        assert roi.reference_return == D("6.50")

    def test_money_sums_come_back_exact_to_the_penny(self, campaign, partnerships):
        for amount in ("10.10", "20.20", "0.07"):
            RedemptionFactory(partnership=partnerships[0], revenue=D(amount))
        CampaignKPIFactory(campaign=campaign, kind="revenue", source="codes")

        roi = services.campaign_roi(campaign=campaign)
        status = status_of(campaign, "revenue", day(40))

        assert str(roi.revenue) == "30.37"
        assert str(status.current) == "30.37"

    def test_a_campaign_with_no_partners_and_no_cost(self, campaign):
        roi = services.campaign_roi(campaign=campaign)

        assert roi.cost == D(0)
        assert (roi.roas, roi.cash_roi, roi.profit_roi, roi.cpc) == (None, None, None, None)
        assert roi.break_even_sales is None

    def test_query_counts_do_not_grow_with_data(self, campaign, django_assert_max_num_queries):
        kpi = CampaignKPIFactory(campaign=campaign, kind="revenue")
        for _number in range(15):
            partnership = PartnershipFactory(campaign=campaign)
            ProfileFactory(influencer=partnership.influencer)
            click_on(TrackedLinkFactory(partnership=partnership), day(1))
            RedemptionFactory(partnership=partnership)
            MeasurementFactory(kpi=kpi, influencer=partnership.influencer)

        with django_assert_max_num_queries(7):  # profiles, clicks, codes, readings, posts, KPIs
            results = services.partnership_results(campaign=campaign)
        figures = services.campaign_figures(campaign=campaign)
        with django_assert_max_num_queries(0):
            services.campaign_roi(campaign=campaign, results=results, figures=figures)
        assert len(results) == 15


class TestClicksByLocalDay:
    def test_a_late_evening_click_counts_on_the_local_day(self, campaign, settings):
        settings.TIME_ZONE = "Europe/London"
        link = TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign))
        # 23:30 UTC on 1 June is 00:30 on 2 June in London (summer time).
        ClickFactory(link=link, at=datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC))

        assert services.campaign_figures(campaign=campaign).tracked_clicks == {
            datetime.date(2026, 6, 2): D(1)
        }

    def test_one_pass_gives_clicks_per_influencer_and_day_without_bots(self, campaign):
        first = PartnershipFactory(campaign=campaign)
        second = PartnershipFactory(campaign=campaign)
        first_link = TrackedLinkFactory(partnership=first)
        second_link = TrackedLinkFactory(partnership=second)
        monday = datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)
        tuesday = monday + datetime.timedelta(days=1)
        for link, at in [(first_link, monday), (first_link, monday), (first_link, tuesday)]:
            ClickFactory(link=link, at=at)
        ClickFactory(link=second_link, at=tuesday)
        ClickFactory(link=second_link, at=tuesday, is_bot=True)
        ClickFactory(at=tuesday)  # another campaign's link

        clicks = services.human_clicks(campaign=campaign)

        assert clicks == {
            (first.pk, monday.date()): 2,
            (first.pk, tuesday.date()): 1,
            (second.pk, tuesday.date()): 1,
        }
        assert services.campaign_figures(campaign=campaign, clicks=clicks).tracked_clicks == {
            monday.date(): D(2),
            tuesday.date(): D(2),
        }
        results = {
            r.partnership.pk: r.clicks for r in services.partnership_results(campaign=campaign)
        }
        assert results == {first.pk: 3, second.pk: 1}


def test_more_clicks_added_to_kept_figures_leave_those_as_they_were():
    monday, tuesday = datetime.date(2026, 3, 2), datetime.date(2026, 3, 3)
    kept = services.CampaignFigures()
    kept.add(KPIKind.REVENUE, 1, monday, D("5.00"))
    kept.add_clicks([(1, monday, 3)])

    now = kept.with_clicks([(1, monday, 2), (None, tuesday, 1)])

    assert now.by_day(KPIKind.LINK_CLICKS) == {monday: 5, tuesday: 1}
    assert now.by_influencer(KPIKind.LINK_CLICKS) == {1: 5, None: 1}
    assert now.tracked_clicks == {monday: 5, tuesday: 1}
    assert now.total(KPIKind.REVENUE) == D("5.00")
    assert kept.by_day(KPIKind.LINK_CLICKS) == {monday: 3}
    assert kept.tracked_clicks == {monday: 3}


def test_the_table_adds_up_after_an_influencer_with_readings_leaves(campaign):
    """Readings credited to someone no longer on the campaign still count in its figures:
    the whole-campaign row shows them, so the rows add up to the figures."""
    revenue = CampaignKPIFactory(campaign=campaign, kind="revenue")
    staying, leaving = PartnershipFactory(campaign=campaign), PartnershipFactory(campaign=campaign)
    MeasurementFactory(kpi=revenue, date=day(2), value=D(40), influencer=staying.influencer)
    MeasurementFactory(kpi=revenue, date=day(2), value=D(60), influencer=leaving.influencer)
    MeasurementFactory(kpi=revenue, date=day(3), value=D(5))
    leaving.delete()

    figures = services.campaign_figures(campaign=campaign)
    rows = services.comparison_rows(
        campaign=campaign,
        results=services.partnership_results(campaign=campaign, figures=figures),
        figures=figures,
    )

    assert [row.revenue for row in rows] == [D(40), D(65)]
    assert sum(row.revenue for row in rows) == figures.total(KPIKind.REVENUE) == D(105)
