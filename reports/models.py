from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderKind


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")
    CANCELLED = "cancelled", _("No longer needed")


class Reminder(models.Model):
    """One reminder e-mail for one occasion (a check-in day, a post's due date, a week).

    The unique ``key`` makes the row the claim: a scheduler run twice, or two at once, finds
    the row already there and queues nothing new; a worker sends only a row it moved from
    pending to sending in one UPDATE, so two workers never send the same reminder.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    partnership = models.ForeignKey(
        "campaigns.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    occasion = models.DateField(_("for the day"))
    key = models.CharField(max_length=120, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occasion", "-id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="one_reminder_per_occasion")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occasion}"
