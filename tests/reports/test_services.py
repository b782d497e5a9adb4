"""Plain rules behind the dashboard: timeline, what to try next, who to chase."""

import datetime
from decimal import Decimal

import pytest

from kpis import metrics
from kpis.services import KPIStatus
from reports.services import campaign_timeline, follow_ups, suggestions
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory, PostFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)


def status(kpi, pace, percent_of_pace):
    return KPIStatus(kpi=kpi, pace=pace, percent_of_pace=Decimal(percent_of_pace))


@pytest.fixture
def running(owner):
    return CampaignFactory(
        owner=owner,
        status="active",
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 31),
        adjustment_threshold=60,
        adjustment_action="Swap the reel for a story with a link sticker.",
    )


def test_only_behind_kpis_get_tips_each_in_its_own_words(running):
    clicks = CampaignKPIFactory(campaign=running, kind="clicks")
    codes = CampaignKPIFactory(campaign=running, kind="redemptions")
    followers = CampaignKPIFactory(campaign=running, kind="followers", target=2_000)
    found = suggestions(
        statuses=[
            status(clicks, metrics.PaceStatus.BEHIND, 80),
            status(codes, metrics.PaceStatus.BEHIND, 40),
            status(followers, metrics.PaceStatus.ON_TRACK, 100),
        ],
        campaign=running,
    )
    assert [s.status.kpi for s in found] == [clicks, codes]
    assert any("bio" in str(tip) for tip in found[0].tips)
    assert any("code" in str(tip) for tip in found[1].tips)
    # Only the KPI below the owner's own 60% threshold carries their rule.
    assert found[0].owner_rule == ""
    assert found[1].owner_rule == "Swap the reel for a story with a link sticker."


def test_followers_behind_suggests_a_giveaway(running):
    followers = CampaignKPIFactory(campaign=running, kind="followers", target=2_000)
    (found,) = suggestions(
        statuses=[status(followers, metrics.PaceStatus.BEHIND, 30)], campaign=running
    )
    assert any("giveaway" in str(tip) for tip in found.tips)


def test_without_a_written_rule_the_reminder_is_generic(running):
    running.adjustment_action = ""
    kpi = CampaignKPIFactory(campaign=running, kind="enquiries")
    (found,) = suggestions(statuses=[status(kpi, metrics.PaceStatus.BEHIND, 10)], campaign=running)
    assert "now is the time" in str(found.owner_rule)


def test_nothing_to_suggest_when_on_pace(running):
    kpi = CampaignKPIFactory(campaign=running)
    assert (
        suggestions(statuses=[status(kpi, metrics.PaceStatus.AHEAD, 150)], campaign=running) == []
    )


def test_timeline_counts_days_and_finds_the_overdue_checkin(running):
    # Weekly from 1 March: check-ins on the 8th, 15th, 22nd, 29th and the 31st.
    timeline = campaign_timeline(
        campaign=running, today=TODAY, last_checkin=datetime.date(2026, 3, 1)
    )
    assert (timeline.day, timeline.total_days, timeline.days_left) == (15, 31, 16)
    assert timeline.overdue_since == datetime.date(2026, 3, 8)
    assert timeline.next_checkin == TODAY
    assert timeline.checkin_today  # due today: not late yet
    on_time = campaign_timeline(
        campaign=running, today=TODAY, last_checkin=datetime.date(2026, 3, 8)
    )
    assert on_time.overdue_since is None
    assert on_time.checkin_today
    done = campaign_timeline(campaign=running, today=TODAY, last_checkin=TODAY)
    assert done.overdue_since is None and not done.checkin_today
    assert not done.deadline_passed
    tomorrow = campaign_timeline(campaign=running, today=TODAY + datetime.timedelta(1))
    assert tomorrow.overdue_since == TODAY
    assert tomorrow.next_checkin == datetime.date(2026, 3, 22)


def test_timeline_reads_the_last_checkin(running):
    running.checkins.create(owner=running.owner, date=datetime.date(2026, 3, 15))
    assert campaign_timeline(campaign=running, today=TODAY).overdue_since is None


def test_drafts_and_finished_campaigns_are_never_overdue(running):
    running.status = "finished"
    timeline = campaign_timeline(campaign=running, today=datetime.date(2026, 4, 2))
    assert timeline.overdue_since is None
    assert timeline.deadline_passed


def test_follow_ups_are_gifted_or_late_without_a_post(running):
    gifted = PartnershipFactory(
        campaign=running, status="agreed", gift_sent_on=TODAY - datetime.timedelta(10)
    )
    late = PartnershipFactory(
        campaign=running, status="agreed", due_date=TODAY - datetime.timedelta(1)
    )
    posted = PartnershipFactory(
        campaign=running, status="agreed", due_date=TODAY - datetime.timedelta(1)
    )
    PartnershipFactory(campaign=running, status="agreed", due_date=TODAY)
    PartnershipFactory(campaign=running, status="declined", due_date=TODAY - datetime.timedelta(5))
    posts = {posted.pk: [PostFactory(partnership=posted, posted_on=TODAY)]}
    found = follow_ups(partnerships=running.partnerships.all(), posts=posts, today=TODAY)
    # The gift ten days ago is more urgent than a post one day late.
    assert [item.partnership for item in found] == [gifted, late]
