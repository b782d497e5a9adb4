"""What customers said, gathered for the dashboard and the report: the range of results,
the keep-or-stop lines, the survey's latest answers and the feedback log's tally."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from campaigns.models import Campaign

from .models import Feedback, SurveyAnswer, Tone
from .results_range import (
    KeepOrStop,
    ResultsRange,
    baseline_rise,
    campaign_range,
    keep_or_stop_lines,
    voice_counts,
)
from .services import CampaignRows, PartnershipResult, ROISummary

LATEST_SHOWN = 5


@dataclass
class CampaignVoice:
    range: ResultsRange
    keep_or_stop: list[KeepOrStop]  # one per influencer
    tones: list[tuple[Tone, int]]  # every tone, in order
    latest_feedback: list[Feedback]
    latest_answers: list[SurveyAnswer]
    answers: int


def feedback_tones(*, campaign: Campaign) -> list[tuple[Tone, int]]:
    counts = dict(
        Feedback.objects.filter(campaign=campaign)
        .values("tone")
        .annotate(n=Count("id"))
        .values_list("tone", "n")
    )
    return [(tone, counts.get(tone.value, 0)) for tone in Tone]


def campaign_voice(
    *,
    campaign: Campaign,
    results: Iterable[PartnershipResult],
    roi: ROISummary,
    today: date,
    rows: CampaignRows | None = None,
) -> CampaignVoice:
    """Everything customers' voice adds to a campaign's dashboard (a fixed number of
    queries); ``results`` and ``roi`` are the campaign's counted figures, ``rows`` the
    readings they were added up from."""
    counts = voice_counts(campaign=campaign)
    rise = baseline_rise(campaign=campaign, roi=roi, today=today, rows=rows)
    answers = SurveyAnswer.objects.filter(survey__campaign=campaign).select_related(
        "partnership__influencer"
    )
    return CampaignVoice(
        range=campaign_range(campaign=campaign, roi=roi, counts=counts, rise=rise, today=today),
        keep_or_stop=keep_or_stop_lines(
            campaign=campaign, results=results, roi=roi, counts=counts, rise=rise, today=today
        ),
        tones=feedback_tones(campaign=campaign),
        latest_feedback=list(
            Feedback.objects.filter(campaign=campaign).select_related("partnership__influencer")[
                :LATEST_SHOWN
            ]
        ),
        latest_answers=list(answers.exclude(reason="", other="")[:LATEST_SHOWN]),
        answers=answers.count(),
    )
