"""Celery tasks: thin wrappers that take ids and call the documents services.

Task names are ``worker.*``; documents sends render jobs by that name
(``documents.pipeline.RENDER_TASK``) and never imports this module.
"""

from celery import shared_task
from django.core.management import call_command

from documents import audit, pipeline
from partners import reminders


@shared_task(
    name="worker.render_pdf_job",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=pipeline.TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def render_pdf_job(job_id: int) -> str:
    """Render one RenderJob; the ledger makes repeated deliveries harmless."""
    return pipeline.run_job(job_id)


@shared_task(name="worker.sweep_render_jobs", ignore_result=True)
def sweep_render_jobs() -> int:
    """Run by beat: resend jobs the broker lost or whose worker died."""
    return pipeline.sweep()


@shared_task(name="worker.purge_download_audit", ignore_result=True)
def purge_download_audit() -> int:
    """Run by beat: delete download audit entries past DOCUMENTS_AUDIT_RETENTION_DAYS."""
    return audit.purge_old_entries()


@shared_task(name="worker.publish_scheduled", ignore_result=True, soft_time_limit=45, time_limit=55)
def publish_scheduled() -> None:
    """Run by beat every minute: Wagtail's go-live and expiry dates for pages and snippets.

    Wagtail leaves this to a cron job; here beat is the one scheduler. A page that goes live
    publishes through Wagtail's own publish, so its PDF follows through the usual signal; an
    expired page is unpublished, so its PDFs answer 404 like any unpublished page's.
    The limits stay under the one-minute interval, so runs never pile up.
    """
    call_command("publish_scheduled")


@shared_task(name="worker.remind_partners", ignore_result=True, soft_time_limit=600, time_limit=660)
def remind_partners() -> int:
    """Run by beat once a day: ask members of overdue partners to check their entry."""
    return len(reminders.send_reminders())
