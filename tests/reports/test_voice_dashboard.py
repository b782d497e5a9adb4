"""Customers' voice on the dashboard and in the report PDF: the range with its ROAS and
profit ROI and which end to trust, the keep-or-stop lines, and what people said."""

import pytest
from django.test import Client
from django.urls import reverse

from kpis.models import Survey
from tests.factories.kpis import FeedbackFactory, SurveyAnswerFactory, TillTapFactory

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def voiced(campaign):
    partnership = campaign.partnerships.first()
    survey = Survey.for_campaign(campaign)
    SurveyAnswerFactory(survey=survey, partnership=partnership, reason="Saw the <i>reel</i>")
    TillTapFactory.create_batch(2, campaign=campaign, partnership=partnership)
    FeedbackFactory(campaign=campaign, partnership=partnership, text="Best buns <in> town")
    FeedbackFactory(campaign=campaign, tone="negative", text="Queue too long")
    return campaign


def test_the_dashboard_shows_the_range_and_keep_or_stop(owner_client, voiced):
    html = owner_client.get(reverse("reports:dashboard", args=[voiced.pk])).content.decode()

    for words in ("Results as a range", "Counted for sure", "Likely", "At most"):
        assert words in html
    assert "plus 1 from the survey and 2 from the till tally" in html
    assert "Which end to trust:" in html
    assert "Keep or stop, per influencer" in html
    assert "Positive: 1" in html and "Negative: 1" in html
    assert "Best buns &lt;in&gt; town" in html
    assert "Saw the &lt;i&gt;reel&lt;/i&gt;" in html


def test_a_new_survey_answer_shows_on_a_dashboard_kept_drawn(owner_client, voiced):
    url = reverse("reports:dashboard", args=[voiced.pk])
    assert "plus 1 from the survey" in owner_client.get(url).content.decode()
    survey = voiced.survey
    page = Client(HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36")
    partnership = voiced.partnerships.first()

    page.post(reverse("kpis:survey", args=[survey.slug]), {"heard_from": f"p{partnership.pk}"})

    assert "plus 2 from the survey" in owner_client.get(url).content.decode()


def test_the_report_pdf_has_the_range_and_the_feedback(owner_client, voiced):
    response = owner_client.get(reverse("reports:report_pdf", args=[voiced.pk]))

    text = pdf_text(response.content)
    assert "Results as a range" in text
    assert "Counted for sure" in text and "At most" in text
    assert "Keep or stop, per influencer" in text
    assert "Best buns <in> town" in text
    assert "Queue too long" in text
