"""Who wants to hear about changed handouts, and the ledger of what was announced and sent.

* :class:`NotificationPreference`: one person's choice for one policy field. Without a
  row, partner staff whose organisation works in the field get mails at once ("sofort"),
  everyone else none (notifications.recipients).
* :class:`HandoutChange`: one row per stored PDF version whose text changed; the unique
  link to the version is what makes every publish announce itself exactly once, however
  often a render or a task is repeated.
* :class:`Notification`: one change for one recipient, at once or for the weekly digest.
* :class:`Mail`: one e-mail to one person (an immediate announcement or a digest) with
  its delivery status and the last error; a mail server that is down leaves it pending
  for the next attempt (notifications.delivery).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("sofort")
    WEEKLY = "weekly", _("wöchentliche Übersicht")
    NONE = "none", _("keine")


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    policy_field = models.ForeignKey(
        "partners.PolicyField",
        verbose_name=_("Politikfeld"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    frequency = models.CharField(_("Benachrichtigung"), max_length=20, choices=Frequency.choices)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Benachrichtigungswunsch")
        verbose_name_plural = _("Benachrichtigungswünsche")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "policy_field"], name="unique_notification_preference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.policy_field}: {self.get_frequency_display()}"


class HandoutChange(models.Model):
    """A new PDF version of a handout with changed text, to be announced once."""

    pdf_version = models.OneToOneField(
        "documents.PdfVersion",
        verbose_name=_("PDF-Version"),
        on_delete=models.CASCADE,
        related_name="notification_change",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Handlungsanleitung"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("Version"))
    created_at = models.DateTimeField(_("erkannt"), auto_now_add=True, db_index=True)
    recipients_at = models.DateTimeField(
        _("Empfänger bestimmt"),
        null=True,
        blank=True,
        help_text=_("Leer, solange die Empfänger noch nicht bestimmt sind."),
    )
    cause = models.CharField(_("Anlass"), max_length=300, blank=True)
    summary = models.TextField(_("Was hat sich geändert?"), blank=True)
    summary_html = models.TextField(_("Was hat sich geändert? (HTML)"), blank=True)

    class Meta:
        verbose_name = _("Geänderte Handlungsanleitung")
        verbose_name_plural = _("Geänderte Handlungsanleitungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.version}"


class Mail(models.Model):
    """One e-mail to one person; the ledger row of its delivery."""

    class Kind(models.TextChoices):
        IMMEDIATE = "immediate", _("sofort")
        DIGEST = "digest", _("wöchentliche Übersicht")

    class Status(models.TextChoices):
        PENDING = "pending", _("wartend")
        SENDING = "sending", _("wird gesendet")
        SENT = "sent", _("gesendet")
        FAILED = "failed", _("aufgegeben")
        DROPPED = "dropped", _("entfallen")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Empfänger"),
        on_delete=models.CASCADE,
        related_name="notification_mails",
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    address = models.EmailField(_("Adresse"), blank=True)
    subject = models.CharField(_("Betreff"), max_length=255, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(_("zuletzt begonnen"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gesendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Benachrichtigung (E-Mail)")
        verbose_name_plural = _("Benachrichtigungen (E-Mails)")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.user} ({self.get_status_display()})"


class Notification(models.Model):
    """One change for one recipient; ``mail`` is the e-mail that carries it."""

    change = models.ForeignKey(
        HandoutChange,
        verbose_name=_("Änderung"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Empfänger"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    frequency = models.CharField(_("Benachrichtigung"), max_length=20, choices=Frequency.choices)
    policy_fields = models.ManyToManyField(
        "partners.PolicyField",
        verbose_name=_("über die Politikfelder"),
        related_name="+",
        blank=True,
    )
    mail = models.ForeignKey(
        Mail,
        verbose_name=_("E-Mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Benachrichtigungseintrag")
        verbose_name_plural = _("Benachrichtigungseinträge")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["change", "user"], name="unique_notification")
        ]

    def __str__(self) -> str:
        return f"{self.change} → {self.user}"
