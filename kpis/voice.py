"""What customers said, gathered for the dashboard and the report: the range of results,
the keep-or-stop lines, the survey's latest answers and the feedback log's tally."""

from dataclasses import dataclass

from django.db.models import Count

from .models import Feedback, SurveyAnswer, Tone
from .results_range import baseline_rise, campaign_range, keep_or_stop_lines, voice_counts

LATEST_SHOWN = 5


@dataclass
class CampaignVoice:
    range: object  # results_range.ResultsRange
    keep_or_stop: list  # [results_range.KeepOrStop], one per influencer
    tones: list  # [(Tone, count)], every tone, in order
    latest_feedback: list
    latest_answers: list
    answers: int


def feedback_tones(campaign):
    counts = dict(
        Feedback.objects.filter(campaign=campaign)
        .values("tone")
        .annotate(n=Count("id"))
        .values_list("tone", "n")
    )
    return [(tone, counts.get(tone.value, 0)) for tone in Tone]


def campaign_voice(campaign, results, roi, today):
    """Everything customers' voice adds to a campaign's dashboard (a fixed number of
    queries); ``results`` and ``roi`` are the campaign's counted figures."""
    counts = voice_counts(campaign)
    rise = baseline_rise(campaign, roi, today)
    answers = SurveyAnswer.objects.filter(survey__campaign=campaign).select_related(
        "partnership__influencer"
    )
    return CampaignVoice(
        range=campaign_range(campaign, roi, counts, rise, today),
        keep_or_stop=keep_or_stop_lines(campaign, results, roi, counts, rise, today),
        tones=feedback_tones(campaign),
        latest_feedback=list(
            Feedback.objects.filter(campaign=campaign).select_related("partnership__influencer")[
                :LATEST_SHOWN
            ]
        ),
        latest_answers=list(answers.exclude(reason="", other="")[:LATEST_SHOWN]),
        answers=answers.count(),
    )
