from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns and plans")

    def ready(self):
        from . import signals  # noqa: F401 - connects the roster status receivers
