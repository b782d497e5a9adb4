"""The campaigns table. The portfolio page (reports) subclasses it to add progress, pace and
ROI columns; pass the rows through ``CampaignTable.for_owner`` or give ``progress=`` yourself."""

from datetime import date

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.models import Campaign, CampaignStatus

from .checklist import checklist_progress


def days_left(*, campaign: Campaign, today: date | None = None) -> int | None:
    """Days until the deadline (0 on the day itself); None without a deadline or once over."""
    today = today or timezone.localdate()
    if not campaign.end_date or campaign.status == CampaignStatus.FINISHED:
        return None
    if campaign.end_date < today:
        return None
    return (campaign.end_date - today).days


class CampaignTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Campaign"), linkify=lambda record: record.get_absolute_url()
    )
    goal_sentence = tables.Column(verbose_name=_("Goal"), default="—", orderable=False)
    status = tables.Column(verbose_name=_("Status"))
    dates = tables.Column(
        verbose_name=_("Dates"), accessor="start_date", order_by=("start_date", "end_date")
    )
    days_left = tables.Column(
        verbose_name=_("Days left"), accessor="end_date", default="—", empty_values=()
    )
    checklist = tables.Column(verbose_name=_("Checklist"), empty_values=(), orderable=False)

    class Meta:
        attrs = {"class": "table table-hover align-middle campaign-table"}
        order_by = ("-start_date",)
        empty_text = _("No campaigns yet. Start with 'Plan a new campaign'.")
        fields = ("name", "goal_sentence", "status", "dates", "days_left", "checklist")

    def __init__(self, data, *args, progress=None, today=None, **kwargs):
        """``progress``: {campaign id: (done, total)}; computed for the rows when not given
        (three queries, however many campaigns)."""
        rows = list(data)
        self.progress = progress if progress is not None else checklist_progress(campaigns=rows)
        self.today = today or timezone.localdate()
        super().__init__(rows, *args, **kwargs)

    def render_status(self, record):
        labels = {
            CampaignStatus.DRAFT: "text-bg-secondary",
            CampaignStatus.ACTIVE: "text-bg-success",
            CampaignStatus.FINISHED: "text-bg-light border",
        }
        return format_html(
            '<span class="badge {}">{}</span>',
            labels.get(record.status, ""),
            record.get_status_display(),
        )

    def render_dates(self, record):
        if not (record.start_date and record.end_date):
            return _("Not set yet")
        return format_html(
            "{} – {}",
            date_format(record.start_date, "j M Y"),
            date_format(record.end_date, "j M Y"),
        )

    def render_days_left(self, record):
        days = days_left(campaign=record, today=self.today)
        if days is None:
            return "—"
        return ngettext("%(days)s day", "%(days)s days", days) % {"days": days}

    def value_days_left(self, record):
        return days_left(campaign=record, today=self.today)

    def render_checklist(self, record):
        done, total = self.progress.get(record.pk, (0, 0))
        return format_html(
            '<a href="{}">{}</a>',
            reverse("campaigns:checklist", kwargs={"pk": record.pk}),
            _("%(done)s of %(total)s done") % {"done": done, "total": total},
        )

    def value_checklist(self, record):
        done, total = self.progress.get(record.pk, (0, 0))
        return f"{done}/{total}"
