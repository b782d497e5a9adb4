"""Where the wizard keeps its place: in the draft campaign itself, not in the session.

formtools' session storage would lose a half-finished plan at log-out and could not follow the
owner to another device. Here the data lives in ``Campaign.plan_data``: loaded once per
request and written back (only if it changed) when the response goes out.
"""

import copy

from formtools.wizard.storage.base import BaseStorage

from accounts.owned import get_owned_or_404
from campaigns.models import Campaign

PREFIX_STEM = "plan_"


def plan_prefix(campaign_id: int | str) -> str:
    return f"{PREFIX_STEM}{campaign_id}"


class CampaignPlanStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        campaign_id = prefix.removeprefix(PREFIX_STEM)
        # Another owner's campaign is simply not found (404), as everywhere else.
        self.campaign = get_owned_or_404(Campaign, owner=request.user, pk=campaign_id)
        self.data = copy.deepcopy(self.campaign.plan_data) or {}
        if not self.data:
            self.init_data()
        self._loaded = copy.deepcopy(self.data)

    def update_response(self, response):
        super().update_response(response)
        self.save()

    def save(self):
        # What a step keeps as typed (Back on a form with errors) may hold NUL characters,
        # which no form accepts and PostgreSQL's JSON cannot store: they are dropped here.
        self.data = without_nul(self.data)
        if self.data != self._loaded:
            self.campaign.plan_data = self.data
            Campaign.objects.filter(pk=self.campaign.pk).update(plan_data=self.data)
            self._loaded = copy.deepcopy(self.data)


def without_nul(value):
    """``value`` (JSON: dicts, lists, strings) with every NUL character removed."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value
