from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.bounds import COUNT_VALIDATORS, DATE_VALIDATORS, GOAL_VALIDATORS, MONEY_VALIDATORS
from accounts.labels import choice_label
from campaigns.models import PostKind
from influencers.models import Platform

from .catalogue import KPIKind, Source, definition
from .metrics import post_interactions


class CampaignKPI(models.Model):
    """A number the owner chose to watch for one campaign, with where it starts and should end."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="kpis"
    )
    kind = models.CharField(_("what to measure"), max_length=12, choices=KPIKind.choices)
    baseline = models.DecimalField(
        _("starting point"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("Where it stands before the campaign. Use 0 for things you count from now."),
        validators=COUNT_VALIDATORS,
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, validators=GOAL_VALIDATORS
    )
    source = models.CharField(
        _("where the numbers come from"),
        max_length=10,
        choices=Source.choices,
        default=Source.MANUAL,
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Raised by the database itself at every change to this KPI's readings (migration 0016;
    # what an older copy's save() writes back: see ``Campaign.readings_version``).
    readings_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("campaign KPI")
        verbose_name_plural = _("campaign KPIs")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "kind"], name="one_kpi_kind_per_campaign")
        ]

    def __str__(self):
        return self.get_kind_display()

    def get_kind_display(self):  # type: ignore[no-redef]  # Django keeps a class's own
        return choice_label(KPIKind, self.kind)

    @property
    def definition(self):
        return definition(self.kind)

    @property
    def cumulative(self):
        return self.definition.cumulative


class CheckIn(models.Model):
    """A dated progress check: the numbers read that day and what was changed, and why."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField(_("date"), default=timezone.localdate, validators=DATE_VALIDATORS)
    note = models.TextField(_("what did we change, and why?"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self):
        return f"{self.campaign} {self.date}"


class Measurement(models.Model):
    """One reading of a KPI. For cumulative kinds the value is what was added on that date;
    for snapshot kinds (followers) it is the level on that date."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kpi = models.ForeignKey(CampaignKPI, on_delete=models.CASCADE, related_name="measurements")
    checkin = models.ForeignKey(
        CheckIn, on_delete=models.SET_NULL, null=True, blank=True, related_name="measurements"
    )
    date = models.DateField(_("date"), validators=DATE_VALIDATORS)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, validators=COUNT_VALIDATORS
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    influencer = models.ForeignKey(
        "influencers.Influencer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["kpi", "date"])]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        return f"{self.kpi} {self.date}: {self.value}"


class TrackedLink(models.Model):
    """A short link of ours an influencer shares; each click is counted, then forwarded."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partnership = models.OneToOneField(
        "campaigns.Partnership", on_delete=models.CASCADE, related_name="tracked_link"
    )
    slug = models.SlugField(_("short name"), max_length=40, unique=True)
    destination = models.URLField(_("where it goes"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tracked link")
        verbose_name_plural = _("tracked links")

    def __str__(self):
        return self.slug

    @property
    def public_url(self):
        """The address the influencer shares: ours, so the click is counted."""
        return settings.SITE_URL + reverse("kpis:redirect", args=[self.slug])

    @classmethod
    def create_for(cls, partnership, destination):
        """A new link for a partnership, with a short slug made from the influencer's name."""
        stem = slugify(partnership.influencer.name)[:24].strip("-") or "link"
        while True:
            slug = f"{stem}-{get_random_string(5, allowed_chars='abcdefghjkmnpqrstuvwxyz23456789')}"
            if not cls.objects.filter(slug=slug).exists():
                return cls.objects.create(
                    owner=partnership.owner,
                    partnership=partnership,
                    slug=slug,
                    destination=destination,
                )


class Click(models.Model):
    """One request to a tracked link. No IP address is kept: only a salted daily hash."""

    # No index of its own: the one below starts with the link.
    link = models.ForeignKey(
        TrackedLink, on_delete=models.CASCADE, related_name="clicks", db_index=False
    )
    at = models.DateTimeField(default=timezone.now)
    # The site's local day of ``at``, kept so clicks per day are read from an index alone,
    # without converting a time zone per row. Filled in on save; set it when writing in bulk.
    day = models.DateField(editable=False)
    referrer_domain = models.CharField(max_length=255, blank=True)
    visitor_hash = models.CharField(max_length=64, blank=True)
    is_bot = models.BooleanField(default=False)

    class Meta:
        # One index only, as each is one more write for every click. Pages read the daily
        # counts, not clicks; this one finds a visitor's earlier click that day (so the counts
        # take each visitor once) and a link's clicks (to delete them with it).
        indexes = [models.Index(fields=["link", "day", "visitor_hash"])]

    def __str__(self):
        return f"{self.link} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.day is None:
            self.day = timezone.localdate(self.at)
        super().save(*args, **kwargs)


class ClickDay(models.Model):
    """The clicks on one tracked link on one local day, counted: pages read these few rows,
    never the clicks. The database keeps them exact itself (triggers on the click table, see
    migration ``click_day_triggers``), in the transaction that stores or deletes a click,
    whoever writes it: the redirect, a bulk load or a cascade."""

    link = models.ForeignKey(
        TrackedLink, on_delete=models.CASCADE, related_name="click_days", db_index=False
    )
    day = models.DateField()
    people = models.PositiveIntegerField(default=0)
    bots = models.PositiveIntegerField(default=0)
    # Different people that day: their visitor hashes, salted anew each day, counted once.
    visitors = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "day"], name="kpis_clickday_link_day"),
        ]

    def __str__(self):
        return f"{self.link} {self.day}: {self.people}"


class Redemption(models.Model):
    """A customer used a partnership's promo code. Imported orders keep their order number, so
    the same order is never counted twice."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(
        "campaigns.Partnership", on_delete=models.CASCADE, related_name="redemptions"
    )
    date = models.DateField(_("date"), validators=DATE_VALIDATORS)
    order_ref = models.CharField(_("order number"), max_length=60, blank=True)
    revenue = models.DecimalField(
        _("order value"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=MONEY_VALIDATORS,
    )
    new_customer = models.BooleanField(_("first-time customer"), default=False)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "order_ref"],
                condition=~models.Q(order_ref=""),
                name="one_redemption_per_order",
            )
        ]
        verbose_name = _("promo code use")
        verbose_name_plural = _("promo code uses")

    def __str__(self):
        return f"{self.partnership.promo_code} {self.date}"


class PostEnteredBy(models.TextChoices):
    OWNER = "owner", _("You")
    INFLUENCER = "influencer", _("The influencer")
    IMPORT = "import", _("A social insights file")


class Post(models.Model):
    """Something an influencer published for a campaign, with the numbers from its insights.

    The one place a post's reach and interactions live, whoever typed them (the owner, the
    influencer on their own page) or imported them (a social insights file): a post read again
    updates this row, so it is never counted twice.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(
        "campaigns.Partnership", on_delete=models.CASCADE, related_name="posts"
    )
    platform = models.CharField(_("platform"), max_length=12, choices=Platform.choices)
    kind = models.CharField(
        _("kind of post"), max_length=8, choices=PostKind.choices, default=PostKind.POST
    )
    url = models.URLField(_("link to the post"), max_length=500, blank=True)
    # The platform's own id of the post, as insights exports name it: how a re-import finds it.
    external_id = models.CharField(_("post id"), max_length=100, blank=True)
    posted_on = models.DateField(_("posted on"))
    views = models.PositiveIntegerField(_("views or reach"), null=True, blank=True)
    likes = models.PositiveIntegerField(_("likes"), null=True, blank=True)
    comments = models.PositiveIntegerField(_("comments"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("shares"), null=True, blank=True)
    saves = models.PositiveIntegerField(_("saves"), null=True, blank=True)
    entered_by = models.CharField(
        _("entered by"), max_length=10, choices=PostEnteredBy.choices, default=PostEnteredBy.OWNER
    )
    # False for what an influencer sent from their page until the owner has looked at it:
    # the dashboard's "new from your influencers" notice.
    seen_by_owner = models.BooleanField(_("checked by you"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["posted_on", "id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "url"],
                condition=~models.Q(url=""),
                name="one_post_per_link",
                violation_error_message=_("This post is already recorded."),
            ),
            models.UniqueConstraint(
                fields=["partnership", "platform", "external_id"],
                condition=~models.Q(external_id=""),
                name="one_post_per_platform_id",
                violation_error_message=_("A post with this id is already recorded."),
            ),
        ]

    def __str__(self):
        return f"{self.get_platform_display()} {self.posted_on}"

    @property
    def interactions(self):
        """Likes, comments and shares: the catalogue's engagement."""
        return post_interactions(likes=self.likes, comments=self.comments, shares=self.shares)


# Customers' voice: what people say about how they found the business. These rows are
# measurements of the campaign, like clicks and code uses, but told by customers.

SURVEY_SLUG_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# 14 characters of 31: about 2**69 addresses, far too many to find a survey by guessing.
SURVEY_SLUG_LENGTH = 14


class Survey(models.Model):
    """A campaign's one-question customer survey, public at an unguessable address."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.OneToOneField(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="survey"
    )
    slug = models.CharField(max_length=SURVEY_SLUG_LENGTH, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("customer survey")
        verbose_name_plural = _("customer surveys")

    def __str__(self):
        return self.slug

    @classmethod
    def for_campaign(cls, campaign):
        """The campaign's survey, made with a fresh random address the first time."""
        survey = cls.objects.filter(campaign=campaign).first()
        if survey is not None:
            return survey
        slug = get_random_string(SURVEY_SLUG_LENGTH, allowed_chars=SURVEY_SLUG_ALPHABET)
        survey, _created = cls.objects.get_or_create(
            campaign=campaign, defaults={"owner": campaign.owner, "slug": slug}
        )
        return survey


class HeardFrom(models.TextChoices):
    INFLUENCER = "influencer", _("An influencer (named)")
    FRIEND = "friend", _("A friend or family")
    WALKED_PAST = "walked_past", _("I walked past")
    SEARCH = "search", _("A search (Google, maps)")
    OTHER = "other", _("Something else")


class SurveyAnswer(models.Model):
    """One customer's answer. Anonymous: no name, no e-mail, no address; only the same daily
    salted visitor hash as clicks, to keep one answer per visitor and day."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    heard_from = models.CharField(_("heard from"), max_length=12, choices=HeardFrom.choices)
    partnership = models.ForeignKey(
        "campaigns.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_answers",
    )
    other = models.CharField(_("something else"), max_length=120, blank=True)
    reason = models.CharField(_("what made you come in"), max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    used_code = models.BooleanField(_("used a promo code"), default=False)
    # Over the campaign's daily cap: kept for the owner to read, left out of "likely".
    suspect = models.BooleanField(default=False)
    day = models.DateField()
    visitor_hash = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "day", "visitor_hash"], name="one_survey_answer_per_visitor_day"
            )
        ]

    def __str__(self):
        return f"{self.get_heard_from_display()} {self.day}"


class TillTap(models.Model):
    """One customer at the till who said they came because of an influencer (or of the
    campaign without naming one: no partnership)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="till_taps"
    )
    partnership = models.ForeignKey(
        "campaigns.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="till_taps",
    )
    # Made by the till page for each tap, so a tap sent again after a dropped connection
    # is stored once.
    tap_ref = models.CharField(max_length=40)
    at = models.DateTimeField(default=timezone.now)
    day = models.DateField()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("till tap")
        verbose_name_plural = _("till taps")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "tap_ref"], name="one_till_tap_per_ref")
        ]

    def __str__(self):
        return f"{self.campaign} {self.at:%Y-%m-%d %H:%M}"


class Tone(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class FeedbackSource(models.TextChoices):
    CUSTOMER = "customer", _("A customer")
    FOLLOWER = "follower", _("A follower's comment or message")
    INFLUENCER = "influencer", _("The influencer")


class Feedback(models.Model):
    """Something a customer, a follower or an influencer said, copied in by the owner."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="feedback"
    )
    partnership = models.ForeignKey(
        "campaigns.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("about which influencer"),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    source = models.CharField(
        _("who said it"),
        max_length=10,
        choices=FeedbackSource.choices,
        default=FeedbackSource.CUSTOMER,
    )
    tone = models.CharField(_("tone"), max_length=8, choices=Tone.choices)
    text = models.TextField(_("what they said"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.get_tone_display()} {self.date}"
