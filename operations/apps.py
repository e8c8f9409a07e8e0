from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What an operator reads: Prometheus metrics and the liveness of beat and workers."""

    name = "operations"
    verbose_name = "Betrieb"
