"""The ledger's state machine: request, send, claim, render, store, sweep.

The database decides; the broker only delivers job ids. Every step that
changes a job's status is a conditional UPDATE, so two workers handed the same
job (a redelivered message, the sweeper's resend) never both render it.

Latest is always the live revision: a new request supersedes every open job of
the page, also one that is already rendering, and a version is stored only
while the page row is locked and the job's revision is still the live one.
Publishing changes the live revision under the same row lock, so a render of
older content can finish late, but it is dropped instead of becoming "latest".

Leases: a claimed job's ``heartbeat_at`` is renewed from a side thread while
the worker renders. When it is older than DOCUMENTS_LEASE_SECONDS the worker
is gone (SIGKILL, OOM, lost host) and the sweeper sends the job again.

Unchanged content: every publish writes a job, but the worker first builds the
print HTML (cheap) and compares its content hash with the latest version. Equal
hashes mark the job ``superseded`` without calling WeasyPrint and without a new
version, so the ledger still shows that the publish was seen.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import Page, Revision

from documents.models import PdfVersion, PipelineCounter, RenderJob
from documents.rendering import PrintTooLarge, build_print_html
from documents.versioning import render_stamped

logger = logging.getLogger(__name__)
Status = RenderJob.Status
OPEN = (Status.PENDING, Status.RUNNING)


class StorageUnavailable(Exception):
    """Writing the PDF to the media storage (file system or bucket) failed; try again later."""


TRANSIENT_ERRORS = (OperationalError, InterfaceError, StorageUnavailable)


def _save_file(field_file, name: str, data: bytes, save: bool) -> None:
    """Write ``data`` to storage; any storage failure makes the job retryable, not failed."""
    try:
        field_file.save(name, ContentFile(data), save=save)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        raise StorageUnavailable(f"{type(exc).__name__}: {exc}"[:500]) from exc


#: The Celery task that renders a job, sent by name (registered in worker/tasks.py).
RENDER_TASK = "worker.render_pdf_job"


def page_wants_pdf(page: Page) -> bool:
    wants = getattr(page, "wants_pdf", None)
    return bool(callable(wants) and wants())


# --- requesting and sending -------------------------------------------------


def request_render(
    page: Page,
    *,
    revision: Revision | None = None,
    reason: str = RenderJob.Reason.PUBLISH,
    force: bool = False,
    send: bool = True,
    cause: models.Model | None = None,
) -> RenderJob:
    """Write a job in the caller's transaction; its id goes to Celery after commit.

    Under the page row lock, every other open job of the page is superseded, also one
    a worker is rendering: only the newest job may store a version. Without an explicit
    ``revision`` the job renders the revision that is live at that moment.
    ``send=False`` leaves the job for the caller to run in-process (render_pdfs --sync).
    ``cause`` is the changed entry behind a dependency render; the job keeps its label, id
    and name, so readers of the new version learn which entry changed.
    """
    with transaction.atomic():
        state = _lock_page(page.pk) or {}
        job = RenderJob.objects.create(
            page=page,
            revision_id=revision.pk if revision else state.get("live_revision_id"),
            reason=reason,
            force=force,
            **_cause_fields(cause),
        )
        RenderJob.objects.filter(page_id=page.pk, status__in=OPEN).exclude(pk=job.pk).update(
            status=Status.SUPERSEDED,
            finished_at=timezone.now(),
            error=f"Überholt durch den neueren Auftrag #{job.pk}.",
        )
        if send:
            transaction.on_commit(lambda: send_job(job.pk))
    return job


def _cause_fields(cause: models.Model | None) -> dict[str, str]:
    if cause is None:
        return {}
    return {
        "cause_model": cause._meta.label,
        "cause_object_id": str(cause.pk),
        "cause_name": str(cause)[:255],
    }


def retry(job: RenderJob) -> RenderJob | None:
    """ "Erneut versuchen": a new job for the page's live revision, not the failed one's.

    The failed job keeps its status and reason in the ledger. None when the job did not
    fail or its page no longer gets a PDF.
    """
    if job.status != Status.FAILED:
        return None
    page = job.page.specific
    if not page.live or not page_wants_pdf(page):
        return None
    return request_render(page, reason=RenderJob.Reason.MANUAL, force=job.force)


def send_job(job_id: int) -> bool:
    """Hand a job id to the broker. Never raises: a failed send leaves the job pending."""
    try:
        current_app.send_task(RENDER_TASK, args=[job_id], retry=False)
    except Exception as exc:
        logger.warning("Render job %s not sent (%s); the sweeper resends it", job_id, exc)
        return False
    RenderJob.objects.filter(pk=job_id).update(enqueued_at=timezone.now())
    return True


# --- running ------------------------------------------------------------------


def _lock_page(page_id: int) -> dict | None:
    """Lock the page row; publishing holds the same lock while it changes the live revision."""
    return (
        Page.objects.select_for_update(no_key=True)
        .filter(pk=page_id)
        .values("live", "live_revision_id")
        .first()
    )


def _abandoned(now) -> Q:
    """Running jobs whose lease ran out: their worker stopped renewing it, so it is gone."""
    expired = now - timedelta(seconds=settings.DOCUMENTS_LEASE_SECONDS)
    return Q(status=Status.RUNNING) & (
        Q(heartbeat_at__lt=expired) | Q(heartbeat_at__isnull=True, started_at__lt=expired)
    )


def claim(job_id: int) -> RenderJob | None:
    """Take the job if it is pending, or running but abandoned (its worker died)."""
    now = timezone.now()
    taken = (
        RenderJob.objects.filter(pk=job_id)
        .filter(Q(status=Status.PENDING) | _abandoned(now))
        .update(status=Status.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1)
    )
    if not taken:
        return None
    return RenderJob.objects.select_related("page", "revision").get(pk=job_id)


def _owned(job: RenderJob):
    """The job row, as long as this worker's claim on it stands."""
    return RenderJob.objects.filter(pk=job.pk, status=Status.RUNNING, started_at=job.started_at)


class Lease:
    """Renews the job's heartbeat from a side thread while this worker renders it.

    The main thread is busy in WeasyPrint for up to the task time limit. The thread
    writes ``heartbeat_at`` every third of DOCUMENTS_LEASE_SECONDS and stops by itself
    once the claim is gone (job superseded or taken over); SIGKILL or the hard time
    limit end it together with the process, and the lease runs out.
    """

    def __init__(self, job: RenderJob):
        self.job = job
        self.interval = max(settings.DOCUMENTS_LEASE_SECONDS / 3, 0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew, name=f"lease-{job.pk}", daemon=True)

    def __enter__(self) -> Lease:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join(self.interval)

    def _renew(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                try:
                    if not _owned(self.job).update(heartbeat_at=timezone.now()):
                        return
                except TRANSIENT_ERRORS as exc:
                    logger.warning("Lease of render job %s not renewed (%s)", self.job.pk, exc)
        finally:
            connection.close()  # this thread's own connection


def _finish(job: RenderJob, status: str, **fields) -> bool:
    """Close the job, but only if this worker still owns it."""
    now = timezone.now()
    duration = int((now - job.started_at).total_seconds() * 1000) if job.started_at else None
    closed = bool(
        _owned(job).update(status=status, finished_at=now, duration_ms=duration, **fields)
    )
    if closed and status == Status.FAILED:
        PipelineCounter.add(PipelineCounter.Name.FAILURES)
    return bool(closed)


def run_job(job_id: int) -> str:
    """Render one job. Returns what happened: skipped, not_live, unchanged, outdated, done or
    failed.

    Transient database errors put the job back to pending and propagate, so the
    Celery task retries with backoff; anything else fails the job with its reason.
    """
    job = claim(job_id)
    if job is None:
        return "skipped"
    if job.attempts > settings.DOCUMENTS_MAX_ATTEMPTS:
        error = f"Abgebrochen nach {settings.DOCUMENTS_MAX_ATTEMPTS} Versuchen."
        _finish(job, Status.FAILED, error=error)
        return "failed"
    try:
        return _render_and_store(job)
    except TRANSIENT_ERRORS:
        _release(job)
        raise
    except PrintTooLarge as exc:
        logger.warning("Render job %s refused: %s", job.pk, exc)
        _finish(job, Status.FAILED, error=str(exc)[:2000])
        return "failed"
    except Exception as exc:
        logger.exception("Render job %s failed", job.pk)
        _finish(job, Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
        return "failed"


def _release(job: RenderJob) -> None:
    try:
        _owned(job).update(status=Status.PENDING)
    except TRANSIENT_ERRORS:
        logger.warning("Render job %s stays running until the sweeper takes it over", job.pk)


def _render_and_store(job: RenderJob) -> str:
    page = job.page.specific
    revision = job.revision or page.live_revision
    if not page.live or revision is None or not page_wants_pdf(page):
        _finish(job, Status.SUPERSEDED, error="Seite ist nicht veröffentlicht oder ohne PDF.")
        return "not_live"
    if obsolete := _obsolete(page.live, page.live_revision_id, revision):
        _finish(job, Status.SUPERSEDED, error=obsolete)
        return "outdated"
    with Lease(job):
        print_html = build_print_html(revision)
        latest = latest_version(page)
        if latest and latest.content_hash == print_html.content_hash and not job.force:
            fields = {"content_hash": print_html.content_hash, "pdf_version": latest}
            _finish(job, Status.SUPERSEDED, **fields)
            return "unchanged"
        rendered = render_stamped(revision, print_html, latest)
    return _store(job, page, revision, rendered)


def _obsolete(live: bool, live_revision_id: int | None, revision: Revision) -> str:
    """Why a render of ``revision`` must not become the page's latest PDF ('' if it may)."""
    if not live:
        return "Die Seite ist nicht mehr veröffentlicht; das Ergebnis wurde verworfen."
    if live_revision_id != revision.pk:
        return (
            f"Überholt: Revision {revision.pk} ist nicht mehr die veröffentlichte Fassung; "
            "das Ergebnis wurde verworfen."
        )
    return ""


def _store(job: RenderJob, page: Page, revision: Revision, rendered) -> str:
    """Store the PDF as the next version, if the job is still ours and its revision live.

    Lock order: page row, then job row (request_render takes them in the same order).
    """
    with transaction.atomic():
        state = _lock_page(page.pk) or {"live": False, "live_revision_id": None}
        if not _owned(job).select_for_update().exists():
            return "skipped"
        if obsolete := _obsolete(state["live"], state["live_revision_id"], revision):
            _finish(job, Status.SUPERSEDED, content_hash=rendered.content_hash, error=obsolete)
            return "outdated"
        latest = latest_version(page)
        if latest and latest.sha256 == rendered.sha256:
            if not latest.file_exists():  # the same bytes, stored again under their number
                _save_file(latest.file, latest.filename, rendered.data, save=True)
            _finish(job, Status.DONE, content_hash=rendered.content_hash, pdf_version=latest)
            return "done"
        number = (latest.version if latest else 0) + 1
        if rendered.stamp.version != number:
            error = f"Überholt: Das PDF trägt Version {rendered.stamp.version}, frei ist {number}."
            _finish(job, Status.SUPERSEDED, content_hash=rendered.content_hash, error=error)
            return "outdated"
        version = PdfVersion(
            page=page,
            version=number,
            revision=revision,
            content_hash=rendered.content_hash,
            sha256=rendered.sha256,
            size=len(rendered.data),
            page_count=rendered.page_count,
            pdf_variant=rendered.pdf_variant,
            template_version=rendered.template_version,
            weasyprint_version=rendered.weasyprint_version,
        )
        _save_file(version.file, version.filename, rendered.data, save=False)
        try:
            version.save()
        except Exception:
            version.file.delete(save=False)
            raise
        _finish(job, Status.DONE, content_hash=rendered.content_hash, pdf_version=version)
    return "done"


def is_current_or_queued(page: Page) -> bool:
    """A version of the live revision exists, or a job for the page is still open."""
    if RenderJob.objects.filter(page_id=page.pk, status__in=OPEN).exists():
        return True
    latest = latest_version(page)
    return bool(latest and latest.revision_id == page.live_revision_id)


def latest_version(page: Page | int) -> PdfVersion | None:
    """The newest stored version: served while a new one renders and after a failure."""
    page_id = page if isinstance(page, int) else page.pk
    return PdfVersion.objects.filter(page_id=page_id).order_by("-version").first()


# --- sweeping and dependencies --------------------------------------------------


def sweep() -> int:
    """Resend jobs the broker lost (pending too long) or whose worker died (lease ran out).

    An abandoned job is sent at most once per lease, so a busy queue does not fill up
    with copies of it.
    """
    now = timezone.now()
    resend_before = now - timedelta(seconds=settings.DOCUMENTS_PENDING_RESEND_AFTER)
    lease_before = now - timedelta(seconds=settings.DOCUMENTS_LEASE_SECONDS)
    lost = Q(status=Status.PENDING, created_at__lt=resend_before) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=resend_before)
    )
    abandoned = _abandoned(now) & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=lease_before))
    sent = 0
    for job_id in RenderJob.objects.filter(lost | abandoned).values_list("pk", flat=True)[:500]:
        sent += send_job(job_id)
    # The run itself is counted too: /health/ reads from it that beat is alive.
    PipelineCounter.add(PipelineCounter.Name.SWEEPS)
    PipelineCounter.add(PipelineCounter.Name.RESENDS, sent)
    return sent
