"""What every reminder kind provides, and the registry that holds one entry per kind.

A kind answers two questions: which occasions are due today (``occasions``), and what the
e-mail says when it is sent (``context``, None when the reminder is no longer needed, e.g.
the check-in was recorded meanwhile). The scheduler and the sender know nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise

from accounts.models import ReminderKind
from campaigns.models import Campaign, Partnership

from ..models import Reminder


@dataclass(frozen=True)
class Occasion:
    """One thing to remind about: a day, and the campaign or influencer it concerns."""

    day: date
    campaign: Campaign | None = None
    partnership: Partnership | None = None

    def key(self, kind: str) -> str:
        """The same occasion gives the same key on every scheduler run: the row is the claim."""
        campaign_id = self.campaign.pk if self.campaign else "-"
        partnership_id = self.partnership.pk if self.partnership else "-"
        return f"{kind}:{campaign_id}:{partnership_id}:{self.day.isoformat()}"


@dataclass(frozen=True)
class ReminderType:
    kind: ReminderKind
    # (campaigns=running campaigns of one owner, today=the business's local date) -> occasions
    occasions: Callable[..., list[Occasion]]
    # (reminder=Reminder, today=date) -> template context, or None when no longer needed
    context: Callable[..., dict | None]
    # (context) -> the subject line
    subject: Callable[[dict], str | Promise]

    @property
    def template(self) -> str:
        return f"reports/reminders/{self.kind}"


REGISTRY: dict[str, ReminderType] = {}


def register(reminder_type: ReminderType) -> ReminderType:
    REGISTRY[reminder_type.kind] = reminder_type
    return reminder_type


def campaign_of(reminder: Reminder) -> Campaign:
    """The campaign the reminder is about: every kind but the weekly summary has one (and the
    row goes when the campaign does)."""
    assert reminder.campaign is not None, reminder.kind
    return reminder.campaign


def partnership_of(reminder: Reminder) -> Partnership:
    """The partnership an influencer's reminder is about (``post_due``)."""
    assert reminder.partnership is not None, reminder.kind
    return reminder.partnership


def dates_of(campaign: Campaign) -> tuple[date, date]:
    """A running campaign's start and deadline: the scheduler picks only campaigns with both
    (``scheduling.running_campaigns``)."""
    assert campaign.start_date is not None and campaign.end_date is not None, campaign.pk
    return campaign.start_date, campaign.end_date


def latest_within(*, days: list[date], today: date, window: int) -> date | None:
    """The latest of ``days`` on or before today, if it is fewer than ``window`` days ago: a
    scheduler that was down on the day still sends, but never a reminder weeks old."""
    passed = [day for day in days if day <= today]
    if passed and (today - passed[-1]).days < window:
        return passed[-1]
    return None
