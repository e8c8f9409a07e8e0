from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konten und Rollen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts import entry_notifications, memberships

        memberships.connect()
        entry_notifications.connect()
