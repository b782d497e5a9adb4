"""Step 5: the tracking plan. How often to check, where each KPI's numbers come from, the
page the tracked links open, and what to change when a number lags."""

from urllib.parse import urlsplit

from django import forms
from django.db import transaction
from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _

from accounts.models import business_of
from campaigns.models import Campaign, CheckinFrequency
from kpis.catalogue import Source, definition
from kpis.models import TrackedLink

from .base import PlanStepForm, Step


def shared_destination(*, campaign: Campaign) -> str:
    """The page most of the campaign's links open (the one step 5 sets), or ""."""
    common = (
        TrackedLink.objects.filter(partnership__campaign=campaign)
        .values("destination")
        .annotate(links=Count("id"), first=Min("id"))
        .order_by("-links", "first")
        .first()
    )
    return common["destination"] if common else ""


class TrackingForm(PlanStepForm):
    checkin_frequency = forms.TypedChoiceField(
        label=_("How often will you check your numbers?"),
        choices=CheckinFrequency.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    destination = forms.URLField(
        label=_("Which page should the influencers' links open?"),
        help_text=_(
            "Your website or shop page. Each influencer gets their own short link to it, so "
            "every click is counted for the right person. A link you pointed at another page "
            "on the links page keeps that page."
        ),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, e.g. https://yourshop.example.")},
    )
    adjustment_threshold = forms.IntegerField(
        label=_("Act when a number is below this share of where it should be (%)"),
        min_value=1,
        max_value=100,
        help_text=_("e.g. 50: at half the expected progress, it is time to change something."),
        error_messages={
            "min_value": _("Enter a percentage between 1 and 100."),
            "max_value": _("Enter a percentage between 1 and 100."),
        },
    )
    adjustment_action = forms.CharField(
        label=_("What will you change then?"),
        help_text=_("e.g. ask for a video instead of a photo, or try another influencer."),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpis = list(self.campaign.kpis.all())
        for kpi in self.kpis:
            sources = definition(kpi.kind).sources
            self.fields[f"source_{kpi.kind}"] = forms.ChoiceField(
                label=_("Where will the numbers for '%(kpi)s' come from?") % {"kpi": kpi},
                choices=[(source.value, source.label) for source in sources],
            )

    @classmethod
    def initial_for(cls, campaign):
        initial = {
            "checkin_frequency": campaign.checkin_frequency,
            "adjustment_threshold": campaign.adjustment_threshold,
            "adjustment_action": campaign.adjustment_action,
        }
        initial.update({f"source_{kpi.kind}": kpi.source for kpi in campaign.kpis.all()})
        business = business_of(campaign.owner)
        initial["destination"] = shared_destination(campaign=campaign) or getattr(
            business, "website", ""
        )
        return initial

    def source_fields(self):
        return [self[f"source_{kpi.kind}"] for kpi in self.kpis]

    def clean_destination(self):
        destination = self.cleaned_data["destination"]
        if destination and urlsplit(destination).scheme not in ("http", "https"):
            raise forms.ValidationError(_("Use a web address starting with https://."))
        return destination

    def clean(self):
        cleaned = super().clean()
        uses_links = any(cleaned.get(f"source_{kpi.kind}") == Source.LINKS for kpi in self.kpis)
        if uses_links and not cleaned.get("destination") and "destination" not in self.errors:
            self.add_error(
                "destination",
                _(
                    "You count clicks on tracked links: enter the page they should open, "
                    "e.g. your shop's website."
                ),
            )
        return cleaned

    @transaction.atomic
    def save(self):
        campaign = self.campaign
        sources = set()
        for kpi in self.kpis:
            kpi.source = self.cleaned_data[f"source_{kpi.kind}"]
            kpi.save(update_fields=["source"])
            sources.add(kpi.source)
        destination = self.cleaned_data["destination"]
        if destination:
            # Only the links that still open the page this field showed follow a change: a
            # link the owner pointed elsewhere on the links page keeps its own page.
            previous = shared_destination(campaign=campaign)
            if previous and destination != previous:
                TrackedLink.objects.filter(
                    partnership__campaign=campaign, destination=previous
                ).update(destination=destination)
            for partnership in campaign.partnerships.filter(
                tracked_link__isnull=True
            ).select_related("influencer", "owner"):
                TrackedLink.create_for(partnership, destination)
        campaign.checkin_frequency = self.cleaned_data["checkin_frequency"]
        campaign.adjustment_threshold = self.cleaned_data["adjustment_threshold"]
        campaign.adjustment_action = self.cleaned_data["adjustment_action"].strip()
        campaign.tracking_tools = sorted(sources)
        campaign.save(
            update_fields=[
                "checkin_frequency",
                "adjustment_threshold",
                "adjustment_action",
                "tracking_tools",
                "updated_at",
            ]
        )


STEP = Step(
    number=5,
    name=_("Tracking plan"),
    why=_(
        "Numbers only help if someone looks at them. Deciding now when you will check, where "
        "each number comes from and what you will do if it lags saves guesswork later."
    ),
    form=TrackingForm,
    template="campaigns/plan/step_5.html",
    depends_on=(1, 3),  # a link per influencer, a source per KPI
)
