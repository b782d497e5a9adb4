"""Another owner's campaign is simply not there: 404 on every report address, no data."""

import pytest

from .conftest import build_campaign

pytestmark = pytest.mark.django_db

CAMPAIGN_PAGES = [
    "/campaigns/{pk}/",
    "/campaigns/{pk}/checklist.pdf",
    "/campaigns/{pk}/report.pdf",
    "/campaigns/{pk}/report.pdf?paper=letter",
    "/campaigns/{pk}/calendar.ics",
    "/campaigns/{pk}/measurements.csv",
    "/campaigns/{pk}/measurements.xlsx",
    "/campaigns/{pk}/influencers.csv",
    "/campaigns/{pk}/influencers.xlsx",
]


@pytest.fixture
def theirs(other_owner):
    return build_campaign(other_owner, name="Their secret campaign")


@pytest.mark.parametrize("path", CAMPAIGN_PAGES)
def test_other_owners_campaign_is_not_found(owner_client, theirs, path):
    url = path.format(pk=theirs.pk)
    assert owner_client.get(url).status_code == 404
    assert owner_client.post(url).status_code == 404


@pytest.mark.parametrize("path", CAMPAIGN_PAGES)
def test_visitors_are_sent_to_log_in(client, theirs, path):
    response = client.get(path.format(pk=theirs.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_portfolio_lists_only_my_campaigns(owner_client, owner, theirs):
    mine = build_campaign(owner, name="My own campaign")
    html = owner_client.get("/campaigns/").content.decode()
    assert mine.name in html
    assert theirs.name not in html


def test_exports_contain_only_my_rows(owner_client, owner, theirs):
    mine = build_campaign(owner, name="Mine")
    content = owner_client.get(f"/campaigns/{mine.pk}/influencers.csv").content.decode()
    for partnership in theirs.partnerships.select_related("influencer"):
        assert partnership.influencer.name not in content
        assert partnership.promo_code not in content
