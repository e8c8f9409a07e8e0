from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerConfig(AppConfig):
    name = "worker"
    verbose_name = _("Hintergrundaufgaben")

    def ready(self) -> None:
        from celery.signals import worker_process_init

        from documents.rendering.limits import limit_address_space

        # Each pool child caps its own address space: one render cannot exhaust the host.
        worker_process_init.connect(limit_address_space, dispatch_uid="worker_render_memory")
