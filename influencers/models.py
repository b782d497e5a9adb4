from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        ordering = ["name"]
        verbose_name = _("influencer")
        verbose_name_plural = _("influencers")

    def __str__(self):
        return self.name


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
