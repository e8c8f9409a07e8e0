"""Admin screens of the PDF ledger and the download audit (security.ledgers' rule).

Registered in wagtail_hooks: "PDF-Dokumente" (render jobs, PDF versions) and the
"Download-Protokoll". Entries are read only; a failed job offers "Erneut versuchen".
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdminGroup

from documents.models import DownloadAuditEntry, PdfVersion, RenderJob
from documents.status import job_outcome
from security.ledgers import LedgerAdmin, RelatedValueFilter, local_datetime


class PageFilter(RelatedValueFilter):
    title = _("Seite")
    parameter_name = "page"

    def order(self, queryset):
        return queryset.order_by("title")


class PartnerFilter(RelatedValueFilter):
    title = _("Netzwerkpartner")
    parameter_name = "partner"

    def order(self, queryset):
        return queryset.order_by("name")


class AccountFilter(RelatedValueFilter):
    title = _("Konto")
    parameter_name = "user"

    def order(self, queryset):
        return queryset.order_by(get_user_model().USERNAME_FIELD)


class RenderJobButtonHelper(ButtonHelper):
    """ "Ansehen" for every job, "Erneut versuchen" for failed ones."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status == RenderJob.Status.FAILED:
            buttons.append(
                {
                    "url": reverse("documents_admin_retry_job", args=[obj.pk]),
                    "label": _("Erneut versuchen"),
                    "classname": "button button-small button-secondary",
                    "title": _("Fehlgeschlagenen Auftrag erneut senden"),
                }
            )
        return buttons


def revision_label(revision) -> str:
    """ "Nr. 12 vom 01.12.2026 14:05" instead of the revision's raw timestamp."""
    if revision is None:
        return "–"
    when = local_datetime(revision.created_at)
    return _("Nr. %(number)s vom %(when)s") % {"number": revision.pk, "when": when}


class RenderJobAdmin(LedgerAdmin):
    model = RenderJob
    menu_label = _("Render-Aufträge")
    menu_icon = "cogs"
    list_display = ("page", "outcome", "reason", "number", "attempts", "created", "duration_ms")
    list_select_related = ("page",)
    list_filter = ("status", "reason", PageFilter, "created_at")
    search_fields = ("page__title", "error", "content_hash")
    button_helper_class = RenderJobButtonHelper
    inspect_view_fields = [
        "number",
        "page",
        "outcome",
        "reason",
        "cause_name",
        "source_revision",
        "force",
        "attempts",
        "error",
        "created_at",
        "enqueued_at",
        "started_at",
        "finished_at",
        "duration_ms",
        "pdf_version",
        "content_hash",
    ]
    back_label = _("Zurück zu den Render-Aufträgen")

    def heading(self, obj: RenderJob) -> str:
        return _("Render-Auftrag %(number)s – %(outcome)s") % {
            "number": obj.pk,
            "outcome": job_outcome(obj),
        }

    def number(self, obj: RenderJob) -> str:
        return str(obj.pk)

    number.short_description = _("Nr.")

    def outcome(self, obj: RenderJob) -> str:
        return job_outcome(obj)

    outcome.short_description = _("Status")

    def created(self, obj: RenderJob) -> str:
        return local_datetime(obj.created_at)

    created.short_description = _("angelegt")
    created.admin_order_field = "created_at"

    def source_revision(self, obj: RenderJob) -> str:
        return revision_label(obj.revision)

    source_revision.short_description = _("Revision")


class PdfVersionAdmin(LedgerAdmin):
    model = PdfVersion
    menu_label = _("PDF-Versionen")
    menu_icon = "doc-full"
    list_display = ("page", "version", "download", "page_count", "size", "created")
    list_select_related = ("page",)
    list_filter = (PageFilter, "pdf_variant", "created_at")
    search_fields = ("page__title", "sha256", "content_hash")
    inspect_view_fields = [
        "page",
        "version",
        "download",
        "source_revision",
        "page_count",
        "size",
        "pdf_variant",
        "created_at",
        "template_version",
        "weasyprint_version",
        "sha256",
        "content_hash",
    ]
    back_label = _("Zurück zu den PDF-Versionen")

    def heading(self, obj: PdfVersion) -> str:
        return _("Version %(version)s von „%(page)s“") % {
            "version": obj.version,
            "page": obj.page.title,
        }

    def download(self, obj: PdfVersion) -> str:
        url = reverse("documents:pdf_version", args=[obj.page_id, obj.version])
        return format_html('<a href="{}">{}</a>', url, obj.filename)

    download.short_description = _("Datei")

    def created(self, obj: PdfVersion) -> str:
        return local_datetime(obj.created_at)

    created.short_description = _("erzeugt")
    created.admin_order_field = "created_at"

    def source_revision(self, obj: PdfVersion) -> str:
        return revision_label(obj.revision)

    source_revision.short_description = _("Quell-Revision")


class DocumentsAdminGroup(ModelAdminGroup):
    menu_label = _("PDF-Dokumente")
    menu_icon = "doc-full-inverse"
    menu_order = 450
    items = (RenderJobAdmin, PdfVersionAdmin)


class DownloadAuditAdmin(LedgerAdmin):
    """Who downloaded which restricted PDF; written by the download view, kept for a while."""

    model = DownloadAuditEntry
    menu_label = _("Download-Protokoll")
    menu_icon = "list-ul"
    menu_order = 610
    base_url_path = "download-protokoll"
    list_display = ("downloaded", "username", "partner", "page_title", "version")
    list_select_related = ("partner",)
    list_filter = (PartnerFilter, PageFilter, AccountFilter, "downloaded_at")
    search_fields = ("username", "page_title")
    ordering = ("-downloaded_at",)
    inspect_view_fields = [
        "downloaded_at",
        "username",
        "partner",
        "page_title",
        "version",
        "ip_address",
    ]
    list_export = ("downloaded_at", "username", "partner", "page_title", "version")
    export_filename = "download-protokoll"
    back_label = _("Zurück zum Download-Protokoll")

    def heading(self, obj: DownloadAuditEntry) -> str:
        return _("Download von %(user)s am %(when)s") % {
            "user": obj.username,
            "when": local_datetime(obj.downloaded_at),
        }

    def downloaded(self, obj: DownloadAuditEntry) -> str:
        return local_datetime(obj.downloaded_at)

    downloaded.short_description = _("Zeitpunkt")
    downloaded.admin_order_field = "downloaded_at"
