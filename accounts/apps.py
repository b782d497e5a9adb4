from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and businesses")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .login_log import forget_old_entries

        # No address is kept longer than it can help stop a break-in: tidied at every login.
        user_logged_in.connect(
            lambda **kwargs: forget_old_entries(),
            dispatch_uid="forget_old_login_entries",
            weak=False,
        )
