from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "kpis"
    verbose_name = _("KPIs and measurements")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts.deletion import lock_before_delete

        from .clicks import forget_saved_link, lock_links
        from .models import TrackedLink

        post_save.connect(forget_saved_link, sender=TrackedLink)
        post_delete.connect(forget_saved_link, sender=TrackedLink)
        lock_before_delete(lock_links)
