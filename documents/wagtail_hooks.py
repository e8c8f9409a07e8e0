"""Registers the PDF ledger and download audit screens (documents/admin.py), the PDF panel
endpoints and the retry action, and the file access check."""

from django.contrib import messages
from django.http import Http404
from django.urls import path
from wagtail import hooks
from wagtail.documents import wagtail_hooks as wagtail_documents_hooks
from wagtail_modeladmin.options import modeladmin_register

from documents import admin_access, admin_views, dashboard, status
from documents.access import can_view_document
from documents.admin import DocumentsAdminGroup, DownloadAuditAdmin


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


modeladmin_register(DocumentsAdminGroup)
modeladmin_register(DownloadAuditAdmin)


@hooks.register("construct_homepage_panels")
def add_render_problems_panel(request, panels):
    if dashboard.may_see_render_jobs(request.user):
        panels.append(dashboard.RenderProblemsPanel())
