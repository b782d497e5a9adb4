"""What each reminder says, in the owner's currency and time zone, as plain text and HTML."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from reports.models import Reminder
from reports.reminders.delivery import deliver
from reports.reminders.scheduling import run_scheduler
from tests.factories.kpis import CampaignKPIFactory, MeasurementFactory, TrackedLinkFactory

from .conftest import END, POST_DUE, at

pytestmark = pytest.mark.django_db


def sent_on(moment, kind):
    """Schedule at ``moment`` and send the reminder of ``kind``: (subject, text, html)."""
    with freeze_time(moment):
        run_scheduler(now=timezone.now())
        reminder = Reminder.objects.get(kind=kind, status="pending")
        deliver(reminder_id=reminder.pk, now=timezone.now())
    [message] = [
        m
        for m in mail.outbox
        if m.extra_headers["Message-ID"].startswith(f"<reminder-{reminder.pk}@")
    ]
    return message.subject, message.body, message.alternatives[0][0]


def test_post_due_has_a_friendly_message_to_forward(world):
    TrackedLinkFactory(partnership=world["partnership"], slug="maya-spring")
    name = world["partnership"].influencer.name
    code = world["partnership"].promo_code

    subject, text, html = sent_on(at(POST_DUE), "post_due")

    assert subject == f"A post from {name} for Spring sourdough is due today"
    assert f"Hi {name}, a friendly note from {world['business'].name}" in text
    assert "We agreed on: 1 reel, 3 stories." in text
    assert "http://127.0.0.1:8000/r/maya-spring" in text
    assert f"Your code: {code}." in text
    assert "<blockquote" in html


def test_a_late_post_says_so(world):
    late = POST_DUE + datetime.timedelta(days=3)

    subject, text, _html = sent_on(at(late), "post_due")

    assert subject.startswith("No post yet from ")
    assert "was due on Thursday 12 March" in text
    assert "have not spotted it yet" in text


def test_missed_check_in_names_the_day(world):
    subject, text, _html = sent_on(at(datetime.date(2026, 3, 10)), "checkin_overdue")

    assert subject == "A check-in for Spring sourdough was missed"
    assert "planned for Monday 9 March has no numbers yet" in text


def test_last_week_and_end_with_the_report_link(world):
    _subject, text, _html = sent_on(at(END - datetime.timedelta(days=6)), "last_week")
    assert "Spring sourdough has 7 days left." in text

    subject, text, html = sent_on(at(END), "campaign_end")
    report = f"http://127.0.0.1:8000/campaigns/{world['campaign'].pk}/report.pdf"
    assert subject == "Spring sourdough has reached its deadline"
    assert report in text
    assert f'href="{report}"' in html


def test_money_in_the_business_currency(world):
    world["business"].currency = "EUR"
    world["business"].save()
    revenue = CampaignKPIFactory(
        campaign=world["campaign"], kind="revenue", baseline=Decimal("0"), target=Decimal("2500")
    )
    MeasurementFactory(kpi=revenue, date=datetime.date(2026, 3, 5), value=Decimal("1234.5"))

    _subject, text, html = sent_on(at(datetime.date(2026, 3, 9)), "checkin_day")

    assert "Revenue: €1,234.50 of €2,500.00" in text
    assert "€1,234.50" in html


def test_weekly_summary_lists_each_campaign_and_who_to_chase(world):
    world["partnership"].status = "gifted_not_posted"
    world["partnership"].save()

    subject, text, _html = sent_on(at(datetime.date(2026, 3, 16)), "weekly_summary")

    assert subject == "Your campaigns this week"
    assert "Spring sourdough: day 15 of 30" in text
    assert "1 influencer to chase." in text


def test_owner_text_is_plain_in_text_and_escaped_in_html(world):
    world["campaign"].name = "<b>Rosie's</b> & co"
    world["campaign"].save()

    _subject, text, html = sent_on(at(datetime.date(2026, 3, 9)), "checkin_day")

    assert "Today is a check-in day for <b>Rosie's</b> & co." in text
    assert "&lt;b&gt;Rosie&#x27;s&lt;/b&gt; &amp; co" in html
    assert "<b>Rosie" not in html
