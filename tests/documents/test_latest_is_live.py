"""Latest is always the live revision, however publishes, workers and retries interleave.

Real PostgreSQL, a private redis-server and real Celery worker processes. Each
test ends with the same check: after every job settled, the newest version was
rendered from the page's live revision and shows its text.
"""

import threading
import time

import pytest
from django.db import connection

from documents import pipeline
from documents.models import HandoutPage, RenderJob
from tests.documents.helpers import (
    latest_job,
    pdf_text,
    versions,
    wait_for,
    wait_until_settled,
)
from tests.factories import handout_body

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def long_body(marker: str, paragraphs: int) -> list:
    """A handout that takes WeasyPrint seconds, not milliseconds."""
    return handout_body(
        "</p><p>".join(f"{marker}, Absatz {n}: Zeit nehmen und zuhören." for n in range(paragraphs))
    )


def publish(page_id: int, body: list) -> int:
    """Publish new content from a fresh copy of the page, as another editor would."""
    page = HandoutPage.objects.get(pk=page_id)
    page.body = body
    revision = page.save_revision()
    revision.publish()
    return revision.pk


def assert_latest_is_live(page, text: str) -> None:
    page.refresh_from_db()
    latest = pipeline.latest_version(page)
    assert latest.revision_id == page.live_revision_id, "latest PDF is not the live revision"
    assert text in pdf_text(latest)
    assert not RenderJob.objects.filter(page=page, status=RenderJob.Status.FAILED).exists()


def test_small_revision_published_right_after_a_big_one_stays_latest(
    celery_worker_process, make_handout
):
    workers = [celery_worker_process(), celery_worker_process()]
    page = make_handout("Zwei Fassungen kurz nacheinander")
    wait_until_settled(page, workers)
    publish(page.pk, long_body("Lange Fassung", 2000))
    wait_for(lambda: latest_job(page).status == RenderJob.Status.RUNNING, 30, 0.05)
    time.sleep(0.5)
    publish(page.pk, handout_body("Kurze Fassung"))
    wait_until_settled(page, workers)
    assert versions(page) == [2, 1]
    assert_latest_is_live(page, "Kurze Fassung")
    big = RenderJob.objects.filter(page=page).order_by("pk")[1]
    assert big.status == RenderJob.Status.SUPERSEDED and big.pdf_version_id is None
    assert "Überholt" in big.error


def publish_concurrently(page_id: int, bodies: dict[str, list]) -> dict[str, int]:
    """One thread (own database connection) per editor; all publish at the same moment."""
    barrier = threading.Barrier(len(bodies))
    published: dict[str, int] = {}
    errors: list[BaseException] = []

    def editor(name: str) -> None:
        try:
            page = HandoutPage.objects.get(pk=page_id)
            page.body = bodies[name]
            revision = page.save_revision()
            barrier.wait(10)
            revision.publish()
            published[name] = revision.pk
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(name,)) for name in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return published


def test_concurrent_publishers_leave_the_live_revision_latest(celery_worker_process, make_handout):
    workers = [celery_worker_process(), celery_worker_process()]
    page = make_handout("Zwei Redakteurinnen gleichzeitig")
    wait_until_settled(page, workers)
    for round_number in range(5):
        marker = f"Runde {round_number} Fassung"
        published = publish_concurrently(
            page.pk,
            {"A": long_body(f"{marker} A", 1000), "B": handout_body(f"{marker} B")},
        )
        wait_until_settled(page, workers)
        page.refresh_from_db()
        live = next(name for name, pk in published.items() if pk == page.live_revision_id)
        assert_latest_is_live(page, f"{marker} {live}")


def test_killed_job_resent_after_a_republish_does_not_come_back(
    celery_worker_process, make_handout, settings
):
    settings.DOCUMENTS_LEASE_SECONDS = 4
    slow = celery_worker_process(render_delay=60)
    page = make_handout("Abgebrochene Fassung", text="Erste Fassung")
    killed = latest_job(page)
    wait_for(lambda: latest_job(page).status == RenderJob.Status.RUNNING, 60)
    slow.kill()
    publish(page.pk, handout_body("Zweite Fassung"))
    fast = celery_worker_process()
    wait_for(lambda: versions(page) == [1], 60, message="the republished revision was not rendered")
    # Sweep well past the lease: a job the killed worker left behind would be resent now.
    deadline = time.monotonic() + 2 * settings.DOCUMENTS_LEASE_SECONDS + 1
    while time.monotonic() < deadline:
        pipeline.sweep()
        time.sleep(0.5)
    wait_until_settled(page, [slow, fast])
    assert versions(page) == [1]
    assert_latest_is_live(page, "Zweite Fassung")
    killed.refresh_from_db()
    assert killed.status == RenderJob.Status.SUPERSEDED and killed.attempts == 1


def test_render_finishing_after_unpublish_is_dropped(celery_worker_process, make_handout):
    worker = celery_worker_process(render_delay=3)
    page = make_handout("Zurückgezogene Anleitung")
    job = latest_job(page)
    wait_for(lambda: latest_job(page).status == RenderJob.Status.RUNNING, 60)
    page.unpublish()
    wait_until_settled(page, [worker])
    assert versions(page) == []
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUPERSEDED
    assert "nicht mehr veröffentlicht" in job.error
