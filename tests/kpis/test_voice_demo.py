"""The demo bakery hears from its customers: survey answers, till taps and feedback over the
campaign's weeks, so its dashboard shows a range that says which end to trust."""

import pytest

import campaigns.plan.demo
import influencers.demo
from kpis import demo, voice_demo
from kpis.models import Feedback, SurveyAnswer, TillTap
from reports.services import campaign_dashboard

pytestmark = pytest.mark.django_db


def counts():
    return (SurveyAnswer.objects.count(), TillTap.objects.count(), Feedback.objects.count())


def test_the_demo_range_rests_on_what_customers_said(owner):
    influencers.demo.load(owner)
    campaign = campaigns.plan.demo.load(owner)
    demo.load(owner)

    voice_demo.load(owner)
    first = counts()
    voice_demo.load(owner)

    assert counts() == first
    days = set(TillTap.objects.values_list("day", flat=True))
    assert min(days) >= campaign.start_date and len(days) > 5
    assert SurveyAnswer.objects.filter(suspect=True).exists()
    voice = campaign_dashboard(campaign=campaign).voice
    assert voice.range.sure.sales < voice.range.likely.sales
    assert voice.range.trust == "likely"
    verdicts = {line.partnership.promo_code: line.verdict for line in voice.keep_or_stop}
    assert verdicts["SAMEATS"] == "stop"
    assert {tone.value: n for tone, n in voice.tones} == {
        "positive": 2,
        "neutral": 1,
        "negative": 1,
    }


def test_without_the_demo_campaign_nothing_is_made(owner):
    voice_demo.load(owner)

    assert counts() == (0, 0, 0)
