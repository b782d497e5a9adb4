"""A campaign's check-in dates and deadline as an iCalendar file for the owner's calendar."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from kpis.services import checkin_dates

PRODID = "-//Microreach//Campaign calendar//EN"
UID_DOMAIN = "microreach"


def all_day_event(uid, day, summary, description, now):
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def campaign_calendar(campaign, now=None):
    """iCalendar bytes: one all-day event per check-in, and the deadline (the last check-in).

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
    for day in checkin_dates(campaign):
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
    return calendar.to_ical()
