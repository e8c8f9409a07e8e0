"""Celery application: configured from Django settings (``CELERY_*``).

Workers log through Django's LOGGING instead of Celery's own handlers, so one
configuration decides format and level for web and worker processes alike.
"""

from celery import Celery
from celery.signals import setup_logging

from cms.bootstrap import configure

configure()

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["worker"])


@setup_logging.connect
def _use_django_logging(**kwargs) -> None:
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
