from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content only: no models, no URLs; used by ``make run``, tests and benchmarks."""

    name = "demo"
    verbose_name = _("Demo-Inhalte")
    default_auto_field = "django.db.models.BigAutoField"
