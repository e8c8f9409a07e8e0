"""Celery application: configured from Django settings (``CELERY_*``).

Settings carry the knobs; what runs when is worker's beat schedule
(``worker/schedule.py``), merged here once the app has read its configuration.

Workers log through Django's LOGGING instead of Celery's own handlers, so one
configuration decides format and level for web and worker processes alike.
"""

from celery import Celery
from celery.signals import setup_logging

from cms.bootstrap import configure
from worker.schedule import beat_schedule

configure()

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["worker"])
app.autodiscover_tasks(["worker"], related_name="tasks_notifications")


@app.on_after_configure.connect
def _add_beat_schedule(sender: Celery, **kwargs) -> None:
    sender.conf.beat_schedule = {**sender.conf.beat_schedule, **beat_schedule()}


@setup_logging.connect
def _use_django_logging(**kwargs) -> None:
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
