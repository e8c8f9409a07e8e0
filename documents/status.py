"""What editors see of a page's PDF: latest job, versions, download links."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from documents.models import PdfVersion, RenderJob
from documents.pipeline import page_wants_pdf

BUSY = (RenderJob.Status.PENDING, RenderJob.Status.RUNNING)
QUEUE_UNREACHABLE = _("Das PDF wird erzeugt, sobald die Warteschlange wieder erreichbar ist.")
UNCHANGED = _("Unverändert – keine neue Version nötig")


def _when(value) -> str:
    return date_format(localtime(value), "DATETIME_FORMAT") if value else ""


def page_pdf_status(page: Page, limit: int = 10) -> dict:
    """A JSON-ready summary; the editor panel renders it and its script polls it."""
    job = RenderJob.objects.filter(page_id=page.pk).order_by("-created_at", "-pk").first()
    versions = PdfVersion.objects.filter(page_id=page.pk).order_by("-version")[:limit]
    return {
        "page_id": page.pk,
        "wants_pdf": page_wants_pdf(page),
        "busy": bool(job and job.status in BUSY),
        "job": _job(job) if job else None,
        "versions": [_version(page, version) for version in versions],
        "latest_url": reverse("documents:latest_pdf", args=[page.pk]) if versions else "",
        "status_url": reverse("documents_admin_pdf_status", args=[page.pk]),
        "rerender_url": reverse("documents_admin_pdf_rerender", args=[page.pk]),
    }


def waits_for_queue(page: Page) -> bool:
    """The page's newest job could not be handed to the broker: it waits for the sweeper."""
    job = RenderJob.objects.filter(page_id=page.pk).order_by("-created_at", "-pk").first()
    return bool(job and job.status == RenderJob.Status.PENDING and job.enqueued_at is None)


def found_nothing_changed(job: RenderJob) -> bool:
    """The job ended by pointing at a version that existed before it started.

    That happens when the content hash is unchanged, and when "Neu erzeugen" renders
    the same bytes again: the page keeps its latest version and gets no new one.
    """
    if job.status not in (RenderJob.Status.DONE, RenderJob.Status.SUPERSEDED) or job.error:
        return False
    version = job.pdf_version
    return version is not None and version.created_at < (job.started_at or job.created_at)


def job_outcome(job: RenderJob) -> str:
    """The job's status as editors read it, "Unverändert …" included."""
    return str(UNCHANGED) if found_nothing_changed(job) else str(job.get_status_display())


def _job(job: RenderJob) -> dict:
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job_outcome(job),
        "reason": str(job.get_reason_display()),
        "error": job.error,
        "attempts": job.attempts,
        "created_at": _when(job.created_at),
        "finished_at": _when(job.finished_at),
        "duration_ms": job.duration_ms,
    }


def _version(page: Page, version: PdfVersion) -> dict:
    return {
        "version": version.version,
        "url": reverse("documents:pdf_version", args=[page.pk, version.version]),
        "created_at": _when(version.created_at),
        "size": version.size,
        "page_count": version.page_count,
        "sha256": version.sha256,
    }
