"""The rules of an agreed deal: its state from the facts, delivery, who to chase and how."""

import datetime

import pytest

from campaigns import deals
from campaigns.models import Partnership, PartnershipStatus, partnership_state
from influencers.models import Influencer, OutreachStatus

TODAY = datetime.date(2026, 5, 20)


def deal(**fields):
    defaults = {"status": PartnershipStatus.AGREED, "posts_agreed": 0}
    partnership = Partnership(**{**defaults, **fields})
    partnership.influencer = Influencer(name="Maya")
    return partnership


@pytest.mark.parametrize(
    ("stage", "gift", "posts", "expected"),
    [
        ("planned", None, 0, "planned"),
        ("agreed", None, 0, "agreed"),
        ("agreed", TODAY, 0, "gifted_not_posted"),
        ("contacted", TODAY, 0, "gifted_not_posted"),
        ("agreed", TODAY, 1, "posted"),
        ("declined", TODAY, 0, "declined"),
        ("declined", None, 2, "posted"),
    ],
)
def test_the_state_follows_from_gift_and_posts(stage, gift, posts, expected):
    assert partnership_state(stage=stage, gift_sent_on=gift, post_count=posts) == expected


def test_delivered_once_every_agreed_post_is_recorded():
    assert not deals.is_delivered(posts_agreed=3, due_date=None, post_count=2)
    assert deals.is_delivered(posts_agreed=3, due_date=None, post_count=3)
    # Only a date agreed: one post delivers it. Nothing agreed and nothing posted: not yet.
    assert deals.is_delivered(posts_agreed=0, due_date=TODAY, post_count=1)
    assert not deals.is_delivered(posts_agreed=0, due_date=None, post_count=0)


def test_an_agreed_post_past_its_date_is_followed_up_with_how_late():
    item = deals.follow_up(
        partnership=deal(posts_agreed=2, due_date=TODAY - datetime.timedelta(days=3)),
        post_count=1,
        today=TODAY,
        business_name="Rosie's Bakery",
        page_url="https://example.test/p/abc/",
    )
    assert item.reason == deals.FollowUpReason.OVERDUE
    assert (item.days, item.missing_posts, item.urgency) == (3, 1, 1)
    assert item.summary == "1 agreed post not recorded, due 3 days ago"
    assert "Rosie's Bakery" in item.reminder and "17 May" in item.reminder
    assert "https://example.test/p/abc/" in item.reminder


def test_nothing_to_chase_on_the_due_date_itself_or_once_posted():
    due_today = deal(posts_agreed=1, due_date=TODAY)
    assert deals.follow_up(partnership=due_today, post_count=0, today=TODAY) is None
    late = deal(posts_agreed=1, due_date=TODAY - datetime.timedelta(days=5))
    assert deals.follow_up(partnership=late, post_count=1, today=TODAY) is None


def test_a_declined_deal_is_never_chased():
    declined = deal(
        status="declined",
        posts_agreed=1,
        due_date=TODAY - datetime.timedelta(days=9),
        gift_sent_on=TODAY - datetime.timedelta(days=20),
    )
    assert deals.follow_up(partnership=declined, post_count=0, today=TODAY) is None


@pytest.mark.parametrize(
    ("days", "urgency", "words"),
    [
        (3, 0, ""),
        (6, 0, ""),
        (7, 1, "enjoying"),
        (9, 1, "enjoying"),
        (10, 2, "gentle nudge"),
        (13, 2, "gentle nudge"),
        (14, 3, "two weeks"),
        (30, 3, "two weeks"),
    ],
)
def test_a_gift_without_a_post_moves_up_at_7_10_and_14_days(days, urgency, words):
    gifted = deal(gift_sent_on=TODAY - datetime.timedelta(days=days))
    item = deals.follow_up(partnership=gifted, post_count=0, today=TODAY, business_name="Rosie's")
    assert item.reason == deals.FollowUpReason.GIFT
    assert (item.days, item.urgency) == (days, urgency)
    if words:
        assert words in item.reminder and item.reminder.startswith("Hi Maya")
    else:  # listed, so the gift is not forgotten, but too early to nudge
        assert item.reminder == ""
        assert "from day 7" in item.summary


def test_a_post_clears_the_gift_follow_up():
    gifted = deal(gift_sent_on=TODAY - datetime.timedelta(days=12))
    assert deals.follow_up(partnership=gifted, post_count=1, today=TODAY) is None


def test_the_list_puts_the_most_urgent_first():
    items = [
        deals.follow_up(
            partnership=deal(gift_sent_on=TODAY - datetime.timedelta(days=d)),
            post_count=0,
            today=TODAY,
        )
        for d in (8, 15, 2, 11)
    ]
    assert [item.days for item in deals.ordered_follow_ups(items)] == [15, 11, 8, 2]


@pytest.mark.parametrize(
    ("state", "campaign_status", "roster"),
    [
        ("posted", "active", OutreachStatus.ACTIVE),
        ("posted", "finished", OutreachStatus.COMPLETED),
        ("gifted_not_posted", "active", OutreachStatus.GIFTED_NOT_POSTED),
        ("agreed", "draft", OutreachStatus.AGREED),
        ("declined", "active", OutreachStatus.DECLINED),
        ("planned", "draft", None),
    ],
)
def test_the_roster_status_a_state_means(state, campaign_status, roster):
    assert deals.roster_status_for(state=state, campaign_status=campaign_status) == roster
