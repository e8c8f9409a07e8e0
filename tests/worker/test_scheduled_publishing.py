"""Wagtail's go-live and expiry dates take effect through beat's publish_scheduled task."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from cms.celery import app
from documents.models import RenderJob
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory, PdfVersionFactory
from tests.fixtures.scenarios import publish
from worker import tasks


@pytest.fixture
def handout(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    page = HandoutPageFactory(parent=index, title="Erstgespräch führen", slug="erstgespraech")
    page.unpublish()
    return page


def _schedule(page, go_live_at):
    """Publish as an editor with a Veröffentlichungstermin: Wagtail only records the approval."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return revision


@pytest.mark.django_db
def test_a_scheduled_revision_goes_live_and_gets_its_pdf_job(
    handout, sent_jobs, django_capture_on_commit_callbacks
):
    revision = _schedule(handout, timezone.now() + timedelta(seconds=2))
    assert not handout.live
    assert revision.approved_go_live_at is not None
    tasks.publish_scheduled.run()
    handout.refresh_from_db()
    assert not handout.live, "a date still ahead must not publish"

    time.sleep(2.1)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.publish_scheduled.run()
    handout.refresh_from_db()
    assert handout.live
    assert handout.live_revision_id == revision.pk
    sent = RenderJob.objects.filter(pk__in=sent_jobs)
    assert [(job.page_id, job.revision_id) for job in sent] == [(handout.pk, revision.pk)]


@pytest.mark.django_db
def test_an_expired_page_is_unpublished_and_its_pdfs_answer_404(handout, client, sent_jobs):
    revision = publish(handout)
    PdfVersionFactory(page=handout, version=1, revision=revision)
    assert client.get(f"/pdf/{handout.pk}/").status_code == 200

    type(handout).objects.filter(pk=handout.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    tasks.publish_scheduled.run()
    handout.refresh_from_db()
    assert not handout.live and handout.expired
    assert client.get(f"/pdf/{handout.pk}/").status_code == 404
    assert client.get(f"/pdf/{handout.pk}/v1/").status_code == 404


def test_beat_runs_scheduled_publishing_every_minute():
    entry = app.conf.beat_schedule["publish-scheduled"]
    assert entry["task"] == tasks.publish_scheduled.name == "worker.publish_scheduled"
    assert entry["schedule"] == settings.PUBLISH_SCHEDULED_SECONDS == 60
    assert tasks.publish_scheduled.time_limit < settings.PUBLISH_SCHEDULED_SECONDS


def test_beat_sends_partner_reminders_once_a_day():
    entry = app.conf.beat_schedule["remind-partners"]
    assert entry["task"] == tasks.remind_partners.name == "worker.remind_partners"
    assert entry["schedule"] == 24 * 60 * 60
