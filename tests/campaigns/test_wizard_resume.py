"""A half-finished plan lives in the database: a new session (log-out, another device, a
restarted server) continues where the owner left off, with every answer intact."""

from decimal import Decimal

import pytest
from django.test import Client

from campaigns.models import Campaign
from tests.factories.influencers import InfluencerFactory

from .plan_helpers import goal_data, kpi_data, post_step, step_url

pytestmark = pytest.mark.django_db


def fresh_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_new_session_continues_at_the_next_step_with_answers_intact(owner):
    influencer = InfluencerFactory(owner=owner)
    first_device = fresh_client(owner)
    first_device.post("/campaigns/new/", {"name": "Spring"})
    campaign = Campaign.objects.get(owner=owner)
    post_step(first_device, campaign, 1, {"name": "Spring", "influencers": [influencer.pk]})
    post_step(first_device, campaign, 2, goal_data(goal_number="40"))
    post_step(first_device, campaign, 3, kpi_data(customers_target="40"))
    # Typed on step 4 but not valid yet is impossible here (all optional): type, go Back.
    post_step(first_device, campaign, 4, {"need_main_goal": "Busier mornings"}, goto=3)
    first_device.logout()

    second_device = fresh_client(owner)
    assert second_device.session.session_key != first_device.session.session_key
    response = second_device.get(f"/campaigns/{campaign.pk}/plan/")
    assert response.url == step_url(campaign, 5)  # the first step not saved yet

    page = second_device.get(step_url(campaign, 2)).content.decode()
    assert 'value="40.00"' in page or 'value="40"' in page
    assert "Gain 40 new customers by" in page
    page = second_device.get(step_url(campaign, 3)).content.decode()
    assert 'name="3-customers_chosen" id="id_3-customers_chosen" checked' in page
    page = second_device.get(step_url(campaign, 4)).content.decode()
    assert "Busier mornings" in page
    page = second_device.get(step_url(campaign, 1)).content.decode()
    assert f'value="{influencer.pk}"' in page and "checked" in page
    assert campaign.kpis.get().target == Decimal("40")


def test_unsaved_input_follows_the_owner_to_another_device(owner):
    first_device = fresh_client(owner)
    campaign = Campaign.objects.create(owner=owner, name="Spring")
    post_step(first_device, campaign, 2, goal_data(goal_number="", goal_unit="regulars"), goto=1)
    second_device = fresh_client(owner)
    page = second_device.get(step_url(campaign, 2)).content.decode()
    assert 'value="regulars"' in page
    assert "Enter a number" in page  # shown again with what still needs doing
