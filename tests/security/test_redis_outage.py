"""Without Redis the site, the admin and publishing keep working.

The test starts its own redis-server, points the cache and the Celery broker at it and
stops it: every page answers, the page cache is bypassed (and says so in the log), and
a publish tells the editor that the PDF follows once the queue is back. The job waits in
the ledger for the sweeper, which sends it when Redis is up again.
"""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from documents import pipeline
from documents.models import HandoutPage, RenderJob
from harness import RedisServer
from tests.factories import AccessibilityStatementPageFactory, HandoutIndexPageFactory
from tests.fixtures.workers import use_broker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

QUEUE_MESSAGE = "Das PDF wird erzeugt, sobald die Warteschlange wieder erreichbar ist."


@pytest.fixture
def own_redis(tmp_path, settings):
    """A redis-server for this test only, used as cache and broker; stopped by the test."""
    assert "redis" in settings.CACHES["default"]["BACKEND"].lower(), "needs REDIS_URL"
    server = RedisServer(tmp_path).start()
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    settings.PAGE_CACHE_ENABLED = True
    use_broker(server.url)
    yield server
    server.stop()
    use_broker(None)


@pytest.fixture
def site_pages(home_page):
    return {
        "accessibility": AccessibilityStatementPageFactory(parent=home_page),
        "handouts": HandoutIndexPageFactory(parent=home_page),
    }


def publish_handout(client: Client, index) -> object:
    return client.post(
        f"/admin/pages/add/documents/handoutpage/{index.pk}/",
        {
            "title": "Anleitung während der Störung",
            "slug": "anleitung-stoerung",
            "audience": "partners",
            "target_group": "Alleinerziehende",
            "summary": "Veröffentlicht, während Redis nicht lief.",
            "body-count": "0",
            "contacts-count": "0",
            "action-publish": "action-publish",
        },
    )


def test_site_admin_and_publishing_work_while_redis_is_down(
    own_redis, site_pages, admin_user, caplog
):
    anonymous = Client(raise_request_exception=False)
    assert anonymous.get("/").status_code == 200, "warm-up with Redis running"
    accessibility_url = site_pages["accessibility"].url
    own_redis.stop()

    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    with caplog.at_level(logging.WARNING):
        statuses = {
            "/": anonymous.get("/").status_code,
            "/konto/anmelden/": anonymous.get("/konto/anmelden/").status_code,
            "accessibility": anonymous.get(accessibility_url).status_code,
            "/admin/": editor.get("/admin/").status_code,
        }
        response = publish_handout(editor, site_pages["handouts"])
    assert statuses == {"/": 200, "/konto/anmelden/": 200, "accessibility": 200, "/admin/": 200}
    assert response.status_code == 302, getattr(response, "context", None)
    assert any("Page cache unavailable" in r.getMessage() for r in caplog.records)

    landing = editor.get(response["Location"])
    assert landing.status_code == 200
    assert QUEUE_MESSAGE in landing.text

    page = HandoutPage.objects.get(slug="anleitung-stoerung")
    assert page.live
    job = RenderJob.objects.get(page=page)
    assert (job.status, job.enqueued_at) == (RenderJob.Status.PENDING, None)


def test_the_sweeper_sends_the_waiting_job_once_redis_is_back(
    own_redis, site_pages, admin_user, settings
):
    own_redis.stop()
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    assert publish_handout(editor, site_pages["handouts"]).status_code == 302
    job = RenderJob.objects.get(page__slug="anleitung-stoerung")
    assert job.enqueued_at is None

    own_redis.start()
    settings.DOCUMENTS_PENDING_RESEND_AFTER = 0
    assert pipeline.sweep() == 1
    job.refresh_from_db()
    assert job.status == RenderJob.Status.PENDING
    assert job.enqueued_at is not None


def test_no_queue_message_when_the_broker_takes_the_job(own_redis, site_pages, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    response = publish_handout(editor, site_pages["handouts"])
    assert QUEUE_MESSAGE not in editor.get(response["Location"]).text
    assert RenderJob.objects.get(page__slug="anleitung-stoerung").enqueued_at is not None
