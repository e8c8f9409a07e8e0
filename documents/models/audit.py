"""Who downloaded which restricted PDF version, and when (issue: audit of partner downloads)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DownloadAuditEntry(models.Model):
    """Written by the download view for every restricted version it serves.

    Names are copied at write time, so an entry stays readable when the user,
    the page or the partner is deleted later. Entries older than
    ``DOCUMENTS_AUDIT_RETENTION_DAYS`` are deleted by a beat task.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("Benutzername"), max_length=150)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Netzwerkpartner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField(_("Titel"), max_length=255)
    pdf_version = models.ForeignKey(
        "documents.PdfVersion",
        verbose_name=_("PDF-Version"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("Version"))
    downloaded_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP-Adresse"), null=True, blank=True)

    class Meta:
        verbose_name = _("Download-Protokolleintrag")
        verbose_name_plural = _("Download-Protokoll")
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.username}: {self.page_title} v{self.version}"
