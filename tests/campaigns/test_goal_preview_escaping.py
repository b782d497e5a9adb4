"""The goal-sentence preview is an HTML fragment: the owner's words in it are text, not markup."""

import pytest

from tests.factories.campaigns import CampaignFactory

pytestmark = pytest.mark.django_db

# Short enough for the "Of what?" box (60 characters).
HOSTILE = '<meta http-equiv="refresh" content="0;url=//e"><b hx-get=/>'


def test_the_preview_escapes_what_the_owner_typed(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    response = owner_client.get(
        f"/campaigns/{campaign.pk}/goal-sentence/",
        {"2-goal_type": "customers", "2-goal_number": "50", "2-goal_unit": HOSTILE},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert len(HOSTILE) <= 60
    assert "<meta" not in body and "<b " not in body
    assert "&lt;meta http-equiv=&quot;refresh&quot;" in body


def test_the_preview_box_tells_htmx_to_leave_its_content_alone(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    page = owner_client.get(f"/campaigns/{campaign.pk}/plan/2/").content.decode()
    assert 'id="goal-preview"' in page
    assert "hx-disable" in page.split('id="goal-preview"')[1].split(">")[0]
