"""How current an entry is: confirmations without change, and the reminders that ask for them.

An entry's date ("Stand") is the later of its last approved change (Wagtail's
``last_published_at``) and its last confirmation. Confirmations are rows of their own,
not fields of the partner, so confirming never touches the entry's revisions and a
pending change published later cannot carry an older date back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EntryConfirmation(models.Model):
    """A member confirmed "Eintrag ist aktuell" without changing anything."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Netzwerkpartner"),
        on_delete=models.CASCADE,
        related_name="confirmations",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestätigt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("bestätigt am"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Bestätigung des Eintrags")
        verbose_name_plural = _("Bestätigungen der Einträge")
        ordering = ["-confirmed_at"]

    def __str__(self) -> str:
        return f"{self.partner} – {timezone.localtime(self.confirmed_at):%d.%m.%Y}"


class EntryReminder(models.Model):
    """One reminder mail round to the members of a partner whose entry is overdue."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Netzwerkpartner"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    sent_at = models.DateTimeField(_("gesendet am"), default=timezone.now, db_index=True)
    recipients = models.TextField(_("Empfänger"), help_text=_("Eine Adresse je Zeile."))

    class Meta:
        verbose_name = _("Erinnerung an einen Eintrag")
        verbose_name_plural = _("Erinnerungen an Einträge")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.partner} – {timezone.localtime(self.sent_at):%d.%m.%Y}"


#: The annotation :func:`with_current_as_of` adds; ``Partner.current_as_of`` reads it.
ENTRY_AS_OF = "entry_as_of"


def with_current_as_of(queryset: QuerySet) -> QuerySet:
    """Partners annotated with their "Stand": last approved change or confirmation.

    A subquery, not an aggregate, so the directory's joins and filters stay as they are.
    SQLite's GREATEST returns NULL when one side is NULL, hence the fallbacks.
    """
    confirmed = Subquery(
        EntryConfirmation.objects.filter(partner_id=OuterRef("pk"))
        .order_by("-confirmed_at")
        .values("confirmed_at")[:1]
    )
    latest = Greatest(
        Coalesce("last_published_at", confirmed), Coalesce(confirmed, "last_published_at")
    )
    return queryset.annotate(**{ENTRY_AS_OF: latest})
