"""Leases: a rendering worker keeps its job; a killed worker's job is taken over quickly.

A worker renews ``heartbeat_at`` while it renders; beat's sweeper resends a running
job only once that lease ran out. Real PostgreSQL, Redis, Celery workers and beat.
"""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from documents import pipeline
from documents.models import RenderJob
from tests.documents.helpers import latest_job, versions, wait_for

pytestmark = [pytest.mark.django_db(transaction=True)]

LEASE = 3  # seconds; production uses DOCUMENTS_LEASE_SECONDS (30)
SWEEP = 1  # beat interval; production uses DOCUMENTS_SWEEP_SECONDS (15)


def running(job: RenderJob) -> RenderJob | None:
    job.refresh_from_db()
    return job if job.status == RenderJob.Status.RUNNING else None


@pytest.mark.integration
def test_killed_worker_job_is_taken_over_within_lease_and_sweep(
    celery_worker_process, make_handout, tmp_path
):
    lease = {"DOCUMENTS_LEASE_SECONDS": LEASE, "DOCUMENTS_SWEEP_SECONDS": SWEEP}
    slow = celery_worker_process(render_delay=120, **lease)
    page = make_handout("Lange Anleitung")
    job = wait_for(lambda: running(latest_job(page)), 60, message="job never started")
    # A second worker that also runs beat, and so the sweeper every SWEEP seconds.
    rescuer = celery_worker_process("--beat", "--schedule", str(tmp_path / "beat"), **lease)

    # Alive, the slow worker keeps its job for several leases although beat sweeps.
    wait_for(lambda: job.refresh_from_db() or job.heartbeat_at > job.started_at, 30)
    time.sleep(3 * LEASE)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (RenderJob.Status.RUNNING, 1)
    assert timezone.now() - job.heartbeat_at < timedelta(seconds=LEASE)

    slow.kill()
    killed_at = timezone.now()
    wait_for(lambda: versions(page) == [1], 60, 0.2, message="job not taken over")
    job.refresh_from_db()
    recovery = (job.finished_at - killed_at).total_seconds()
    assert job.status == RenderJob.Status.DONE and job.attempts == 2
    # Lease + one sweep interval + the render itself (seconds on a busy machine).
    assert recovery < LEASE + SWEEP + 15, f"recovery took {recovery:.1f}s"
    time.sleep(2 * SWEEP)
    assert versions(page) == [1] and rescuer.alive()


def test_lease_is_renewed_while_rendering_and_stops_with_the_claim(make_handout, settings):
    settings.DOCUMENTS_LEASE_SECONDS = 0.6  # renewed every 0.2 s
    job = pipeline.claim(RenderJob.objects.get(page=make_handout()).pk)
    claimed_heartbeat = job.heartbeat_at
    with pipeline.Lease(job) as lease:
        time.sleep(0.7)
        job.refresh_from_db()
        assert job.heartbeat_at > claimed_heartbeat
        pipeline.request_render(job.page, force=True, send=False)  # supersedes this job
        time.sleep(0.5)
        assert not lease._thread.is_alive()  # the claim is gone: no more renewals
