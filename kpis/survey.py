"""The public customer survey's rules: when it is open, what is stored, what is doubted.

A survey is public, so anyone may post to it: every answer costs one short write at most,
a visitor answers once a day (the same daily salted hash as clicks, no address stored),
bots and filled-in trap fields are thanked and forgotten, and a campaign's answers past a
daily cap are kept but marked suspect, so a flood cannot move its "likely" results.
"""

import datetime
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Business
from campaigns.models import Campaign, CampaignStatus

from . import tracking
from .models import Survey, SurveyAnswer

# Answers a day a small shop can really get; the ones after it are marked suspect.
DAILY_CAP = 60
# Past this many answers a day a campaign's survey stores nothing more that day.
DAILY_LIMIT = 600
# Posts one visitor may send in an hour (answers and retries together).
VISITOR_POSTS_PER_HOUR = 10


class Outcome:
    STORED = "stored"
    SUSPECT = "suspect"  # stored, over the daily cap
    ALREADY = "already"  # this visitor answered today
    IGNORED = "ignored"  # a bot, a trap field, or over the daily limit: nothing stored
    CLOSED = "closed"


CLOSED_REASONS: dict[str, str | Promise] = {
    "not_started": _("This survey opens when the campaign starts. Please come back soon."),
    "ended": _("This survey has closed: the campaign it belongs to has ended. Thank you!"),
}


def closed_reason(*, campaign: Campaign, today: datetime.date) -> str:
    """Why the campaign's survey takes no answers today (a key of CLOSED_REASONS), or ""."""
    if campaign.status == CampaignStatus.DRAFT:
        return "not_started"
    if campaign.status == CampaignStatus.FINISHED:
        return "ended"
    if campaign.start_date and today < campaign.start_date:
        return "not_started"
    if campaign.end_date and today > campaign.end_date:
        return "ended"
    return ""


def too_many_posts(visitor: str) -> bool:
    """Counts this visitor's post and says whether they are over their hourly allowance."""
    key = f"survey-posts:{visitor}"
    cache.add(key, 0, 3600)
    try:
        return cache.incr(key) > VISITOR_POSTS_PER_HOUR
    except ValueError:  # expired between add and incr
        return False


def record_answer(
    *,
    survey: Survey,
    campaign: Campaign,
    answer: dict[str, Any],
    address: str,
    user_agent: str,
    method: str = "POST",
    trap: str = "",
) -> str:
    """Store one cleaned answer (a dict of SurveyAnswer fields) if the rules allow it, and
    say what happened (an ``Outcome``)."""
    now = timezone.now()
    today = timezone.localdate(now)
    if closed_reason(campaign=campaign, today=today):
        return Outcome.CLOSED
    visitor = tracking.visitor_hash(today, address, user_agent)
    if trap or tracking.is_bot(user_agent, method) or too_many_posts(visitor):
        return Outcome.IGNORED
    if SurveyAnswer.objects.filter(survey=survey, day=today, visitor_hash=visitor).exists():
        return Outcome.ALREADY
    answered_today = SurveyAnswer.objects.filter(survey=survey, day=today).count()
    if answered_today >= DAILY_LIMIT:
        return Outcome.IGNORED
    suspect = answered_today >= DAILY_CAP
    try:
        with transaction.atomic():
            SurveyAnswer.objects.create(
                owner_id=survey.owner_id,
                survey=survey,
                day=today,
                at=now,
                visitor_hash=visitor,
                suspect=suspect,
                **answer,
            )
    except IntegrityError:  # the same visitor's second tab, a moment later
        return Outcome.ALREADY
    # The owner's dashboard is kept drawn until their data changes: this is a change.
    Business.objects.filter(owner_id=campaign.owner_id).update(data_version=F("data_version") + 1)
    return Outcome.SUSPECT if suspect else Outcome.STORED
