"""Posting wizard steps the way the browser does: prefixed fields and the management form."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone


def step_url(campaign, step):
    return reverse("campaigns:plan", kwargs={"pk": campaign.pk, "step": str(step)})


def post_step(client, campaign, step, data, goto=None, follow=False):
    payload = {f"plan_{campaign.pk}-current_step": str(step)}
    payload.update({f"{step}-{name}": value for name, value in data.items()})
    if goto is not None:
        payload["wizard_goto_step"] = str(goto)
    return client.post(step_url(campaign, step), payload, follow=follow)


def goal_data(**overrides):
    today = timezone.localdate()
    data = {
        "goal_type": "customers",
        "goal_number": "50",
        "goal_unit": "new customers",
        "start_date": (today + timedelta(days=1)).isoformat(),
        "end_date": (today + timedelta(days=60)).isoformat(),
    }
    data.update(overrides)
    return data


def kpi_data(**overrides):
    data = {
        "customers_chosen": "on",
        "customers_baseline": "0",
        "customers_target": "50",
    }
    data.update(overrides)
    return data
