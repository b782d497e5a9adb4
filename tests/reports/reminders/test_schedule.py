"""Which reminders fall due on which day: the scheduler runs with the clock moved through a
campaign (2 to 31 March 2026, weekly check-ins, a post due on 12 March)."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from kpis.models import CheckIn, Post
from reports.models import Reminder
from reports.reminders.scheduling import run_scheduler

from .conftest import POST_DUE, at

pytestmark = pytest.mark.django_db


def scheduled_at(moment):
    """Run one scheduler pass at ``moment``; the (kind, occasion) rows it created."""
    before = set(Reminder.objects.values_list("pk", flat=True))
    with freeze_time(moment):
        run_scheduler(now=timezone.now())
    return {
        (reminder.kind, reminder.occasion) for reminder in Reminder.objects.exclude(pk__in=before)
    }


def day(number):
    return datetime.date(2026, 3, number)


def test_check_in_day_and_the_weekly_summary_on_a_monday_check_in(world):
    assert scheduled_at(at(day(9))) == {("checkin_day", day(9)), ("weekly_summary", day(9))}


def test_nothing_before_eight_in_the_morning_then_everything_due(world):
    assert scheduled_at(at(day(9), hour=7, minute=59)) == set()
    assert scheduled_at(at(day(9), hour=8)) == {
        ("checkin_day", day(9)),
        ("weekly_summary", day(9)),
    }


def test_a_quiet_day_sends_nothing(world):
    assert scheduled_at(at(day(5))) == set()


def test_a_missed_check_in_is_chased_the_day_after_once(world):
    scheduled_at(at(day(9)))

    assert scheduled_at(at(day(10))) == {("checkin_overdue", day(9))}
    assert scheduled_at(at(day(11))) == set()


def test_a_check_in_recorded_on_the_day_is_not_chased(world):
    scheduled_at(at(day(9)))
    CheckIn.objects.create(owner=world["owner"], campaign=world["campaign"], date=day(9))

    assert scheduled_at(at(day(10))) == set()


def post_reminders(found):
    return {occasion for kind, occasion in found if kind == "post_due"}


def test_a_post_due_today_then_late_and_then_left_alone(world):
    late = POST_DUE + datetime.timedelta(days=3)

    assert post_reminders(scheduled_at(at(POST_DUE))) == {POST_DUE}
    assert post_reminders(scheduled_at(at(POST_DUE + datetime.timedelta(days=1)))) == set()
    assert post_reminders(scheduled_at(at(late))) == {late}
    assert post_reminders(scheduled_at(at(POST_DUE + datetime.timedelta(days=8)))) == set()


def test_a_recorded_post_stops_the_post_reminders(world):
    Post.objects.create(
        owner=world["owner"],
        partnership=world["partnership"],
        platform="instagram",
        posted_on=day(11),
    )

    assert post_reminders(scheduled_at(at(POST_DUE))) == set()


def test_the_last_week_and_the_end(world):
    assert scheduled_at(at(day(25))) == {("last_week", day(25)), ("checkin_overdue", day(23))}
    CheckIn.objects.create(owner=world["owner"], campaign=world["campaign"], date=day(30))
    # The deadline is also the last check-in: the end e-mail says so, with the report (and
    # Monday's summary, missed while the scheduler was off, comes a day late).
    assert scheduled_at(at(day(31))) == {("campaign_end", day(31)), ("weekly_summary", day(30))}


def test_a_scheduler_that_was_down_catches_up_with_the_latest_occasion_only(world):
    # Down from the 11th to the 13th: the post's due-date reminder still goes out on the 13th.
    assert post_reminders(scheduled_at(at(day(13)))) == {POST_DUE}


def test_running_twice_adds_nothing(world):
    first = scheduled_at(at(day(9)))
    with freeze_time(at(day(9), minute=5)):
        counts = run_scheduler(now=timezone.now())

    assert len(first) == 2
    assert counts["created"] == 0
    assert Reminder.objects.count() == 2


def test_the_business_time_zone_decides_what_today_is(world):
    # 23:30 on Sunday the 8th in London is 08:30 on Monday the 9th in Tokyo.
    moment = datetime.datetime(2026, 3, 8, 23, 30, tzinfo=datetime.UTC)
    assert scheduled_at(moment) == set()

    world["business"].time_zone = "Asia/Tokyo"
    world["business"].save()
    assert scheduled_at(moment) == {("checkin_day", day(9)), ("weekly_summary", day(9))}


def test_only_the_reminders_the_owner_wants(world):
    world["business"].reminders_off = ["weekly_summary"]
    world["business"].save()

    assert scheduled_at(at(day(9))) == {("checkin_day", day(9))}


def test_no_mail_server_no_reminders(world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    assert scheduled_at(at(day(9))) == set()


def test_finished_and_draft_campaigns_are_left_alone(world):
    world["campaign"].status = "finished"
    world["campaign"].save()

    assert scheduled_at(at(day(9))) == set()
