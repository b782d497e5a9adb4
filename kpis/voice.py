"""What customers said, gathered for the dashboard and the report: the range of results,
the keep-or-stop lines, the survey's latest answers and the feedback log's tally."""

from collections.abc import Callable, Iterable
from datetime import date
from functools import cached_property

from django.db.models import Count, QuerySet

from campaigns.models import Campaign

from .models import Feedback, SurveyAnswer, Tone
from .results_range import (
    BaselineRise,
    KeepOrStop,
    ResultsRange,
    VoiceCounts,
    baseline_rise,
    campaign_range,
    keep_or_stop_lines,
    voice_counts,
)
from .services import CampaignRows, PartnershipResult, ROISummary

LATEST_SHOWN = 5


def feedback_tones(*, campaign: Campaign) -> list[tuple[Tone, int]]:
    counts = dict(
        Feedback.objects.filter(campaign=campaign)
        .values("tone")
        .annotate(n=Count("id"))
        .values_list("tone", "n")
    )
    return [(tone, counts.get(tone.value, 0)) for tone in Tone]


class CampaignVoice:
    """What customers said about a campaign. Each part is gathered the first time it is
    read, so a page that shows only the feedback runs only the feedback's queries.
    ``results`` and ``roi`` are the campaign's counted figures, ``rows`` the readings they
    were added up from, ``counts`` what the survey and the till counted (``voice_counts``)."""

    def __init__(
        self,
        *,
        campaign: Campaign,
        results: Callable[[], Iterable[PartnershipResult]],
        roi: Callable[[], ROISummary],
        today: date,
        rows: CampaignRows | None = None,
        counts: Callable[[], VoiceCounts] | None = None,
    ) -> None:
        self.campaign, self.today, self.rows = campaign, today, rows
        self._results, self._roi = results, roi
        self._counts = counts or (lambda: voice_counts(campaign=campaign))

    @cached_property
    def counts(self) -> VoiceCounts:
        return self._counts()

    @cached_property
    def rise(self) -> BaselineRise:
        return baseline_rise(
            campaign=self.campaign, roi=self._roi(), today=self.today, rows=self.rows
        )

    @cached_property
    def range(self) -> ResultsRange:
        return campaign_range(
            campaign=self.campaign,
            roi=self._roi(),
            counts=self.counts,
            rise=self.rise,
            today=self.today,
        )

    @cached_property
    def keep_or_stop(self) -> list[KeepOrStop]:
        """One line per influencer."""
        return keep_or_stop_lines(
            campaign=self.campaign,
            results=self._results(),
            roi=self._roi(),
            counts=self.counts,
            rise=self.rise,
            today=self.today,
        )

    @cached_property
    def tones(self) -> list[tuple[Tone, int]]:
        """Every tone, in order, with how many entries have it."""
        return feedback_tones(campaign=self.campaign)

    @cached_property
    def latest_feedback(self) -> list[Feedback]:
        return list(
            Feedback.objects.filter(campaign=self.campaign).select_related(
                "partnership__influencer"
            )[:LATEST_SHOWN]
        )

    @cached_property
    def _answers(self) -> QuerySet[SurveyAnswer]:
        return SurveyAnswer.objects.filter(survey__campaign=self.campaign).select_related(
            "partnership__influencer"
        )

    @cached_property
    def latest_answers(self) -> list[SurveyAnswer]:
        return list(self._answers.exclude(reason="", other="")[:LATEST_SHOWN])

    @cached_property
    def answers(self) -> int:
        return self._answers.count()
