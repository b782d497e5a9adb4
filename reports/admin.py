from django.contrib import admin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Where a reminder that could not be sent shows, with its error, besides the log."""

    list_display = ("kind", "occasion", "owner", "status", "attempts", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("owner__email",)
    readonly_fields = [field.name for field in Reminder._meta.fields]
