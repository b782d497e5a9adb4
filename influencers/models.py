from django.conf import settings
from django.db import models
from django.db.models import Case, F, FloatField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts.labels import choice_label

from .metrics import profile_engagement, profile_warnings, size_tier


class OutreachStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Found, not contacted yet")
    CONTACTED = "contacted", _("Contacted")
    NEGOTIATING = "negotiating", _("Talking about a deal")
    AGREED = "agreed", _("Deal agreed")
    ACTIVE = "active", _("Posting now")
    COMPLETED = "completed", _("Finished")
    DECLINED = "declined", _("Said no")
    GIFTED_NOT_POSTED = "gifted_not_posted", _("Gifted, not posted yet")


class Platform(models.TextChoices):
    INSTAGRAM = "instagram", _("Instagram")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X (Twitter)")
    OTHER = "other", _("Other")


def main_profiles() -> "models.QuerySet[Profile]":
    """Profiles of the influencer in the outer query, main one first: most followers (unknown
    last), then the oldest. ``Influencer.main_profile`` picks the same one in Python."""
    return Profile.objects.filter(influencer=OuterRef("pk")).order_by(
        F("followers").desc(nulls_last=True), "pk"
    )


class InfluencerQuerySet(models.QuerySet):
    def with_roster_numbers(self):
        """Adds ``main_followers`` and ``main_rate`` (the main profile's engagement rate, the
        same formula as ``metrics.profile_engagement``) so the roster can sort by them."""
        audience = Case(When(avg_reach__gt=0, then=F("avg_reach")), default=F("followers"))
        interactions = (
            Coalesce("avg_likes", 0) + Coalesce("avg_comments", 0) + Coalesce("avg_shares", 0)
        )
        rated = main_profiles().annotate(
            audience=audience,
            rate=Case(
                When(
                    Q(avg_likes__isnull=True, avg_comments__isnull=True, avg_shares__isnull=True)
                    | Q(audience__isnull=True)
                    | Q(audience=0),
                    then=Value(None),
                ),
                default=Cast(interactions, FloatField()) * 100 / Cast("audience", FloatField()),
                output_field=FloatField(),
            ),
        )
        return self.annotate(
            main_followers=Subquery(main_profiles().values("followers")[:1]),
            main_rate=Subquery(rated.values("rate")[:1]),
        )


class Influencer(models.Model):
    """A person in the owner's roster, whatever platforms they post on."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="influencers"
    )
    name = models.CharField(_("name"), max_length=120)
    niche = models.CharField(
        _("niche"), max_length=80, blank=True, help_text=_("What they post about, e.g. 'food'.")
    )
    location = models.CharField(_("location"), max_length=120, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("outreach status"),
        max_length=20,
        choices=OutreachStatus.choices,
        default=OutreachStatus.IDENTIFIED,
    )
    status_changed_at = models.DateTimeField(_("status last changed"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InfluencerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("influencer")
        verbose_name_plural = _("influencers")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Whoever changes the status (a form, the importer, the admin), its date follows.
        saved_status = getattr(self, "_saved_status", None)
        if self.pk and saved_status is not None and saved_status != self.status:
            self.status_changed_at = timezone.now()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "status_changed_at"}
        super().save(*args, **kwargs)
        self._saved_status = self.status

    def get_absolute_url(self):
        return reverse("influencers:detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_status = instance.__dict__.get("status")
        return instance

    @property
    def main_profile(self):
        """The profile with the most followers: the one the roster shows. Uses prefetched
        profiles when there are any."""
        profiles = sorted(
            self.profiles.all(), key=lambda p: (p.followers is None, -(p.followers or 0), p.pk)
        )
        return profiles[0] if profiles else None


class Profile(models.Model):
    """One platform account of an influencer, with the numbers used to vet them."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    influencer = models.ForeignKey(Influencer, on_delete=models.CASCADE, related_name="profiles")
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(_("handle"), max_length=100, help_text=_("Without the @."))
    url = models.URLField(_("profile link"), blank=True)
    followers = models.PositiveIntegerField(_("followers"), null=True, blank=True)
    following = models.PositiveIntegerField(_("following"), null=True, blank=True)
    avg_likes = models.PositiveIntegerField(_("average likes per post"), null=True, blank=True)
    avg_comments = models.PositiveIntegerField(
        _("average comments per post"), null=True, blank=True
    )
    avg_shares = models.PositiveIntegerField(_("average shares per post"), null=True, blank=True)
    avg_reach = models.PositiveIntegerField(
        _("average reach per post"),
        null=True,
        blank=True,
        help_text=_("How many people see a typical post, if they share it with you."),
    )

    class Meta:
        ordering = ["platform", "handle"]
        verbose_name = _("platform profile")
        verbose_name_plural = _("platform profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "platform", "handle"], name="unique_profile_per_owner"
            )
        ]

    def __str__(self):
        return f"@{self.handle} ({self.get_platform_display()})"

    def get_platform_display(self):  # type: ignore[no-redef]  # Django keeps a class's own
        return choice_label(Platform, self.platform)

    @cached_property
    def engagement(self):
        return profile_engagement(self)

    @property
    def tier(self):
        return size_tier(self.followers)

    @cached_property
    def warnings(self):
        return profile_warnings(self)
