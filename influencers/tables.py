from collections.abc import Callable
from typing import Any

import django_tables2 as tables
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.formatting import format_whole

from .metrics import TIER_SHORT_NAMES
from .models import OutreachStatus


def nulls_last(field: str) -> Callable[[Any, QuerySet, bool], tuple[QuerySet, bool]]:
    """An ``order_<column>`` method: missing numbers sort last in both directions."""

    def order(table, queryset, is_descending):
        expression = (
            F(field).desc(nulls_last=True) if is_descending else F(field).asc(nulls_last=True)
        )
        return queryset.order_by(expression, "name"), True

    return order


class InfluencerTable(tables.Table):
    """One row per person; numbers are those of their main profile (the most followers)."""

    caption = _("Your influencers")

    name = tables.Column(verbose_name=_("Name"), linkify=True)
    profiles = tables.Column(verbose_name=_("Profiles"), empty_values=(), orderable=False)
    followers = tables.Column(
        verbose_name=_("Followers"), accessor="main_followers", attrs={"td": {"class": "text-end"}}
    )
    engagement = tables.Column(
        verbose_name=_("Engagement rate"), accessor="main_rate", attrs={"td": {"class": "text-end"}}
    )
    # Shown under the followers number on screen (same order); its own column in exports.
    tier = tables.Column(
        verbose_name=_("Size"), accessor="main_followers", empty_values=(), visible=False
    )
    checks = tables.Column(verbose_name=_("Checks"), empty_values=(), orderable=False)
    niche = tables.Column(verbose_name=_("Niche"))
    location = tables.Column(verbose_name=_("Location"), visible=False)
    status = tables.Column(verbose_name=_("Status"))
    status_changed_at = tables.Column(verbose_name=_("Status since"))
    email = tables.Column(verbose_name=_("Contact email"), visible=False)

    order_followers = nulls_last("main_followers")
    order_engagement = nulls_last("main_rate")

    class Meta:
        attrs = {"class": "table table-hover align-middle roster-table"}
        order_by = ("name",)
        empty_text = _("No influencers match. Add one, import a file, or clear the filters.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # On a phone each row becomes a card; CSS shows these labels beside the values.
        for bound_column in self.columns:
            bound_column.column.attrs.setdefault("td", {})["data-label"] = str(bound_column.header)

    def render_profiles(self, record):
        profiles = format_html_join(
            "",
            '<li>{} <span class="handle">@{}</span></li>',
            ((p.get_platform_display(), p.handle) for p in record.profiles.all()),
        )
        return format_html('<ul class="list-unstyled mb-0">{}</ul>', profiles) if profiles else "—"

    def value_profiles(self, record):
        return "; ".join(
            f"{p.get_platform_display()} @{p.handle} {p.url}".strip() for p in record.profiles.all()
        )

    def render_followers(self, record, value):
        return format_html(
            '<span>{}<span class="d-block small text-body-secondary">{}</span></span>',
            format_whole(value),
            self.render_tier(record),
        )

    def value_followers(self, value):
        return value

    def render_engagement(self, record):
        profile = record.main_profile
        return render_to_string(
            "influencers/_rate.html", {"engagement": profile.engagement if profile else None}
        )

    def value_engagement(self, record):
        profile = record.main_profile
        return profile.engagement.rate if profile else None

    def render_tier(self, record):
        profile = record.main_profile
        return TIER_SHORT_NAMES[profile.tier].capitalize() if profile and profile.tier else "—"

    def value_tier(self, record):
        profile = record.main_profile
        return str(TIER_SHORT_NAMES[profile.tier]) if profile and profile.tier else ""

    def render_checks(self, record):
        count = sum(len(profile.warnings) for profile in record.profiles.all())
        if not count:
            return _("Looks fine")
        return format_html(
            '<span class="roster-warning">{}</span>',
            ngettext("%(count)s warning", "%(count)s warnings", count) % {"count": count},
        )

    def value_checks(self, record):
        return " ".join(w for profile in record.profiles.all() for w in profile.warnings)

    def render_status(self, record):
        return render_to_string(
            "influencers/_status_cell.html",
            {
                "influencer": record,
                "statuses": OutreachStatus.choices,
                "next": self.request.get_full_path(),
            },
            request=self.request,
        )

    def value_status(self, record):
        return record.get_status_display()

    def render_status_changed_at(self, record, value):
        return format_html(
            '<span id="status-since-{}">{}</span>',
            record.pk,
            date_format(timezone.localtime(value), "SHORT_DATE_FORMAT"),
        )

    def value_status_changed_at(self, value):
        return timezone.localtime(value).date().isoformat()
