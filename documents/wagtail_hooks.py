"""Admin: ledger indexes (wagtail-modeladmin), PDF panel endpoints, retry action; file access."""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import wagtail_hooks as wagtail_documents_hooks
from wagtail.models import Page
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from documents import admin_access, admin_views, status
from documents.access import can_view_document
from documents.models import PdfVersion, RenderJob


@hooks.register("before_serve_document", order=-1)
def check_document_access(document, request):
    """documents.access decides; anonymous visitors get Wagtail's login or password form.

    Signed-in readers without access get 404, as for restricted PDFs.
    """
    if can_view_document(request.user, document, request):
        return None
    if not request.user.is_authenticated:
        response = wagtail_documents_hooks.check_view_restrictions(document, request)
        if response is not None:
            return response
    raise Http404


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_file_privacy(request, page):
    admin_access.warn_about_file_privacy(request, page)


@hooks.register("register_admin_viewset")
def register_handout_page_viewset():
    return admin_access.HandoutPageViewSet()


@hooks.register("register_admin_viewset")
def register_download_audit_viewset():
    """Download-Protokoll: read-only, needs the "view" permission on the audit model."""
    from wagtail.permissions import register_permission_policy

    from documents.audit import ReadOnlyPermissionPolicy, download_audit_viewset
    from documents.models import DownloadAuditEntry

    register_permission_policy(DownloadAuditEntry, ReadOnlyPermissionPolicy(DownloadAuditEntry))
    return download_audit_viewset


@hooks.register("after_publish_page")
def tell_editor_when_the_queue_is_down(request, page):
    """The publish stands; the PDF follows when the sweeper reaches the broker again."""
    if status.waits_for_queue(page):
        messages.success(request, status.QUEUE_UNREACHABLE)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "pdf/<int:page_id>/status/",
            admin_views.pdf_status,
            name="documents_admin_pdf_status",
        ),
        path(
            "pdf/<int:page_id>/neu-erzeugen/",
            admin_views.rerender,
            name="documents_admin_pdf_rerender",
        ),
        path(
            "pdf/auftrag/<int:job_id>/wiederholen/",
            admin_views.retry_job,
            name="documents_admin_retry_job",
        ),
    ]


class ReadOnlyPermissionHelper(PermissionHelper):
    """The ledger is written by the pipeline only; editors look, download and retry."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class PageFilter(SimpleListFilter):
    """Filter by page (Django's related filter needs django.contrib.admin, which is not used)."""

    title = _("Seite")
    parameter_name = "page"

    def lookups(self, request, model_admin):
        page_ids = model_admin.model.objects.values_list("page_id", flat=True).distinct()
        pages = Page.objects.filter(pk__in=page_ids).order_by("title")[:200]
        return [(str(page.pk), page.title) for page in pages]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(page_id=value) if value and value.isdigit() else queryset


class RenderJobButtonHelper(ButtonHelper):
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


class RenderJobAdmin(ModelAdmin):
    model = RenderJob
    menu_label = _("Render-Aufträge")
    menu_icon = "cogs"
    list_display = ("pk", "page", "status", "reason", "attempts", "created_at", "duration_ms")
    list_select_related = ("page",)
    list_filter = ("status", "reason", PageFilter, "created_at")
    search_fields = ("page__title", "error", "content_hash")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = RenderJobButtonHelper


class PdfVersionAdmin(ModelAdmin):
    model = PdfVersion
    menu_label = _("PDF-Versionen")
    menu_icon = "doc-full"
    list_display = ("page", "version", "download", "page_count", "size", "created_at")
    list_select_related = ("page",)
    list_filter = (PageFilter, "pdf_variant", "created_at")
    search_fields = ("page__title", "sha256", "content_hash")
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper

    def download(self, obj):
        url = reverse("documents:pdf_version", args=[obj.page_id, obj.version])
        return format_html('<a href="{}">{}</a>', url, obj.filename)

    download.short_description = _("Datei")


class DocumentsAdminGroup(ModelAdminGroup):
    menu_label = _("PDF-Dokumente")
    menu_icon = "doc-full-inverse"
    menu_order = 450
    items = (RenderJobAdmin, PdfVersionAdmin)


modeladmin_register(DocumentsAdminGroup)
