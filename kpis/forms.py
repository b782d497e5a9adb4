import datetime

from django import forms
from django.core.validators import DecimalValidator, MinValueValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import formatting
from accounts.bounds import COUNT_VALIDATORS, DATE_VALIDATORS
from accounts.models import currency_of

from . import metrics
from .models import CheckIn, Measurement, Redemption, TrackedLink
from .recording import Reading
from .services import is_automatic, is_result_day

# A starting reading may be taken in the week before the campaign starts (the baseline
# check); anything earlier belongs to another period.
DAYS_BEFORE_START_ALLOWED = 7


def date_input():
    """A browser date picker; it only understands ISO dates, whatever the site's language."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def check_reading_date(campaign, day):
    """The rule for every dated reading: not in the future, and not more than a week before
    the campaign starts."""
    today = timezone.localdate()
    if day > today:
        raise forms.ValidationError(_("That date is in the future: use today or an earlier day."))
    if campaign.start_date:
        earliest = campaign.start_date - datetime.timedelta(days=DAYS_BEFORE_START_ALLOWED)
        if day < earliest:
            raise forms.ValidationError(
                _(
                    "The campaign starts on %(start)s: use a date from %(earliest)s on "
                    "(a starting reading may be up to a week early)."
                )
                % {"start": campaign.start_date.isoformat(), "earliest": earliest.isoformat()}
            )
    return day


def partner_choices(campaign):
    partnerships = campaign.partnerships.select_related("influencer")
    return [("", _("The whole campaign"))] + [
        (p.influencer_id, p.influencer.name) for p in partnerships
    ]


def reading_label(kpi):
    definition = kpi.definition
    if definition.cumulative:
        question = _("%(kpi)s: how many since the last check-in?")
    else:
        question = _("%(kpi)s: what is the number today?")
    return question % {"kpi": kpi.get_kind_display()}


# What the app already counts for each figure (``metrics.FIGURE_PARTS``), so no one types
# it in a second time.
COUNTED_FOR_YOU = {
    "clicks": gettext_lazy(
        "Clicks on your Microreach links are counted for you: type in only clicks on other links."
    ),
    "uses": gettext_lazy("Promo-code uses are counted for you: type in only sales without a code."),
    "revenue": gettext_lazy(
        "Orders with a promo code are counted for you: type in only money from other sales."
    ),
    "first_time": gettext_lazy(
        "Promo-code uses marked first-time are counted for you: type in only the other new "
        "customers."
    ),
}


def currency_symbol(campaign):
    return formatting.currency_symbol(currency_of(campaign.owner)).strip()


WHOLE_COUNT = {
    "max_decimal_places": gettext_lazy(
        "Type a whole number: this is counted one by one, so it has no decimals."
    ),
    "max_whole_digits": gettext_lazy("That number is too big to be a count."),
}


def reading_help(kpi):
    """The reading's explanation, its unit (the currency for money) and what is already
    counted for it."""
    definition = kpi.definition
    if definition.money:
        symbol = currency_symbol(kpi.campaign)
        unit = _("in %(currency)s") % {"currency": symbol or _("your currency")}
    else:
        unit = str(definition.unit)
    text = f"{definition.explanation} ({unit})"
    counted = COUNTED_FOR_YOU.get(metrics.FIGURE_PARTS.get(kpi.kind))
    return f"{text} {counted}" if counted else text


class CheckInForm(forms.Form):
    """A check-in: a value for every KPI typed in by hand, and what was changed, and why."""

    date = forms.DateField(
        label=gettext_lazy("Date of the check-in"),
        widget=date_input(),
        validators=DATE_VALIDATORS,
        help_text=gettext_lazy(
            "Today or an earlier day; at the earliest a week before the campaign starts."
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("What did we change, and why?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "e.g. 'Asked Maya for a second story because clicks were low.' Leave empty if "
            "nothing changed."
        ),
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["date"].initial = timezone.localdate()
        self.kpis = [kpi for kpi in campaign.kpis.all() if not is_automatic(kpi)]
        choices = partner_choices(campaign)
        for kpi in self.kpis:
            self.fields[f"value_{kpi.pk}"] = forms.DecimalField(
                label=reading_label(kpi),
                help_text=reading_help(kpi),
                required=False,
                validators=COUNT_VALIDATORS,
                max_digits=14,
                # Counts are whole: 2.5 customers is a typing slip.
                decimal_places=2 if kpi.definition.money else 0,
                error_messages=WHOLE_COUNT,
            )
            # A level (followers today) belongs to the business, not to one influencer.
            if len(choices) > 1 and kpi.cumulative:
                self.fields[f"influencer_{kpi.pk}"] = forms.TypedChoiceField(
                    label=_("Thanks to"),
                    choices=choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )

    def readings_fields(self):
        """[(KPI, value field, influencer field or None)], for the template."""
        return [
            (kpi, self[f"value_{kpi.pk}"], self[f"influencer_{kpi.pk}"])
            if f"influencer_{kpi.pk}" in self.fields
            else (kpi, self[f"value_{kpi.pk}"], None)
            for kpi in self.kpis
        ]

    def clean_date(self):
        return check_reading_date(self.campaign, self.cleaned_data["date"])

    def clean(self):
        cleaned = super().clean()
        has_value = any(cleaned.get(f"value_{kpi.pk}") is not None for kpi in self.kpis)
        if not has_value and not cleaned.get("note", "").strip() and not self.errors:
            raise forms.ValidationError(_("Type at least one number, or a note."))
        return cleaned

    def readings(self):
        return [
            Reading(
                kpi=kpi, value=value, influencer_id=self.cleaned_data.get(f"influencer_{kpi.pk}")
            )
            for kpi in self.kpis
            if (value := self.cleaned_data.get(f"value_{kpi.pk}")) is not None
        ]


class MeasurementForm(forms.ModelForm):
    influencer = forms.TypedChoiceField(
        label=gettext_lazy("Thanks to"), coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = Measurement
        fields = ["date", "value", "influencer", "note"]
        widgets = {"date": date_input()}

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["influencer"].choices = partner_choices(campaign)
        self.fields["value"].label = reading_label(self.instance.kpi)
        self.fields["value"].help_text = reading_help(self.instance.kpi)
        self.fields["value"].validators.append(MinValueValidator(0))
        if not self.instance.kpi.definition.money:
            # Counts are whole, as on the check-in form.
            self.fields["value"].decimal_places = 0
            self.fields["value"].validators.append(DecimalValidator(14, 0))
            self.fields["value"].error_messages.update(WHOLE_COUNT)
            self.fields["value"].widget.attrs["step"] = "1"
            value = self.instance.value
            if value is not None and value == value.to_integral_value():
                # Shown as it is typed ("4", not the stored "4.00"), so sent back unchanged
                # it passes the whole-number check.
                self.initial["value"] = value.to_integral_value()
        self.fields["value"].widget.attrs["min"] = "0"
        if self.instance.influencer_id:
            self.initial["influencer"] = self.instance.influencer_id

    def clean_date(self):
        return check_reading_date(self.campaign, self.cleaned_data["date"])

    def clean_influencer(self):
        influencer_id = self.cleaned_data["influencer"]
        if influencer_id is None:
            return None
        return self.campaign.partnerships.get(influencer_id=influencer_id).influencer


class CheckInNoteForm(forms.ModelForm):
    class Meta:
        model = CheckIn
        fields = ["date", "note"]
        widgets = {
            "date": date_input(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"note": gettext_lazy("What did we change, and why?")}

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_date(self):
        return check_reading_date(self.campaign, self.cleaned_data["date"])

    @transaction.atomic
    def save(self, commit=True):
        checkin = super().save()
        # A check-in's readings are of its day: they move with it.
        checkin.measurements.update(date=checkin.date)
        return checkin


class RedemptionForm(forms.ModelForm):
    """A promo code used in the shop, typed in by hand."""

    # It shares the check-in page with the check-in form: its own prefix keeps ids and names
    # apart (``id_promo-date``, not a second ``id_date``).
    prefix = "promo"

    class Meta:
        model = Redemption
        fields = ["partnership", "date", "order_ref", "revenue", "new_customer"]
        widgets = {"date": date_input()}
        labels = {"partnership": gettext_lazy("Whose code was used?")}
        help_texts = {
            "order_ref": gettext_lazy("Optional. With it, the same order is never counted twice."),
            "revenue": gettext_lazy("What the customer paid, after the discount."),
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        partnerships = campaign.partnerships.select_related("influencer")
        self.fields["partnership"].queryset = partnerships
        self.fields["partnership"].empty_label = _("Choose a code")
        self.fields["partnership"].label_from_instance = lambda p: (
            f"{p.promo_code} ({p.influencer.name})" if p.promo_code else p.influencer.name
        )
        self.fields["date"].initial = timezone.localdate()
        self.fields["revenue"].widget.attrs["min"] = "0"

    def clean_date(self):
        day = check_reading_date(self.campaign, self.cleaned_data["date"])
        start = self.campaign.start_date
        if not is_result_day(day=day, start=start):
            raise forms.ValidationError(
                _(
                    "The campaign started on %(start)s: a code used before then is not part "
                    "of its results."
                )
                % {"start": date_format(start, "j F Y")}
            )
        return day

    def clean_revenue(self):
        revenue = self.cleaned_data["revenue"]
        if revenue is not None and revenue < 0:
            raise forms.ValidationError(_("An order value cannot be below zero."))
        return revenue

    def clean_order_ref(self):
        return self.cleaned_data["order_ref"].strip()

    def clean(self):
        cleaned = super().clean()
        partnership, order_ref = cleaned.get("partnership"), cleaned.get("order_ref")
        if partnership and order_ref:
            taken = (
                Redemption.objects.filter(partnership=partnership, order_ref=order_ref)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if taken:
                self.add_error(
                    "order_ref",
                    _(
                        "Order %(order)s with code %(code)s is already recorded (on %(date)s), "
                        "so it is counted once. Check the number, or leave it empty."
                    )
                    % {
                        "order": order_ref,
                        "code": partnership.promo_code,
                        "date": date_format(taken.date, "j F Y"),
                    },
                )
        return cleaned


class TrackedLinkForm(forms.ModelForm):
    destination = forms.URLField(
        label=gettext_lazy("Where should the link go?"),
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=gettext_lazy("A page of your website or shop, e.g. https://yourshop.com/spring"),
        error_messages={
            "invalid": gettext_lazy(
                "Enter a web address starting with https:// or http://, e.g. "
                "https://yourshop.com/spring"
            )
        },
    )

    class Meta:
        model = TrackedLink
        fields = ["destination"]
