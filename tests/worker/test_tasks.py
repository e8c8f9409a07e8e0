"""The worker's tasks are thin: they take ids and call the documents pipeline."""

import celery
import pytest
from django.conf import settings
from django.db import OperationalError

from cms.celery import app
from documents import pipeline
from worker import tasks


def test_tasks_are_registered_under_stable_names():
    assert tasks.render_pdf_job.name == "worker.render_pdf_job"
    assert tasks.sweep_render_jobs.name == "worker.sweep_render_jobs"
    assert tasks.purge_download_audit.name == "worker.purge_download_audit"
    assert {task.name for task in vars(tasks).values() if isinstance(task, celery.Task)} <= set(
        app.tasks
    )


def test_documents_sends_the_render_task_by_its_registered_name():
    assert tasks.render_pdf_job.name == pipeline.RENDER_TASK
    assert pipeline.RENDER_TASK in app.tasks
    # send_task goes through the current app: it must be the project's.
    assert celery.current_app.main == app.main == "cms"
    assert celery.current_app._get_current_object() is app


@pytest.mark.django_db
def test_send_job_puts_the_job_id_on_the_broker_under_the_task_name():
    """A real message on the test broker, read back as a worker would receive it."""
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(app.conf.task_default_queue, no_ack=True)
        queue.clear()
        assert pipeline.send_job(4711) is True
        message = queue.get(timeout=5)
        queue.close()
    assert message.headers["task"] == "worker.render_pdf_job"
    assert message.decode()[0] == [4711]


def test_render_task_delegates_and_retries_transient_errors(monkeypatch):
    calls = []
    monkeypatch.setattr(pipeline, "run_job", lambda job_id: calls.append(job_id) or "done")
    assert tasks.render_pdf_job.run(7) == "done"
    assert calls == [7]
    assert OperationalError in tasks.render_pdf_job.autoretry_for
    assert tasks.render_pdf_job.max_retries == 5
    assert tasks.render_pdf_job.acks_late and tasks.render_pdf_job.reject_on_worker_lost


def test_beat_runs_the_sweeper():
    entry = app.conf.beat_schedule["sweep-render-jobs"]
    assert entry["task"] == tasks.sweep_render_jobs.name
    assert entry["schedule"] == settings.DOCUMENTS_SWEEP_SECONDS


def test_the_beat_schedule_is_the_workers():
    assert not hasattr(settings, "CELERY_BEAT_SCHEDULE")
    assert set(app.conf.beat_schedule) == {
        "sweep-render-jobs",
        "purge-download-audit",
        "publish-scheduled",
        "sweep-notifications",
        "weekly-notification-digest",
    }
    assert {entry["task"] for entry in app.conf.beat_schedule.values()} <= set(app.tasks)


def test_killed_worker_is_noticed_within_a_minute():
    """A killed worker's job is resent after its lease ran out, at the next sweep."""
    assert settings.DOCUMENTS_LEASE_SECONDS + settings.DOCUMENTS_SWEEP_SECONDS <= 60
    # The lease must outlast a renewal that is late by a busy database.
    assert settings.DOCUMENTS_LEASE_SECONDS >= 10


@pytest.mark.django_db
def test_sweep_task_delegates(monkeypatch):
    monkeypatch.setattr(pipeline, "sweep", lambda: 3)
    assert tasks.sweep_render_jobs.run() == 3


def test_reliability_settings():
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout")
    assert timeout is None or timeout > settings.CELERY_TASK_TIME_LIMIT
