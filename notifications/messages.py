"""The e-mails: one per changed handout, or one weekly digest; German, text and HTML.

Each carries a one-click unsubscribe link for the policy fields it was sent for, in
the body and as RFC 8058 headers (List-Unsubscribe, List-Unsubscribe-Post), so mail
clients offer their own "Abbestellen" button.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from notifications.models import Notification
from notifications.tokens import absolute, unsubscribe_url
from partners.models import PolicyField


@dataclass
class Item:
    """One changed handout as a mail shows it."""

    title: str
    version: int
    cause: str
    summary: str
    summary_html: str
    versions_url: str
    pdf_url: str


def item_for(notification: Notification) -> Item:
    change = notification.change
    return Item(
        title=change.page.title,
        version=change.version,
        cause=change.cause,
        summary=change.summary,
        summary_html=change.summary_html,
        versions_url=absolute(reverse("konto:handout_versions", args=[change.page_id])),
        pdf_url=absolute(reverse("documents:pdf_version", args=[change.page_id, change.version])),
    )


def subject_for(kind: str, items: list[Item]) -> str:
    if kind == "digest":
        return _("Wochenübersicht: %(count)s geänderte Handlungsanleitung(en)") % {
            "count": len(items)
        }
    item = items[0]
    return _("Geänderte Handlungsanleitung: %(title)s (Version %(version)s)") % {
        "title": item.title,
        "version": item.version,
    }


def build(user, kind: str, notifications: list[Notification]) -> EmailMultiAlternatives:
    """The message for ``user``; ``kind`` is Mail.Kind (immediate or digest)."""
    field_ids = sorted(
        {field.pk for notification in notifications for field in notification.policy_fields.all()}
    )
    items = [item_for(notification) for notification in notifications]
    unsubscribe = unsubscribe_url(user.pk, field_ids)
    context = {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "items": items,
        "digest": kind == "digest",
        "fields": list(PolicyField.objects.filter(pk__in=field_ids).order_by("sort_order")),
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("konto:notifications")),
    }
    with override("de"):
        message = EmailMultiAlternatives(
            subject=subject_for(kind, items),
            body=render_to_string("notifications/mail.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        html = render_to_string("notifications/mail.html", context)
        message.attach_alternative(html, "text/html")
    return message
