"""The live goal sentence shows what the owner types as text, markup and htmx attributes too."""

import pytest

from campaigns.models import Campaign
from tests.factories.accounts import UserFactory

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_markup_in_the_goal_shows_as_text_and_runs_nothing(page, live_server):
    owner = UserFactory()
    campaign = Campaign.objects.create(owner=owner, name="Spring")
    sign_in(page, owner)
    page.goto(f"/campaigns/{campaign.pk}/plan/2/")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.locator('[name="2-goal_number"]').fill("50")
    page.locator('[name="2-goal_unit"]').fill('<b hx-get="/healthz" hx-trigger="load">x</b>')
    preview = page.locator("#goal-preview")
    preview.get_by_text('<b hx-get="/healthz"', exact=False).wait_for()
    assert preview.locator("b").count() == 0
    page.wait_for_timeout(500)
    assert not [url for url in requests if "/healthz" in url]
    assert page.url.endswith("/plan/2/")
