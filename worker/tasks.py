"""Celery tasks: thin wrappers that take ids and call documents.pipeline."""

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    name="documents.render_pdf_job",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def render_pdf_job(job_id: int) -> str:
    """Render one RenderJob; the ledger makes repeated deliveries harmless."""
    from documents.pipeline import run_job

    return run_job(job_id)


@shared_task(name="documents.sweep_render_jobs", ignore_result=True)
def sweep_render_jobs() -> int:
    """Run by beat: resend jobs the broker lost or whose worker died."""
    from documents.pipeline import sweep

    return sweep()


@shared_task(name="documents.purge_download_audit", ignore_result=True)
def purge_download_audit() -> int:
    """Run by beat: delete download audit entries past DOCUMENTS_AUDIT_RETENTION_DAYS."""
    from documents.audit import purge_old_entries

    return purge_old_entries()
