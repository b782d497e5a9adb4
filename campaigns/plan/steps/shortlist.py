"""Step 1: find influencers. The owner names the campaign and ticks who is on it."""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import bounds
from accounts.owned import owned
from campaigns.models import Partnership
from influencers.metrics import (
    TIER_SHORT_NAMES,
    Engagement,
    profile_engagement,
    profile_warnings,
    size_tier,
)
from influencers.models import Influencer, Profile

from .base import PlanStepForm, Step


@dataclass(frozen=True)
class RosterRow:
    """One influencer on the shortlist: their biggest profile and what its numbers say."""

    influencer: Influencer
    profile: Profile | None
    tier: str
    engagement: Engagement | None
    warnings: list[str]
    checked: bool


class ShortlistForm(PlanStepForm):
    name = forms.CharField(label=_("Campaign name"), max_length=120)
    influencers = bounds.ModelMultipleChoiceField(
        label=_("Influencers for this campaign"),
        queryset=Influencer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _(
                "Tick at least one influencer for this campaign. Nobody on your list yet? "
                "Add someone first with the button below."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["influencers"].queryset = owned(Influencer, owner=self.campaign.owner)

    @classmethod
    def initial_for(cls, campaign):
        return {
            "name": campaign.name,
            "influencers": [p.influencer_id for p in campaign.partnerships.all()],
        }

    def roster(self) -> list[RosterRow]:
        """The owner's influencers with follower tier, engagement and plain warnings."""
        chosen = {str(value) for value in (self["influencers"].value() or [])}
        rows = []
        for influencer in owned(Influencer, owner=self.campaign.owner).prefetch_related("profiles"):
            profile = influencer.main_profile
            tier = size_tier(profile.followers) if profile else None
            rows.append(
                RosterRow(
                    influencer=influencer,
                    profile=profile,
                    tier=str(TIER_SHORT_NAMES[tier]) if tier else "",
                    engagement=profile_engagement(profile) if profile else None,
                    warnings=profile_warnings(profile) if profile else [],
                    checked=str(influencer.pk) in chosen,
                )
            )
        return rows

    def clean_influencers(self):
        chosen = self.cleaned_data["influencers"]
        dropped = self.campaign.partnerships.exclude(influencer__in=chosen)
        # Removing someone would delete their code uses and link clicks with them.
        with_results = dropped.filter(
            Q(redemptions__isnull=False) | Q(tracked_link__clicks__isnull=False)
        ).distinct()
        if with_results.exists():
            raise forms.ValidationError(
                _(
                    "%(names)s already has results (code uses or link clicks) on this "
                    "campaign, so they stay on it."
                ),
                params={"names": ", ".join(p.influencer.name for p in with_results)},
            )
        return chosen

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        chosen = {influencer.pk: influencer for influencer in self.cleaned_data["influencers"]}
        existing = set(campaign.partnerships.values_list("influencer_id", flat=True))
        campaign.partnerships.exclude(influencer_id__in=chosen).delete()
        Partnership.objects.bulk_create(
            Partnership(owner=campaign.owner, campaign=campaign, influencer=influencer)
            for pk, influencer in chosen.items()
            if pk not in existing
        )
        campaign.name = self.cleaned_data["name"]
        campaign.save(update_fields=["name", "updated_at"])


STEP = Step(
    number=1,
    name=_("Find influencers"),
    why=_(
        "People trust a local creator they follow more than an advert. A few people with an "
        "engaged audience usually do better than one big name, and cost far less."
    ),
    form=ShortlistForm,
    template="campaigns/plan/step_1.html",
)
