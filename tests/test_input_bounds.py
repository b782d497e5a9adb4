"""Every amount, percentage, goal and date an owner types stays in a sane range, and a value
outside it is refused beside its field in plain words (nothing of the step is saved)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign
from tests.campaigns.plan_helpers import goal_data, kpi_data, post_step
from tests.factories.campaigns import CampaignFactory, PartnershipFactory
from tests.factories.kpis import CampaignKPIFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner):
    return Campaign.objects.create(owner=owner, name="Spring")


def step_errors(response):
    assert response.status_code == 200, "expected the step again, with its messages"
    return {name: " ".join(errors) for name, errors in response.context["form"].errors.items()}


def budget(partnership, **overrides):
    prefix = f"p{partnership.pk}"
    data = {
        "cash_budget": "500",
        "other_costs": "0",
        "gross_margin": "100",
        f"{prefix}_deal_type": "gifted",
        f"{prefix}_fee": "0",
        f"{prefix}_product_value": "20",
        f"{prefix}_shipping": "0",
        f"{prefix}_commission_rate": "0",
        f"{prefix}_outreach_message": "Hi!",
    }
    data.update(
        {
            f"{prefix}_{name}" if name[0] != "_" else name[1:]: value
            for name, value in overrides.items()
        }
    )
    return data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fee", "-5000", "An amount cannot be below zero."),
        ("product_value", "-10", "An amount cannot be below zero."),
        ("shipping", "-1", "An amount cannot be below zero."),
        ("fee", "99999999", "at most 10,000,000"),
        ("commission_rate", "150", "Enter a percentage from 0 to 100."),
        ("commission_rate", "-1", "Enter a percentage from 0 to 100."),
        ("_cash_budget", "-100", "An amount cannot be below zero."),
        ("_other_costs", "-100", "An amount cannot be below zero."),
        ("_gross_margin", "101", "Enter a percentage from 0 to 100."),
    ],
)
def test_step_six_money_and_percentages(owner_client, draft, field, value, message):
    partnership = PartnershipFactory(campaign=draft, fee=0, promo_code="")
    errors = step_errors(post_step(owner_client, draft, 6, budget(partnership, **{field: value})))
    name = field[1:] if field[0] == "_" else f"p{partnership.pk}_{field}"
    assert message in errors[name]
    partnership.refresh_from_db()
    assert partnership.fee == 0 and partnership.product_value == Decimal("20.00")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"goal_number": "5000000000"}, "goal_number", "at most 1,000,000,000"),
        ({"goal_number": "0"}, "goal_number", "at least 1"),
        ({"end_date": "9999-12-31"}, "end_date", "before the year 2100"),
        (
            {"start_date": "9999-01-01", "end_date": "9999-12-31"},
            "start_date",
            "before the year 2100",
        ),
        ("three years", "end_date", "at most two years"),
    ],
)
def test_step_two_goal_and_dates(owner_client, draft, overrides, field, message):
    if overrides == "three years":
        start = timezone.localdate() + timedelta(days=1)
        overrides = {
            "start_date": start.isoformat(),
            "end_date": start.replace(year=start.year + 3).isoformat(),
        }
    errors = step_errors(post_step(owner_client, draft, 2, goal_data(**overrides)))
    assert message in errors[field]
    draft.refresh_from_db()
    assert draft.end_date is None


def test_two_years_exactly_is_allowed(owner_client, draft):
    start = timezone.localdate() + timedelta(days=1)
    end = start + timedelta(days=730)
    response = post_step(
        owner_client, draft, 2, goal_data(start_date=start.isoformat(), end_date=end.isoformat())
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.end_date == end


@pytest.mark.parametrize(
    ("target", "message"),
    [("0", "above zero"), ("-5", "above zero"), ("1e12", "at most 1,000,000,000")],
)
def test_step_three_targets(owner_client, draft, target, message):
    draft.goal_type = "customers"
    draft.save()
    errors = step_errors(post_step(owner_client, draft, 3, kpi_data(customers_target=target)))
    assert message in errors["customers_target"]
    assert not draft.kpis.exists()


def test_a_negative_starting_point_is_refused(owner_client, draft):
    errors = step_errors(post_step(owner_client, draft, 3, kpi_data(customers_baseline="-3")))
    assert "Enter zero or more." in errors["customers_baseline"]


def test_an_order_value_typed_by_hand_is_never_negative_or_absurd(owner_client, owner):
    partnership = PartnershipFactory(campaign=CampaignFactory(owner=owner))
    url = reverse("kpis:redemption_add", args=[partnership.campaign_id])
    for revenue, message in (("-12", "below zero"), ("50000000", "at most 10,000,000")):
        response = owner_client.post(
            url,
            {
                "promo-partnership": partnership.pk,
                "promo-date": timezone.localdate().isoformat(),
                "promo-revenue": revenue,
            },
        )
        assert message in " ".join(response.context["redemption_form"].errors["revenue"])
    assert not partnership.redemptions.exists()


def test_a_check_in_number_is_bounded(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    kpi = CampaignKPIFactory(campaign=campaign, kind="customers")
    response = owner_client.post(
        reverse("kpis:measurements", args=[campaign.pk]),
        {"date": timezone.localdate().isoformat(), f"value_{kpi.pk}": "7000000000"},
    )
    assert "at most 1,000,000,000" in " ".join(response.context["form"].errors[f"value_{kpi.pk}"])


def test_the_models_hold_the_same_bounds_for_every_other_form(owner):
    """Admin and any ModelForm get them from the model."""
    campaign = CampaignFactory(owner=owner, start_date=date(2027, 1, 1), end_date=date(2030, 1, 1))
    with pytest.raises(ValidationError) as refused:
        campaign.full_clean()
    assert "at most two years" in str(refused.value.message_dict["end_date"])
    partnership = PartnershipFactory(campaign=CampaignFactory(owner=owner), fee=Decimal("-1"))
    partnership.commission_rate = Decimal("101")
    with pytest.raises(ValidationError) as refused:
        partnership.full_clean()
    assert set(refused.value.message_dict) == {"fee", "commission_rate"}


def test_a_follower_count_is_bounded(owner_client):
    response = owner_client.post(
        reverse("influencers:create"),
        {
            "name": "Rosie",
            "status": "identified",
            "profiles-TOTAL_FORMS": "1",
            "profiles-INITIAL_FORMS": "0",
            "profiles-0-platform": "instagram",
            "profiles-0-handle": "rosie",
            "profiles-0-followers": "1" + "0" * 25,
        },
    )
    assert response.status_code == 200
    assert "at most 1,000,000,000" in str(response.context["formset"].errors)
