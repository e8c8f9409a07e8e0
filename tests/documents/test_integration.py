"""The pipeline end to end: real PostgreSQL, a private redis-server, real Celery workers."""

import pytest

from documents import pipeline
from documents.models import PdfVersion, RenderJob
from tests.documents.helpers import latest_job, pdf_text, versions, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_publish_versions_and_dependencies(celery_worker_process, make_handout, partner):
    celery_worker_process()
    referencing = make_handout("Mit Partner", partner=partner)
    other = make_handout("Ohne Partner")
    wait_for(
        lambda: versions(referencing) == [1] and versions(other) == [1],
        90,
        message="first PDFs did not appear",
    )
    first = PdfVersion.objects.get(page=referencing)
    assert first.revision_id == referencing.live_revision_id
    assert "000 111 222" in pdf_text(first)

    # Unchanged republish: the job is superseded, no render, no new version.
    referencing.save_revision().publish()
    wait_for(lambda: latest_job(referencing).status == "superseded", 60)
    assert versions(referencing) == [1]

    # Changed content: version 2.
    referencing.title = "Mit Partner, überarbeitet"
    referencing.save_revision().publish()
    wait_for(lambda: versions(referencing) == [2, 1], 60, message="version 2 missing")

    # Snippet change: exactly the referencing page re-renders.
    partner.phone = "000 555 666"
    partner.save()
    wait_for(lambda: versions(referencing) == [3, 2, 1], 60, message="dependency not rendered")
    assert "000 555 666" in pdf_text(pipeline.latest_version(referencing))
    assert versions(other) == [1]
    assert not RenderJob.objects.filter(page=other, reason="dependency").exists()


def test_worker_killed_mid_render_completes_once(celery_worker_process, make_handout, settings):
    slow = celery_worker_process(render_delay=8)
    page = make_handout("Langsame Anleitung")
    job = latest_job(page)
    wait_for(lambda: RenderJob.objects.get(pk=job.pk).status == "running", 60)
    slow.kill()
    celery_worker_process()
    # The broker keeps the killed worker's message unacknowledged; the sweeper
    # resends the abandoned job once it is older than the stale threshold.
    settings.DOCUMENTS_LEASE_SECONDS = 4
    wait_for(
        lambda: pipeline.sweep() >= 0 and versions(page) == [1],
        90,
        1,
        message="job did not complete after the worker was killed",
    )
    job.refresh_from_db()
    assert job.status == "done"
    assert job.attempts == 2
    wait_for(lambda: True, 2)
    assert PdfVersion.objects.filter(page=page).count() == 1


def test_publish_succeeds_while_redis_is_down(
    celery_worker_process, private_redis, make_handout, settings
):
    celery_worker_process()
    private_redis.stop()
    try:
        page = make_handout("Während der Störung")  # must neither fail nor hang
        job = latest_job(page)
        assert job.status == "pending" and job.enqueued_at is None
    finally:
        private_redis.start()
    settings.DOCUMENTS_PENDING_RESEND_AFTER = 0
    wait_for(
        lambda: pipeline.sweep() >= 0 and versions(page) == [1],
        120,
        2,
        message="PDF did not appear after Redis returned",
    )
    job.refresh_from_db()
    assert job.status == "done"
