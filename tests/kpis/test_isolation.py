"""Another owner's campaigns, readings, codes and links are not found: 404, nothing changed."""

import pytest
from django.urls import URLPattern, reverse

from kpis import urls as kpi_urls
from kpis.models import CheckIn, Click, Measurement, Redemption, TrackedLink
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import (
    CampaignKPIFactory,
    FeedbackFactory,
    MeasurementFactory,
    PostFactory,
    RedemptionFactory,
    SurveyAnswerFactory,
    SurveyFactory,
    TrackedLinkFactory,
)

# Public addresses (a tracked link, a survey) take a slug or token, never an owner's id.
PUBLIC_KEYS = {"slug", "token"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    """One of everything, belonging to ``owner``."""
    campaign = CampaignFactory(owner=owner)
    partnership = PartnershipFactory(campaign=campaign)
    kpi = CampaignKPIFactory(campaign=campaign)
    checkin = CheckIn.objects.create(owner=owner, campaign=campaign, note="private note")
    measurement = MeasurementFactory(kpi=kpi, checkin=checkin)
    return {
        "pk": campaign.pk,
        "partnership_pk": partnership.pk,
        "measurement_pk": measurement.pk,
        "checkin_pk": checkin.pk,
        "redemption_pk": RedemptionFactory(partnership=partnership).pk,
        "link_pk": TrackedLinkFactory(partnership=PartnershipFactory(campaign=campaign)).pk,
        "answer_pk": SurveyAnswerFactory(survey=SurveyFactory(campaign=campaign)).pk,
        "feedback_pk": FeedbackFactory(campaign=campaign).pk,
        "post_pk": PostFactory(partnership=partnership).pk,
    }


def owner_urls(world):
    """Every kpis URL that takes an object id, filled with the owner's ids."""
    urls = []
    for pattern in kpi_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        keys = set(pattern.pattern.converters)
        if keys and not keys & PUBLIC_KEYS:
            urls.append(reverse(f"kpis:{pattern.name}", kwargs={key: world[key] for key in keys}))
    return urls


def snapshot():
    return (
        list(CheckIn.objects.values()),
        list(Measurement.objects.values()),
        list(Redemption.objects.values()),
        list(TrackedLink.objects.values()),
        Click.objects.count(),
    )


def test_every_id_taking_page_is_404_to_another_owner(client, other_owner, world):
    before = snapshot()
    client.force_login(other_owner)
    urls = owner_urls(world)
    public = [p for p in kpi_urls.urlpatterns if set(p.pattern.converters) & PUBLIC_KEYS]
    assert len(urls) == len(kpi_urls.urlpatterns) - len(public)

    for url in urls:
        assert client.get(url).status_code in (404, 405), url
        posted = client.post(
            url,
            {
                "date": "2026-01-01",
                "value": "9",
                "note": "hacked",
                "destination": "https://evil.example",
                "revenue": "1",
                "partnership": world["partnership_pk"],
                "token": "x",
            },
        )
        # 405 (a method the view never takes) is the same answer for every owner.
        assert posted.status_code in (404, 405), url

    assert snapshot() == before


def test_the_owner_can_open_them(owner_client, world):
    for url in owner_urls(world):
        if "import/preview" in url:
            continue  # needs an upload first
        assert owner_client.get(url).status_code in (200, 302, 405), url


def test_another_owner_s_campaign_shows_none_of_the_owner_s_readings(client, other_owner, world):
    CampaignFactory(owner=other_owner)
    client.force_login(other_owner)
    mine = CampaignFactory(owner=other_owner)

    page = client.get(reverse("kpis:measurements", args=[mine.pk])).content.decode()

    assert "private note" not in page
