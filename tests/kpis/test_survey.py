"""The public customer survey: what the page offers, what a customer's answer stores, and
what it refuses (bots, trap fields, a second answer, a closed campaign, a flood)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Business
from kpis import survey as rules
from kpis.models import SURVEY_SLUG_LENGTH, Survey, SurveyAnswer
from tests.factories.campaigns import PartnershipFactory
from tests.factories.kpis import SurveyAnswerFactory, SurveyFactory
from tests.site_walk import page_forms

pytestmark = pytest.mark.django_db

PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def survey():
    survey = SurveyFactory()
    PartnershipFactory(campaign=survey.campaign, influencer__name="Bristol <b>Bread</b> Lover")
    return survey


def customer(address="203.0.113.7"):
    return Client(HTTP_USER_AGENT=PHONE, REMOTE_ADDR=address, enforce_csrf_checks=True)


def answer_form(client, survey, **choices):
    """Open the survey as the customer's phone does and fill in the form it renders."""
    url = reverse("kpis:survey", args=[survey.slug])
    page = client.get(url)
    assert page.status_code == 200
    (form,) = page_forms(page)
    data = {**form["fields"], **choices}
    return form, client.post(url, data)


def test_the_page_names_the_influencers_escaped_and_offers_the_other_ways(survey):
    page = customer().get(reverse("kpis:survey", args=[survey.slug]))
    html = page.content.decode()

    assert "Bristol &lt;b&gt;Bread&lt;/b&gt; Lover" in html
    assert "<b>Bread</b>" not in html
    for label in ("A friend or family", "I walked past", "A search", "Something else"):
        assert label in html
    assert page["Cache-Control"].startswith("max-age=0")
    assert "<script" not in html  # answers without JavaScript


def test_an_answer_naming_an_influencer_is_stored_without_the_address(survey):
    partnership = survey.campaign.partnerships.get()
    client = customer()
    form, response = answer_form(
        client,
        survey,
        heard_from=f"p{partnership.pk}",
        reason="The reel of the crust",
        rating="5",
    )

    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    answer = SurveyAnswer.objects.get()
    assert (answer.partnership, answer.heard_from) == (partnership, "influencer")
    assert (answer.reason, answer.rating, answer.suspect) == ("The reel of the crust", 5, False)
    stored = " ".join(str(value) for value in SurveyAnswer.objects.values_list().get())
    assert "203.0.113.7" not in stored and PHONE not in stored


def test_one_answer_per_visitor_and_day(survey):
    client = customer()
    answer_form(client, survey, heard_from="friend")
    _form, again = answer_form(client, survey, heard_from="search")

    assert "already have your answer" in again.content.decode()
    assert SurveyAnswer.objects.count() == 1
    answer_form(customer("198.51.100.2"), survey, heard_from="search")
    assert SurveyAnswer.objects.count() == 2


def test_something_else_needs_a_word_and_nothing_is_stored_until_then(survey):
    _form, response = answer_form(customer(), survey, heard_from="other", other="  ")

    assert "Tell us where" in response.content.decode()
    assert not SurveyAnswer.objects.exists()
    answer_form(customer(), survey, heard_from="other", other="A flyer")
    assert SurveyAnswer.objects.get().other == "A flyer"


def test_a_made_up_choice_is_refused(survey):
    _form, response = answer_form(customer(), survey, heard_from="p999999")

    assert response.status_code == 200
    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize("agent", ["", "curl/8.5.0", "facebookexternalhit/1.1"])
def test_bots_are_thanked_and_forgotten(survey, agent):
    client = Client(HTTP_USER_AGENT=agent)
    url = reverse("kpis:survey", args=[survey.slug])

    response = client.post(url, {"heard_from": "friend"})

    assert response.status_code == 200
    assert not SurveyAnswer.objects.exists()


def test_a_filled_in_trap_field_stores_nothing(survey):
    answer_form(customer(), survey, heard_from="friend", website="https://spam.example")

    assert not SurveyAnswer.objects.exists()


def test_a_visitor_posting_again_and_again_is_stopped(survey):
    client = customer()
    url = reverse("kpis:survey", args=[survey.slug])
    for _attempt in range(rules.VISITOR_POSTS_PER_HOUR):
        client.post(url, {"heard_from": "friend"})
    SurveyAnswer.objects.all().delete()

    client.post(url, {"heard_from": "friend"})

    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize(
    ("status", "days_from_end"), [("finished", 0), ("active", 1), ("draft", -5)]
)
def test_a_closed_campaign_says_so_and_stores_nothing(survey, status, days_from_end):
    campaign = survey.campaign
    campaign.status = status
    campaign.start_date = timezone.localdate() - datetime.timedelta(days=30)
    campaign.end_date = timezone.localdate() - datetime.timedelta(days=days_from_end)
    campaign.save()
    url = reverse("kpis:survey", args=[survey.slug])

    page = customer().get(url)
    response = Client(HTTP_USER_AGENT=PHONE).post(url, {"heard_from": "friend"})

    assert "<form" not in page.content.decode()
    assert "survey-closed" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_answers_over_the_daily_cap_are_kept_but_marked_suspect(survey, monkeypatch):
    monkeypatch.setattr(rules, "DAILY_CAP", 2)
    SurveyAnswerFactory.create_batch(2, survey=survey)

    answer_form(customer(), survey, heard_from="friend")

    assert SurveyAnswer.objects.filter(suspect=True).count() == 1


def test_past_the_daily_limit_nothing_more_is_stored(survey, monkeypatch):
    monkeypatch.setattr(rules, "DAILY_LIMIT", 2)
    SurveyAnswerFactory.create_batch(2, survey=survey)

    answer_form(customer(), survey, heard_from="friend")

    assert SurveyAnswer.objects.count() == 2


def test_an_answer_raises_the_owners_data_version(survey):
    business = Business.objects.get(owner=survey.owner)

    answer_form(customer(), survey, heard_from="friend")

    business.refresh_from_db()
    assert business.data_version == 1


def test_an_unknown_address_is_not_found():
    assert customer().get("/s/abcdefghjkmnpq").status_code == 404


def test_each_campaign_gets_one_long_random_address(owner):
    from tests.factories.campaigns import CampaignFactory

    first, second = CampaignFactory(owner=owner), CampaignFactory(owner=owner)

    survey = Survey.for_campaign(first)

    assert Survey.for_campaign(first) == survey
    assert len(survey.slug) == SURVEY_SLUG_LENGTH
    assert Survey.for_campaign(second).slug != survey.slug


def test_the_owner_reads_the_answers_and_deletes_one_that_is_not_real(owner_client, owner):
    survey = SurveyFactory(campaign__owner=owner)
    SurveyAnswerFactory(survey=survey, heard_from="other", other="Spam <script>")
    page = owner_client.get(reverse("kpis:survey_page", args=[survey.campaign.pk]))
    html = page.content.decode()
    assert "1 answer so far" in html
    assert "Spam &lt;script&gt;" in html
    assert f"/s/{survey.slug}" in html
    (link,) = [
        line for line in html.splitlines() if "/survey/answers/" in line and "Delete" in line
    ]
    url = link.split('href="')[1].split('"')[0]

    assert "no longer be counted" in owner_client.get(url).content.decode()
    owner_client.post(url)

    assert not SurveyAnswer.objects.exists()
