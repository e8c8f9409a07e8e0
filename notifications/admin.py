"""The notification ledger in the admin (security.ledgers' read-only rule).

"Benachrichtigungen": every e-mail with its recipient, status, attempts and last error,
and every announced handout change. Registered in wagtail_hooks.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdminGroup

from notifications.models import HandoutChange, Mail
from security.ledgers import LedgerAdmin, local_datetime


class MailAdmin(LedgerAdmin):
    model = Mail
    menu_label = _("E-Mails")
    menu_icon = "mail"
    list_display = ("created", "user", "kind", "status", "attempts", "sent", "subject")
    list_select_related = ("user",)
    list_filter = ("status", "kind", "created_at")
    search_fields = ("user__username", "address", "subject", "last_error")
    inspect_view_fields = [
        "user",
        "address",
        "kind",
        "status",
        "subject",
        "handouts",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "sent_at",
    ]
    back_label = _("Zurück zu den E-Mails")

    def heading(self, obj: Mail) -> str:
        return _("E-Mail %(number)s an %(user)s – %(status)s") % {
            "number": obj.pk,
            "user": obj.user,
            "status": obj.get_status_display(),
        }

    def created(self, obj: Mail) -> str:
        return local_datetime(obj.created_at)

    created.short_description = _("angelegt")
    created.admin_order_field = "created_at"

    def sent(self, obj: Mail) -> str:
        return local_datetime(obj.sent_at)

    sent.short_description = _("gesendet")
    sent.admin_order_field = "sent_at"

    def handouts(self, obj: Mail) -> str:
        items = obj.notifications.select_related("change__page")
        return "; ".join(f"{n.change.page.title} (v{n.change.version})" for n in items) or "–"

    handouts.short_description = _("Handlungsanleitungen")


class HandoutChangeAdmin(LedgerAdmin):
    model = HandoutChange
    menu_label = _("Änderungen")
    menu_icon = "doc-full"
    list_display = ("page", "version", "created", "announced", "cause")
    list_select_related = ("page",)
    list_filter = ("created_at",)
    search_fields = ("page__title", "cause", "summary")
    inspect_view_fields = [
        "page",
        "version",
        "cause",
        "summary",
        "created_at",
        "recipients_at",
    ]
    back_label = _("Zurück zu den Änderungen")

    def heading(self, obj: HandoutChange) -> str:
        return _("Version %(version)s von „%(page)s“") % {
            "version": obj.version,
            "page": obj.page.title,
        }

    def created(self, obj: HandoutChange) -> str:
        return local_datetime(obj.created_at)

    created.short_description = _("erkannt")
    created.admin_order_field = "created_at"

    def announced(self, obj: HandoutChange) -> str:
        return local_datetime(obj.recipients_at)

    announced.short_description = _("Empfänger bestimmt")


class NotificationsAdminGroup(ModelAdminGroup):
    menu_label = _("Benachrichtigungen")
    menu_icon = "mail"
    menu_order = 460
    items = (MailAdmin, HandoutChangeAdmin)
