import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    GBP = "GBP", _("Pound sterling (£)")
    EUR = "EUR", _("Euro (€)")
    USD = "USD", _("US dollar ($)")
    CAD = "CAD", _("Canadian dollar (CA$)")
    AUD = "AUD", _("Australian dollar (A$)")
    NZD = "NZD", _("New Zealand dollar (NZ$)")
    CHF = "CHF", _("Swiss franc (CHF)")
    SEK = "SEK", _("Swedish krona (kr)")


CURRENCY_SYMBOLS = {
    "GBP": "£",
    "EUR": "€",
    "USD": "$",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "CHF": "CHF ",
    "SEK": "kr ",
}

# What money is shown in for an owner who has not saved their business details yet (an
# account made with createsuperuser): the currency a new business starts with.
DEFAULT_CURRENCY = "GBP"


class ReminderKind(models.TextChoices):
    """The reminder e-mails an owner can get; each is built by its own module in
    ``reports.reminders``, which sits above the apps it reads."""

    CHECKIN_DAY = "checkin_day", _("Check-in day: your numbers so far and the check-in form")
    CHECKIN_OVERDUE = "checkin_overdue", _("A check-in was missed")
    POST_DUE = "post_due", _("An influencer's post is due or late, with a message to forward")
    LAST_WEEK = "last_week", _("A campaign's last week")
    CAMPAIGN_END = "campaign_end", _("A campaign's end, with its report")
    WEEKLY_SUMMARY = "weekly_summary", _("A short summary every Monday")


def default_time_zone():
    return settings.TIME_ZONE


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Pick a time zone from the list, e.g. Europe/London."))


class Business(models.Model):
    """The small business an owner runs. One per user account."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="business"
    )
    name = models.CharField(_("business name"), max_length=120)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.GBP
    )
    what_you_offer = models.CharField(
        _("what you sell"),
        max_length=200,
        blank=True,
        help_text=_(
            "In a few words, e.g. 'sourdough bread and pastries'. Used in outreach messages."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Where the business is: it decides which day reminders count as today."),
    )
    # Opt-out, so a new owner gets every reminder until they turn some off (here or with the
    # one-click unsubscribe link in each e-mail). Values of ReminderKind.
    reminders_off = models.JSONField(_("reminders turned off"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Goes up with every request that may change the owner's data (accounts.middleware), so
    # pages cached from that data (the campaign dashboard) know when to draw themselves again.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("business")
        verbose_name_plural = _("businesses")

    def __str__(self):
        return self.name

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def wants(self, kind):
        return kind not in self.reminders_off


def business_of(user):
    """The owner's Business, or None: an account made outside the sign-up page has none
    until its details are saved, and a visitor never has one."""
    return getattr(user, "business", None)


def currency_of(user):
    """The currency the owner's money is shown in."""
    business = business_of(user)
    return business.currency if business else DEFAULT_CURRENCY
