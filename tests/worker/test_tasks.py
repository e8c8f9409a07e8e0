"""The worker's tasks are thin: they take ids and call the documents pipeline."""

import pytest
from django.conf import settings

from cms.celery import app
from worker import tasks


def test_tasks_are_registered_under_stable_names():
    assert tasks.render_pdf_job.name == "documents.render_pdf_job"
    assert tasks.sweep_render_jobs.name == "documents.sweep_render_jobs"
    assert {"documents.render_pdf_job", "documents.sweep_render_jobs"} <= set(app.tasks)


def test_render_task_delegates_and_retries_transient_errors(monkeypatch):
    from django.db import OperationalError

    from documents import pipeline

    calls = []
    monkeypatch.setattr(pipeline, "run_job", lambda job_id: calls.append(job_id) or "done")
    assert tasks.render_pdf_job.run(7) == "done"
    assert calls == [7]
    assert OperationalError in tasks.render_pdf_job.autoretry_for
    assert tasks.render_pdf_job.max_retries == 5
    assert tasks.render_pdf_job.acks_late and tasks.render_pdf_job.reject_on_worker_lost


def test_beat_runs_the_sweeper():
    entry = settings.CELERY_BEAT_SCHEDULE["documents-sweep-render-jobs"]
    assert entry["task"] == "documents.sweep_render_jobs"
    assert entry["schedule"] == settings.DOCUMENTS_SWEEP_SECONDS


def test_killed_worker_is_noticed_within_a_minute():
    """A killed worker's job is resent after its lease ran out, at the next sweep."""
    assert settings.DOCUMENTS_LEASE_SECONDS + settings.DOCUMENTS_SWEEP_SECONDS <= 60
    # The lease must outlast a renewal that is late by a busy database.
    assert settings.DOCUMENTS_LEASE_SECONDS >= 10


@pytest.mark.django_db
def test_sweep_task_delegates(monkeypatch):
    from documents import pipeline

    monkeypatch.setattr(pipeline, "sweep", lambda: 3)
    assert tasks.sweep_render_jobs.run() == 3


def test_reliability_settings():
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout")
    assert timeout is None or timeout > settings.CELERY_TASK_TIME_LIMIT
