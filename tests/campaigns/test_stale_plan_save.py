"""Two tabs on one plan step: the later save, made from an older page, is refused in plain
words and keeps what was typed; saving again then is deliberate."""

import re

import pytest

from campaigns.models import Campaign

from .plan_helpers import goal_data, post_step, step_url

pytestmark = pytest.mark.django_db
VERSION = re.compile(r'name="version" value="([^"]*)"')


def version_on(client, campaign, step):
    return VERSION.search(client.get(step_url(campaign, step)).content.decode())[1]


def test_a_save_from_an_older_tab_is_refused_and_keeps_the_typing(owner_client, owner):
    campaign = Campaign.objects.create(owner=owner, name="Spring")
    tab_a = version_on(owner_client, campaign, 2)
    tab_b = version_on(owner_client, campaign, 2)
    saved = post_step(owner_client, campaign, 2, {**goal_data(goal_number="40"), "version": ""})
    assert saved.status_code == 302
    assert tab_a == tab_b

    payload = {f"2-{k}": v for k, v in goal_data(goal_number="75").items()}
    response = owner_client.post(
        step_url(campaign, 2),
        {**payload, f"plan_{campaign.pk}-current_step": "2", "version": tab_b},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "changed in another tab or device" in page
    assert 'value="75"' in page  # what was typed in tab B
    campaign.refresh_from_db()
    assert campaign.goal_number == 40  # tab A's save stands

    fresh = VERSION.search(page)[1]
    assert fresh != tab_b
    response = owner_client.post(
        step_url(campaign, 2),
        {**payload, f"plan_{campaign.pk}-current_step": "2", "version": fresh},
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.goal_number == 75
