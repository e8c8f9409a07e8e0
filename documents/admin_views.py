"""Admin endpoints of the PDF panel and the job index (registered in wagtail_hooks)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from documents import pipeline
from documents.models import RenderJob
from documents.status import page_pdf_status
from security.redirects import safe_next


def _editable_page(request: HttpRequest, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


@require_GET
def pdf_status(request: HttpRequest, page_id: int) -> JsonResponse:
    """Polled by the editor panel every few seconds while a job is open."""
    page = _editable_page(request, page_id)
    response = JsonResponse(page_pdf_status(page))
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def rerender(request: HttpRequest, page_id: int) -> HttpResponse:
    """ "Neu erzeugen": a forced job for the live revision."""
    page = _editable_page(request, page_id)
    if not page.live or not pipeline.page_wants_pdf(page):
        messages.error(request, _("Für diese Seite wird kein PDF erzeugt (nicht veröffentlicht?)."))
    else:
        pipeline.request_render(page, reason=RenderJob.Reason.MANUAL, force=True)
        messages.success(request, _("Das PDF wird neu erzeugt."))
    return redirect(safe_next(request, reverse("wagtailadmin_pages:edit", args=[page.pk])))


def retry_job(request: HttpRequest, job_id: int) -> HttpResponse:
    """Retry a failed job: GET asks, POST renders the page's current live revision.

    The failed job keeps its reason; a new job renders what is published now, so a
    retry never brings an older revision back as the latest PDF.
    """
    job = get_object_or_404(RenderJob, pk=job_id)
    _editable_page(request, job.page_id)
    index_url = reverse("documents_renderjob_modeladmin_index")
    if request.method == "POST":
        if job.status != RenderJob.Status.FAILED:
            messages.warning(request, _("Nur fehlgeschlagene Aufträge können wiederholt werden."))
        elif (new_job := pipeline.retry(job)) is None:
            messages.error(
                request, _("Für diese Seite wird kein PDF erzeugt (nicht veröffentlicht?).")
            )
        else:
            messages.success(
                request,
                _("Neuer Auftrag #%(job)s erzeugt das PDF der veröffentlichten Fassung.")
                % {"job": new_job.pk},
            )
        return redirect(index_url)
    return TemplateResponse(
        request, "documents/admin/retry_confirm.html", {"job": job, "index_url": index_url}
    )
