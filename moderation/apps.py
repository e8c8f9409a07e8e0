from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Moderation by policy field: a workflow task, its rules, rights and mails."""

    name = "moderation"
    verbose_name = _("Moderation nach Politikfeld")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from moderation import notifications, signals

        notifications.connect()
        signals.connect()
