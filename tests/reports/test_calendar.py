"""The campaign's calendar file: every check-in and the deadline, valid iCalendar."""

import datetime

import pytest
from icalendar import Calendar

from kpis.services import checkin_dates
from reports.calendar import campaign_calendar

pytestmark = pytest.mark.django_db


def events(content):
    calendar = Calendar.from_ical(content)
    assert calendar["PRODID"] == "-//Microreach//Campaign calendar//EN"
    assert calendar["VERSION"] == "2.0"
    return calendar.walk("VEVENT")


def test_calendar_has_every_checkin_and_the_deadline(owner_client, campaign):
    response = owner_client.get(f"/campaigns/{campaign.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    found = events(response.content)
    planned = checkin_dates(campaign=campaign)
    assert len(planned) == 5  # weekly over 30 days: 4 check-ins, then the deadline
    assert [event.decoded("DTSTART") for event in found] == planned
    for event in found:
        start = event.decoded("DTSTART")
        assert not isinstance(start, datetime.datetime)  # all-day
        assert event.decoded("DTEND") == start + datetime.timedelta(days=1)
        assert event.get("DTSTAMP") is not None
        assert campaign.name in str(event["SUMMARY"])
    assert "Deadline" in str(found[-1]["SUMMARY"])
    assert found[-1].decoded("DTSTART") == campaign.end_date
    assert f"/campaigns/{campaign.pk}/measurements/" in str(found[0]["DESCRIPTION"])


def test_uids_are_unique_and_stable(campaign):
    first = [str(event["UID"]) for event in events(campaign_calendar(campaign))]
    again = [str(event["UID"]) for event in events(campaign_calendar(campaign))]
    assert len(set(first)) == len(first)
    assert first == again


def test_fortnightly_campaign_has_fewer_events(campaign):
    campaign.checkin_frequency = 14
    assert len(events(campaign_calendar(campaign))) == 3  # days 14, 28 and the deadline


def test_owner_text_is_escaped_as_ical_text(campaign):
    campaign.name = "Bread; butter, and\nnewlines"
    content = campaign_calendar(campaign)
    assert b"Bread\\; butter\\, and\\nnewlines" in content
    assert "Bread; butter, and\nnewlines" in str(events(content)[0]["SUMMARY"])


def test_every_event_rings_at_nine_on_its_morning(campaign):
    for event in events(campaign_calendar(campaign)):
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == datetime.timedelta(hours=9)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_post_due_dates_are_events_with_alarms(campaign):
    partnership = campaign.partnerships.first()
    partnership.due_date = campaign.start_date + datetime.timedelta(days=6)
    partnership.deliverables = "1 reel, 3 stories"
    partnership.save()

    [post] = [e for e in events(campaign_calendar(campaign)) if "Post due" in str(e["SUMMARY"])]

    assert post.decoded("DTSTART") == partnership.due_date
    assert partnership.influencer.name in str(post["SUMMARY"])
    assert "1 reel, 3 stories" in str(post["DESCRIPTION"])
    assert post.walk("VALARM")
    assert str(post["UID"]) == f"campaign-{campaign.pk}-post-{partnership.pk}@microreach"
