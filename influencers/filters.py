import django_filters
from crispy_forms.layout import Column, Layout, Row, Submit
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accounts.layout import FormHelper

from .metrics import TIER_LOWER_BOUNDS, Tier
from .models import Influencer, OutreachStatus, Platform, Profile
from .services import normalise_handle


def tier_follower_range(tier: str) -> tuple[int, int | None]:
    """(lowest, highest) followers of a tier, inclusive; None where the tier is open-ended."""
    bounds: dict[str, int] = dict(TIER_LOWER_BOUNDS)
    lowest = bounds.get(tier, 0)
    higher = [bound for bound in bounds.values() if bound > lowest]
    return lowest, (min(higher) - 1 if higher else None)


# Longer than any name or handle; it also keeps the database's pattern matching small.
SEARCH_MAX_LENGTH = 200


class InfluencerFilter(django_filters.FilterSet):
    """Expects a queryset from ``Influencer.objects.with_roster_numbers()``."""

    q = django_filters.CharFilter(
        label=_("Name or handle"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    platform = django_filters.ChoiceFilter(
        label=_("Platform"),
        choices=Platform.choices,
        method="filter_platform",
        empty_label=_("Any platform"),
    )
    niche = django_filters.ChoiceFilter(label=_("Niche"), choices=[], empty_label=_("Any niche"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OutreachStatus.choices, empty_label=_("Any status")
    )
    tier = django_filters.ChoiceFilter(
        label=_("Size"), choices=Tier.choices, method="filter_tier", empty_label=_("Any size")
    )

    class Meta:
        model = Influencer
        fields = ("q", "platform", "niche", "status", "tier")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        niches = self.queryset.exclude(niche="").order_by("niche").values_list("niche", flat=True)
        self.filters["niche"].extra["choices"] = [(niche, niche) for niche in niches.distinct()]

    @property
    def form(self):
        form = super().form
        form.helper = FormHelper()
        form.helper.form_method = "get"
        form.helper.form_class = "roster-filters"
        form.helper.layout = Layout(
            Row(
                *(Column(name, css_class="col-12 col-sm-6 col-lg") for name in self.filters),
                Column(
                    Submit("", _("Filter"), css_class="btn-brand w-100"),
                    css_class="col-12 col-lg-auto d-flex align-items-end mb-3",
                ),
            )
        )
        return form

    def filter_search(self, queryset, name, value):
        handle = normalise_handle(value)
        has_handle = Exists(
            Profile.objects.filter(influencer=OuterRef("pk"), handle__icontains=handle)
        )
        return queryset.filter(Q(name__icontains=value.strip()) | Q(has_handle))

    def filter_platform(self, queryset, name, value):
        return queryset.filter(
            Exists(Profile.objects.filter(influencer=OuterRef("pk"), platform=value))
        )

    def filter_tier(self, queryset, name, value):
        lowest, highest = tier_follower_range(value)
        queryset = queryset.filter(main_followers__gte=lowest)
        return queryset.filter(main_followers__lte=highest) if highest is not None else queryset
