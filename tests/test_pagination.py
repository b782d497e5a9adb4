"""Any page number or page size in the address gives a page, never an error."""

import pytest

from tests.factories.campaigns import CampaignFactory
from tests.factories.influencers import InfluencerFactory

pytestmark = pytest.mark.django_db

TABLES = ("/influencers/", "/campaigns/")
ODD = ["-5", "0", "abc", "1e9", str(10**30), ""]


@pytest.mark.parametrize("path", TABLES)
def test_odd_page_sizes_and_numbers_still_show_the_table(owner_client, owner, path):
    InfluencerFactory(owner=owner, name="Rosie Bakes")
    CampaignFactory(owner=owner, name="Spring loaves", status="active")
    for value in ODD:
        for name in ("per_page", "page"):
            response = owner_client.get(path, {name: value})
            assert response.status_code == 200, (name, value)


def test_a_page_holds_at_most_a_hundred_rows(owner_client, owner):
    InfluencerFactory.create_batch(105, owner=owner)
    body = owner_client.get("/influencers/", {"per_page": "100000"}).content.decode()
    rows = body.split("<tbody")[1].split("</tbody>")[0].count("<tr")
    assert rows == 100 and "page=2" in body
