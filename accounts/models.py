from django.conf import settings
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
    created_at = models.DateTimeField(auto_now_add=True)
    # Goes up with every request that may change the owner's data (accounts.middleware), so
    # pages cached from that data (the campaign dashboard) know when to draw themselves again.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("business")
        verbose_name_plural = _("businesses")

    def __str__(self):
        return self.name

    @property
    def currency_symbol(self):
        return CURRENCY_SYMBOLS.get(self.currency, self.currency + " ")
