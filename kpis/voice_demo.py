"""Customers' voice for the demo campaign "Spring sourdough launch": survey answers, till
taps and feedback over its three weeks, so its dashboard shows results as a range.

The story: codes catch only part of it. Customers at the till name Bristol Bread Lover
more often than her code shows, a few name Maya, one a campaign they cannot place; the
survey adds a handful more, and a one-day burst of answers is doubted and left out.

``load(owner)`` is idempotent: it rebuilds these rows each time (dates move with today).
Without the campaign it does nothing.
"""

import datetime
import hashlib
import random

from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign

from .demo import DEMO_CAMPAIGN_NAME
from .models import Feedback, FeedbackSource, HeardFrom, Survey, SurveyAnswer, TillTap, Tone

# (promo code or None for "the campaign", days after the start it came, taps that day)
TAPS: list[tuple[str | None, int, int]] = [
    ("BREADLOVER", day, n) for day, n in ((3, 3), (4, 2), (6, 2), (9, 1), (12, 1))
]
TAPS += [("MAYA10", day, n) for day, n in ((6, 1), (8, 2), (13, 1))]
TAPS += [(None, 10, 1)]

# (day, heard from, code or "", what made them come in, rating)
ANSWERS = [
    (3, HeardFrom.INFLUENCER, "BREADLOVER", "The reel of the crust cracking.", 5),
    (4, HeardFrom.INFLUENCER, "BREADLOVER", "", 5),
    (5, HeardFrom.WALKED_PAST, "", "Smelled it from the street.", 4),
    (7, HeardFrom.INFLUENCER, "MAYA10", "Maya's starter video: wanted to try it.", 5),
    (8, HeardFrom.FRIEND, "", "", 4),
    (9, HeardFrom.INFLUENCER, "MAYA10", "", 4),
    (11, HeardFrom.SEARCH, "", "Looking for rye bread nearby.", 3),
    (12, HeardFrom.INFLUENCER, "BREADLOVER", "Cinnamon buns!", 5),
]
USED_CODE_EVERY = 4  # every fourth influencer answer says the code was used (counted already)
BURST_DAY, BURST_ANSWERS = 15, 6  # answers past the cap on one day: doubted, left out

FEEDBACK = [
    (
        4,
        FeedbackSource.CUSTOMER,
        Tone.POSITIVE,
        "BREADLOVER",
        "Came in after the reel; says the sourdough is better than in town.",
    ),
    (
        6,
        FeedbackSource.FOLLOWER,
        Tone.NEUTRAL,
        "MAYA10",
        "Comment on Maya's video: 'Do they open on Sundays?'",
    ),
    (
        9,
        FeedbackSource.CUSTOMER,
        Tone.NEGATIVE,
        "",
        "The queue on Saturday was too long, left without buying.",
    ),
    (
        13,
        FeedbackSource.INFLUENCER,
        Tone.POSITIVE,
        "BREADLOVER",
        "Her followers asked for the seeded loaf recipe: she would like to do a second reel.",
    ),
]


def load(owner):
    campaign = (
        Campaign.objects.filter(owner=owner, name=DEMO_CAMPAIGN_NAME)
        .exclude(start_date=None)
        .first()
    )
    if campaign is None:
        return
    today = timezone.localdate()
    start = campaign.start_date
    rng = random.Random(2027)
    partnerships = {p.promo_code: p for p in campaign.partnerships.all()}

    def day(offset):
        return min(start + datetime.timedelta(days=offset), today)

    def moment(on):
        at = datetime.datetime.combine(on, datetime.time(rng.randrange(8, 18), rng.randrange(60)))
        return min(timezone.make_aware(at), timezone.now())

    with transaction.atomic():
        TillTap.objects.filter(campaign=campaign).delete()
        Feedback.objects.filter(campaign=campaign).delete()
        survey = Survey.for_campaign(campaign)
        survey.answers.all().delete()
        taps = []
        for code, offset, count in TAPS:
            for number in range(count):
                taps.append(
                    TillTap(
                        owner=owner,
                        campaign=campaign,
                        partnership=partnerships.get(code),
                        tap_ref=f"demo-{code}-{offset}-{number}",
                        at=moment(day(offset)),
                        day=day(offset),
                    )
                )
        TillTap.objects.bulk_create(taps)
        answers = []
        for number, (offset, heard_from, code, reason, rating) in enumerate(ANSWERS):
            answers.append(
                _answer(survey, day(offset), moment(day(offset)), f"demo-{number}", heard_from)
            )
            answers[-1].partnership = partnerships.get(code) if code else None
            answers[-1].reason, answers[-1].rating = reason, rating
            answers[-1].used_code = bool(code) and number % USED_CODE_EVERY == 0
        for number in range(BURST_ANSWERS):
            burst = day(BURST_DAY)
            answer = _answer(survey, burst, moment(burst), f"burst-{number}", HeardFrom.INFLUENCER)
            answer.partnership, answer.suspect = partnerships.get("SAMEATS"), True
            answers.append(answer)
        SurveyAnswer.objects.bulk_create(answers)
        Feedback.objects.bulk_create(
            Feedback(
                owner=owner,
                campaign=campaign,
                partnership=partnerships.get(code) if code else None,
                date=day(offset),
                source=source,
                tone=tone,
                text=text,
            )
            for offset, source, tone, code, text in FEEDBACK
        )


def _answer(survey, on, at, visitor, heard_from):
    return SurveyAnswer(
        owner_id=survey.owner_id,
        survey=survey,
        heard_from=heard_from,
        day=on,
        at=at,
        visitor_hash=hashlib.sha256(visitor.encode()).hexdigest(),
    )
