"""From a change to delivered mails: fan out, send, retry, digest, sweep.

The database is the ledger, the broker only carries ids (as for render jobs):

1. ``announce(change_id)`` (task worker.notify_handout_change) summarises the change and
   writes one Notification per recipient; immediate ones each get a Mail, which is sent
   by name after commit. Unique rows make a repeated task harmless.
2. ``deliver(mail_id)`` (task worker.send_notification_mail) claims the mail with a
   conditional UPDATE, so two deliveries of the same id never both send it, and sends it
   over Django's mail backend. A mail server that fails leaves the mail pending with the
   error and the time of the next attempt; the task retries with backoff
   (:class:`MailDeferred`) and the sweeper picks up whatever the retries did not deliver.
3. ``collect_digests()`` (beat, weekly) puts every person's unsent weekly notifications
   into one Mail.
4. ``sweep()`` (beat) resends changes without recipients and mails that are due.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications import changes, messages, recipients
from notifications.models import Frequency, HandoutChange, Mail, Notification

logger = logging.getLogger(__name__)
ANNOUNCE_TASK = "worker.notify_handout_change"
SEND_TASK = "worker.send_notification_mail"
#: A mail claimed this long ago without a result: its worker died while sending.
SENDING_LEASE = timedelta(minutes=10)
MAX_BACKOFF_SECONDS = 3600


class MailDeferred(Exception):
    """The mail server refused or was unreachable; try again in ``retry_in`` seconds."""

    def __init__(self, mail_id: int, error: str, retry_in: int) -> None:
        super().__init__(f"Mail {mail_id}: {error}")
        self.retry_in = retry_in


def send_task(name: str, object_id: int) -> bool:
    """Hand an id to the broker. Never raises: the sweeper resends what was not sent."""
    try:
        current_app.send_task(name, args=[object_id], retry=False)
    except Exception as exc:
        logger.warning("%s(%s) not sent (%s); the sweeper resends it", name, object_id, exc)
        return False
    return True


def send_after_commit(name: str, object_id: int) -> None:
    transaction.on_commit(lambda: send_task(name, object_id))


# --- 1. fan out ---------------------------------------------------------------------


def announce(change_id: int) -> int:
    """Write the notifications of one change; returns how many recipients it has."""
    with transaction.atomic():
        change = (
            HandoutChange.objects.select_for_update(of=("self",))
            .select_related("pdf_version__revision")
            .filter(pk=change_id, recipients_at__isnull=True)
            .first()
        )
        if change is None:
            return 0
        page = change.page.specific
        changes.summarise(change)
        found = recipients.recipients(page) if page.live else []
        for recipient in found:
            notification, created = Notification.objects.get_or_create(
                change=change, user=recipient.user, defaults={"frequency": recipient.frequency}
            )
            if not created:
                continue
            notification.policy_fields.set(recipient.policy_field_ids)
            if recipient.frequency == Frequency.IMMEDIATE:
                mail = Mail.objects.create(user=recipient.user, kind=Mail.Kind.IMMEDIATE)
                Notification.objects.filter(pk=notification.pk).update(mail=mail)
                send_after_commit(SEND_TASK, mail.pk)
        changes.mark_fanned_out(change)
    return len(found)


# --- 2. send ------------------------------------------------------------------------


def backoff(attempts: int) -> int:
    """Seconds until the next attempt: NOTIFICATIONS_RETRY_SECONDS, doubling, at most 1 h."""
    base = settings.NOTIFICATIONS_RETRY_SECONDS
    return int(min(base * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def claim(mail_id: int) -> Mail | None:
    now = timezone.now()
    due = Q(status=Mail.Status.PENDING) | Q(
        status=Mail.Status.SENDING, claimed_at__lt=now - SENDING_LEASE
    )
    taken = Mail.objects.filter(due, pk=mail_id).update(status=Mail.Status.SENDING, claimed_at=now)
    return Mail.objects.select_related("user").get(pk=mail_id) if taken else None


def _wanted(mail: Mail) -> list[Notification]:
    """The mail's notifications the recipient may still read and still wants."""
    notifications = mail.notifications.select_related("change__page").prefetch_related(
        "policy_fields"
    )
    return [
        notification
        for notification in notifications.order_by("change__created_at", "pk")
        if recipients.still_wanted(
            mail.user,
            notification.change.page,
            [field.pk for field in notification.policy_fields.all()],
        )
    ]


def deliver(mail_id: int) -> str:
    """Send one mail. Returns sent, dropped, failed or skipped; raises MailDeferred."""
    mail = claim(mail_id)
    if mail is None:
        return "skipped"
    wanted = _wanted(mail)
    if not wanted:
        Mail.objects.filter(pk=mail.pk).update(status=Mail.Status.DROPPED)
        return "dropped"
    try:
        message = messages.build(mail.user, mail.kind, wanted)
        Mail.objects.filter(pk=mail.pk).update(
            address=mail.user.email, subject=message.subject[:255]
        )
        message.send()
    except Exception as exc:  # smtplib, socket and TLS errors alike; the error is kept
        return _defer(mail, exc)
    Mail.objects.filter(pk=mail.pk).update(status=Mail.Status.SENT, sent_at=timezone.now())
    return "sent"


def _defer(mail: Mail, exc: Exception) -> str:
    attempts = mail.attempts + 1
    error = f"{type(exc).__name__}: {exc}"[:2000]
    if attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        logger.error("Notification mail %s given up (%s attempts): %s", mail.pk, attempts, error)
        Mail.objects.filter(pk=mail.pk).update(
            status=Mail.Status.FAILED, attempts=attempts, last_error=error, next_attempt_at=None
        )
        return "failed"
    retry_in = backoff(attempts)
    Mail.objects.filter(pk=mail.pk).update(
        status=Mail.Status.PENDING,
        attempts=attempts,
        last_error=error,
        next_attempt_at=timezone.now() + timedelta(seconds=retry_in),
    )
    logger.warning("Notification mail %s deferred %ss: %s", mail.pk, retry_in, error)
    raise MailDeferred(mail.pk, error, retry_in)


# --- 3. weekly digest ------------------------------------------------------------------


def collect_digests() -> int:
    """One digest Mail per person with unsent weekly notifications; returns how many."""
    open_items = Notification.objects.filter(frequency=Frequency.WEEKLY, mail__isnull=True)
    made = 0
    for user_id in open_items.values_list("user", flat=True).distinct().order_by("user"):
        with transaction.atomic():
            items = list(open_items.filter(user_id=user_id).select_for_update(skip_locked=True))
            if not items:
                continue
            mail = Mail.objects.create(user_id=user_id, kind=Mail.Kind.DIGEST)
            Notification.objects.filter(pk__in=[item.pk for item in items]).update(mail=mail)
            send_after_commit(SEND_TASK, mail.pk)
            made += 1
    return made


# --- 4. sweep ------------------------------------------------------------------------


def sweep() -> int:
    """Resend what a lost message or a dead worker left behind; returns how many ids."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.NOTIFICATIONS_SWEEP_SECONDS)
    sent = 0
    waiting = HandoutChange.objects.filter(recipients_at__isnull=True, created_at__lt=stale)
    for change_id in waiting.values_list("pk", flat=True)[:500]:
        sent += send_task(ANNOUNCE_TASK, change_id)
    due = (
        Q(status=Mail.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Mail.Status.PENDING, next_attempt_at__isnull=True, created_at__lt=stale)
        | Q(status=Mail.Status.SENDING, claimed_at__lt=now - SENDING_LEASE)
    )
    for mail_id in Mail.objects.filter(due).values_list("pk", flat=True)[:500]:
        sent += send_task(SEND_TASK, mail_id)
    return sent
