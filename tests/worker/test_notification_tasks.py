"""The notification tasks: registered under the names notifications sends, run by beat."""

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.db import OperationalError

from cms.celery import app
from notifications import delivery
from notifications.models import Mail
from tests.factories import UserFactory
from worker import tasks_notifications


def test_the_names_notifications_sends_are_registered():
    assert tasks_notifications.notify_handout_change.name == delivery.ANNOUNCE_TASK
    assert tasks_notifications.send_notification_mail.name == delivery.SEND_TASK
    assert {delivery.ANNOUNCE_TASK, delivery.SEND_TASK} <= set(app.tasks)
    assert OperationalError in tasks_notifications.send_notification_mail.autoretry_for
    assert tasks_notifications.send_notification_mail.max_retries == (
        settings.NOTIFICATIONS_TASK_RETRIES
    )
    assert tasks_notifications.send_notification_mail.time_limit


def test_beat_sweeps_and_sends_the_weekly_digest():
    sweep = app.conf.beat_schedule["sweep-notifications"]
    assert sweep["task"] == tasks_notifications.sweep_notifications.name
    assert sweep["schedule"] == settings.NOTIFICATIONS_SWEEP_SECONDS
    digest = app.conf.beat_schedule["weekly-notification-digest"]
    assert digest["task"] == tasks_notifications.send_weekly_digests.name
    assert digest["schedule"] == crontab(
        minute=0,
        hour=settings.NOTIFICATIONS_DIGEST_HOUR,
        day_of_week=settings.NOTIFICATIONS_DIGEST_WEEKDAY,
    )


@pytest.mark.django_db
def test_the_send_task_delivers_through_the_service():
    mail = Mail.objects.create(user=UserFactory(), kind=Mail.Kind.IMMEDIATE)
    assert tasks_notifications.send_notification_mail.run(mail.pk) == "dropped"
    assert tasks_notifications.send_notification_mail.run(mail.pk) == "skipped"
