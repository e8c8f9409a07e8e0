"""Celery tasks of the change notifications: ids in, notifications.delivery does the work.

notifications sends these by name (``notifications.delivery.ANNOUNCE_TASK``,
``SEND_TASK``); beat runs the digest and the sweeper (worker/schedule.py).
"""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from notifications import delivery

DB_ERRORS = (OperationalError, InterfaceError)


@shared_task(
    name="worker.notify_handout_change",
    autoretry_for=DB_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=5,
    soft_time_limit=120,
    time_limit=150,
)
def notify_handout_change(change_id: int) -> int:
    """Summarise one handout change and write its notifications; repeats change nothing."""
    return delivery.announce(change_id)


@shared_task(
    name="worker.send_notification_mail",
    bind=True,
    autoretry_for=DB_ERRORS,
    retry_backoff=5,
    max_retries=settings.NOTIFICATIONS_TASK_RETRIES,
    soft_time_limit=60,
    time_limit=90,
)
def send_notification_mail(self, mail_id: int) -> str:
    """Send one mail; a failing mail server retries with backoff, then the sweeper takes it."""
    try:
        return delivery.deliver(mail_id)
    except delivery.MailDeferred as exc:
        if self.request.retries >= self.max_retries:
            return "deferred"  # still pending in the ledger: the sweeper resends it when due
        raise self.retry(exc=exc, countdown=exc.retry_in) from exc


@shared_task(name="worker.send_weekly_digests", ignore_result=True, time_limit=600)
def send_weekly_digests() -> int:
    """Run by beat once a week: one digest mail per person with weekly notifications."""
    return delivery.collect_digests()


@shared_task(name="worker.sweep_notifications", ignore_result=True, time_limit=120)
def sweep_notifications() -> int:
    """Run by beat: resend announcements and mails a lost message or a dead worker left."""
    return delivery.sweep()
