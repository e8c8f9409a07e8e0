"""/health/ names each check; beat counts as alive while its sweeper runs, a worker while it
answers a ping or finishes jobs.

The checks run in threads of their own with their own database connections, so these tests
commit what they set up (transactional_db)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from documents import pipeline
from documents.models import PipelineCounter, RenderJob
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory

JSON = {"HTTP_ACCEPT": "application/json"}


def checks(response) -> dict:
    return response.json()


@pytest.mark.django_db(transaction=True)
def test_beat_is_dead_until_the_sweeper_runs_and_again_when_it_stops(client, sent_jobs):
    assert client.get("/health/beat/", **JSON).status_code == 500
    pipeline.sweep()
    response = client.get("/health/beat/", **JSON)
    assert response.status_code == 200
    assert list(checks(response)) == ["Beat"]
    stale = timezone.now() - timedelta(minutes=4)
    PipelineCounter.objects.filter(name=PipelineCounter.Name.SWEEPS).update(updated_at=stale)
    response = client.get("/health/beat/", **JSON)
    assert response.status_code == 500
    assert "no sweep" in checks(response)["Beat"]


@pytest.mark.django_db(transaction=True)
def test_a_recently_finished_job_shows_a_working_worker(client, home_page, settings):
    settings.HEALTH_WORKER_PING_SECONDS = 0.2
    page = HandoutPageFactory(parent=HandoutIndexPageFactory(parent=home_page))
    job = RenderJob.objects.create(page=page, status=RenderJob.Status.DONE)
    RenderJob.objects.filter(pk=job.pk).update(finished_at=timezone.now())
    assert client.get("/health/worker/", **JSON).status_code == 200
    RenderJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(hours=1))
    response = client.get("/health/worker/", **JSON)
    assert response.status_code == 500
    assert "no worker answered" in checks(response)["Worker"]


def test_a_running_worker_answers_the_ping(client, celery_worker_process, settings):
    celery_worker_process()
    response = client.get("/health/worker/", **JSON)
    assert response.status_code == 200, response.content


@pytest.mark.django_db(transaction=True)
def test_the_full_report_names_every_check(client, sent_jobs):
    pipeline.sweep()
    names = set(checks(client.get("/health/", **JSON)))
    assert {"Beat", "Worker"} <= names
    assert any("Database" in name for name in names)
    web = set(checks(client.get("/health/web/", **JSON)))
    assert "Beat" not in web and "Worker" not in web
