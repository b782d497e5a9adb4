"""A campaign's check-in dates and deadline as an iCalendar file for the owner's calendar."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vText

from kpis.services import checkin_dates

PRODID = "-//Microreach//Campaign calendar//EN"
UID_DOMAIN = "microreach"
# All-day events start at midnight in the reader's own time: the alarm rings at 9 that morning.
ALARM_AFTER_START = timedelta(hours=9)


def all_day_event(uid, day, summary, description, now):
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    event.add_component(morning_alarm(summary))
    return event


def morning_alarm(summary):
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", ALARM_AFTER_START)
    return alarm


def campaign_calendar(campaign, now=None):
    """iCalendar bytes: one all-day event per check-in, the deadline (the last check-in) and
    each influencer's post due date, every one with a morning alarm.

    UIDs depend only on the campaign and the date, so importing the file again updates the
    same events instead of adding copies.
    """
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Unknown properties are not escaped by default: vText escapes ; , and new lines.
    calendar.add("x-wr-calname", vText(_("Campaign: %(name)s") % {"name": campaign.name}))
    checkin_page = f"{settings.SITE_URL}/campaigns/{campaign.pk}/measurements/"
    for day in checkin_dates(campaign=campaign):
        if day == campaign.end_date:
            uid = f"campaign-{campaign.pk}-deadline"
            summary = _("Deadline and last check-in: %(name)s") % {"name": campaign.name}
        else:
            uid = f"campaign-{campaign.pk}-checkin-{day.isoformat()}"
            summary = _("Check-in: %(name)s") % {"name": campaign.name}
        description = _("%(goal)s\nRecord this check-in's numbers: %(url)s") % {
            "goal": campaign.goal_sentence,
            "url": checkin_page,
        }
        calendar.add_component(all_day_event(uid, day, summary, description, now))
    dashboard = f"{settings.SITE_URL}/campaigns/{campaign.pk}/"
    for partnership in campaign.partnerships.exclude(due_date=None).select_related("influencer"):
        summary = _("Post due: %(influencer)s for %(name)s") % {
            "influencer": partnership.influencer.name,
            "name": campaign.name,
        }
        description = _("%(deliverables)s\nNo post yet? Send a friendly reminder: %(url)s") % {
            "deliverables": partnership.deliverables or _("The post you agreed on."),
            "url": dashboard,
        }
        uid = f"campaign-{campaign.pk}-post-{partnership.pk}"
        calendar.add_component(all_day_event(uid, partnership.due_date, summary, description, now))
    return calendar.to_ical()
