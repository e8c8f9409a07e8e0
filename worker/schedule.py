"""What beat runs and how often; the intervals operators tune are settings.

``cms.celery`` merges this into the app's configuration once the app has read the
settings. Task names are strings: beat must not import the tasks (and with them
Django's models) before Django is set up.
"""

from celery.schedules import crontab
from django.conf import settings

SIX_HOURS = 6 * 60 * 60.0
ONE_DAY = 24 * 60 * 60.0


def beat_schedule() -> dict[str, dict]:
    return {
        # Resends render jobs the broker lost or whose worker died (documents.pipeline.sweep).
        "sweep-render-jobs": {
            "task": "worker.sweep_render_jobs",
            "schedule": float(settings.DOCUMENTS_SWEEP_SECONDS),
        },
        # Wagtail's scheduled publishing: go-live and expiry dates of pages and snippets.
        "publish-scheduled": {
            "task": "worker.publish_scheduled",
            "schedule": float(settings.PUBLISH_SCHEDULED_SECONDS),
        },
        # Deletes download audit entries older than DOCUMENTS_AUDIT_RETENTION_DAYS.
        "purge-download-audit": {"task": "worker.purge_download_audit", "schedule": SIX_HOURS},
        # Resends handout-change announcements and notification mails not yet delivered.
        "sweep-notifications": {
            "task": "worker.sweep_notifications",
            "schedule": float(settings.NOTIFICATIONS_SWEEP_SECONDS),
        },
        # One digest mail per person who chose the weekly overview.
        "weekly-notification-digest": {
            "task": "worker.send_weekly_digests",
            "schedule": crontab(
                minute=0,
                hour=settings.NOTIFICATIONS_DIGEST_HOUR,
                day_of_week=settings.NOTIFICATIONS_DIGEST_WEEKDAY,
            ),
        },
        # Reminds members of partners whose entry is older than PARTNERS_CONFIRM_AFTER_DAYS.
        "remind-partners": {"task": "worker.remind_partners", "schedule": ONE_DAY},
    }
