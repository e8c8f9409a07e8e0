from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("PDF-Dokumente")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from documents import access, signals

        signals.connect()
        access.connect()
