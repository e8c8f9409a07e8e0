"""The render ledger: the database, not the broker, knows what must be rendered.

RenderJob records every request to render a page (publish, snippet change,
editor's "Neu erzeugen"), and for a snippet change which entry changed (``cause_*``,
read by the change notifications); PdfVersion records every PDF that was stored. A
running job carries a lease: ``heartbeat_at`` is renewed while its worker
renders, so a job whose worker died is taken over as soon as the lease expires.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("wartend")
        RUNNING = "running", _("in Arbeit")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")
        SUPERSEDED = "superseded", _("überholt")

    class Reason(models.TextChoices):
        PUBLISH = "publish", _("Veröffentlichung")
        DEPENDENCY = "dependency", _("geänderter Partner oder Anlaufstelle")
        MANUAL = "manual", _("manuell angestoßen")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="render_jobs",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(
        _("Anlass"), max_length=20, choices=Reason.choices, default=Reason.PUBLISH
    )
    cause_model = models.CharField(
        _("Auslöser (Modell)"),
        max_length=100,
        blank=True,
        help_text=_("Bei einer Abhängigkeit: das Modell des geänderten Eintrags"),
    )
    cause_object_id = models.CharField(_("Auslöser (Nr.)"), max_length=40, blank=True)
    cause_name = models.CharField(
        _("Auslöser"),
        max_length=255,
        blank=True,
        help_text=_("Name des geänderten Eintrags zum Zeitpunkt der Änderung"),
    )
    force = models.BooleanField(
        _("erzwingen"), default=False, help_text=_("Auch bei unverändertem Inhalt neu erzeugen")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    content_hash = models.CharField(_("Inhalts-Hash"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    error = models.TextField(_("Fehler"), blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(_("zuletzt gesendet"), null=True, blank=True)
    started_at = models.DateTimeField(_("begonnen"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        _("letztes Lebenszeichen"),
        null=True,
        blank=True,
        help_text=_("Der rendernde Worker erneuert es laufend; bleibt es aus, ist er ausgefallen."),
    )
    finished_at = models.DateTimeField(_("beendet"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("Dauer (ms)"), null=True, blank=True)
    pdf_version = models.ForeignKey(
        "documents.PdfVersion",
        verbose_name=_("erzeugte Version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Render-Auftrag")
        verbose_name_plural = _("Render-Aufträge")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.page_id} ({self.get_status_display()})"


def pdf_upload_to(instance: "PdfVersion", filename: str) -> str:
    """``pdf/<page id>/<random token>/<slug>-v<n>.pdf``: no stored name can be guessed.

    The token (128 random bits) is new for every file, so knowing a page's id,
    slug and version numbers does not give the path of any of its PDFs. Older
    rows keep the names they were stored under. Downloads are still named
    ``<slug>-v<n>.pdf`` (:attr:`PdfVersion.filename`).
    """
    return f"pdf/{instance.page_id}/{secrets.token_urlsafe(16)}/{filename}"


class PdfVersion(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="pdf_versions",
    )
    version = models.PositiveIntegerField(_("Version"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Quell-Revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_hash = models.CharField(_("Inhalts-Hash"), max_length=64, db_index=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    page_count = models.PositiveIntegerField(_("Seitenzahl"))
    pdf_variant = models.CharField(_("PDF-Variante"), max_length=20)
    template_version = models.CharField(_("Vorlagen-Version"), max_length=64)
    weasyprint_version = models.CharField(_("WeasyPrint-Version"), max_length=20)
    file = models.FileField(_("Datei"), upload_to=pdf_upload_to, max_length=255)
    created_at = models.DateTimeField(_("erzeugt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("PDF-Version")
        verbose_name_plural = _("PDF-Versionen")
        ordering = ["page", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["page", "version"], name="unique_pdf_version_per_page")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.version}"

    def file_exists(self) -> bool:
        return bool(self.file) and self.file.storage.exists(self.file.name)

    @property
    def filename(self) -> str:
        return f"{self.page.slug}-v{self.version}.pdf"
