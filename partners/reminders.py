"""Reminders to keep the directory current: partners whose entry is older than
``PARTNERS_CONFIRM_AFTER_DAYS`` get a mail to each member, asking to check it at
/konto/eintrag/.

A partner is reminded once, then again every ``PARTNERS_REMIND_EVERY_DAYS`` at most, and
only when it has members with an e-mail address; the ones without members are listed on
the coordinators' dashboard instead (:func:`overdue_partners`). A round is recorded only
after its mails went out, so a mail server that is down means the next run tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partners.models import EntryReminder, Partner

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentReminder:
    partner: Partner
    recipients: list[str]


def overdue_partners(now: datetime | None = None) -> QuerySet[Partner]:
    """Live partners whose last approved change or confirmation is older than the limit."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PARTNERS_CONFIRM_AFTER_DAYS)
    annotated = Partner.objects.live().with_current_as_of()
    return annotated.filter(Q(entry_as_of__lt=cutoff) | Q(entry_as_of__isnull=True))


def member_addresses(partner: Partner) -> list[str]:
    """E-mail addresses of the partner's active members, each once."""
    users = (
        get_user_model()
        .objects.filter(partner_memberships__partner=partner, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def due_for_reminder(now: datetime | None = None) -> QuerySet[Partner]:
    """Overdue partners with members that were not reminded within the last interval."""
    now = now or timezone.now()
    recently = now - timedelta(days=settings.PARTNERS_REMIND_EVERY_DAYS)
    return (
        overdue_partners(now)
        .filter(staff_memberships__user__is_active=True)
        .exclude(reminders__sent_at__gte=recently)
        .distinct()
        .order_by("name")
    )


def reminder_message(partner: Partner, address: str) -> EmailMessage:
    context = {
        "partner": partner,
        "as_of": partner.current_as_of,
        "entry_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("konto:entry"),
        "days": settings.PARTNERS_CONFIRM_AFTER_DAYS,
    }
    subject = render_to_string("partners/mail/reminder_subject.txt", context).strip()
    body = render_to_string("partners/mail/reminder.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


def send_reminders(now: datetime | None = None) -> list[SentReminder]:
    """Send the due reminders; returns what was sent. One partner's failure stops none."""
    now = now or timezone.now()
    sent = []
    for partner in due_for_reminder(now):
        addresses = member_addresses(partner)
        if not addresses:
            continue
        try:
            with get_connection() as connection:
                connection.send_messages([reminder_message(partner, a) for a in addresses])
        except OSError:
            logger.exception("Reminder for %s not sent; the next run tries again", partner)
            continue
        EntryReminder.objects.create(partner=partner, sent_at=now, recipients="\n".join(addresses))
        sent.append(SentReminder(partner, addresses))
    return sent
