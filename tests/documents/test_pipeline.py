"""The ledger without a broker: publish writes jobs, run_job stores versions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from documents import dependents, pipeline, versioning
from documents.models import PdfVersion, RenderJob
from tests.factories import HandoutPageFactory

# These tests run jobs in-process; sending is recorded instead.
pytestmark = pytest.mark.usefixtures("sent_jobs")


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return RenderJob.objects.filter(page=page).latest("created_at")


def test_publish_writes_job_and_sends_id_on_commit(
    handout_index, django_capture_on_commit_callbacks, sent_jobs
):
    page = HandoutPageFactory(parent=handout_index)
    job = publish(page, django_capture_on_commit_callbacks)
    assert job.status == RenderJob.Status.PENDING
    assert job.revision_id == page.live_revision_id
    assert sent_jobs == [job.pk]


def test_versions_follow_content(make_handout, django_capture_on_commit_callbacks):
    page = make_handout()
    job = RenderJob.objects.get(page=page)
    assert pipeline.run_job(job.pk) == "done"
    assert pipeline.run_job(job.pk) == "skipped"  # a second delivery renders nothing
    v1 = PdfVersion.objects.get(page=page)
    assert (v1.version, v1.revision_id) == (1, page.live_revision_id)
    assert v1.file_exists() and v1.size == len(v1.file.read())

    unchanged = publish(page, django_capture_on_commit_callbacks)
    assert pipeline.run_job(unchanged.pk) == "unchanged"
    unchanged.refresh_from_db()
    assert unchanged.status == RenderJob.Status.SUPERSEDED
    assert PdfVersion.objects.filter(page=page).count() == 1

    page.title = "Neue Fassung"
    changed = publish(page, django_capture_on_commit_callbacks)
    assert pipeline.run_job(changed.pk) == "done"
    assert list(PdfVersion.objects.filter(page=page).values_list("version", flat=True)) == [2, 1]


def test_job_of_an_unpublished_page_says_so_and_renders_nothing(make_handout):
    page = make_handout()
    job = RenderJob.objects.get(page=page)
    page.unpublish()
    assert pipeline.run_job(job.pk) == "not_live"
    job.refresh_from_db()
    assert job.status == RenderJob.Status.SUPERSEDED and "nicht veröffentlicht" in job.error
    assert not PdfVersion.objects.filter(page=page).exists()


def test_newer_publish_supersedes_pending_job(make_handout, django_capture_on_commit_callbacks):
    page = make_handout()
    first = RenderJob.objects.get(page=page)
    page.title = "Zweite Fassung"
    second = publish(page, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert first.status == RenderJob.Status.SUPERSEDED
    assert second.status == RenderJob.Status.PENDING


def test_newer_request_supersedes_a_running_job(make_handout):
    page = make_handout()
    running = pipeline.claim(RenderJob.objects.get(page=page).pk)
    newer = pipeline.request_render(page, force=True)
    running.refresh_from_db()
    assert running.status == RenderJob.Status.SUPERSEDED
    assert f"#{newer.pk}" in running.error
    assert not pipeline._owned(running).exists()  # its worker can no longer store anything
    assert newer.revision_id == page.live_revision_id


def test_failed_job_keeps_reason_and_previous_version_stays(make_handout, monkeypatch):
    page = make_handout()
    pipeline.run_job(RenderJob.objects.get(page=page).pk)
    job = pipeline.request_render(page, force=True)

    def broken(*args, **kwargs):
        raise RuntimeError("Vorlage kaputt")

    monkeypatch.setattr(versioning, "render_revision", broken)
    assert pipeline.run_job(job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == RenderJob.Status.FAILED
    assert "Vorlage kaputt" in job.error
    assert pipeline.latest_version(page).version == 1


def test_claim_is_exclusive(make_handout):
    job = RenderJob.objects.get(page=make_handout())
    assert pipeline.claim(job.pk) is not None
    assert pipeline.claim(job.pk) is None  # a second worker gets nothing


def test_stale_running_job_can_be_taken_over(make_handout, settings):
    job = RenderJob.objects.get(page=make_handout())
    assert pipeline.claim(job.pk)
    settings.DOCUMENTS_LEASE_SECONDS = -1
    taken = pipeline.claim(job.pk)
    assert taken is not None and taken.attempts == 2


def test_claim_and_sweep_honour_a_live_lease(make_handout, settings, sent_jobs):
    settings.DOCUMENTS_LEASE_SECONDS = 30
    job = pipeline.claim(RenderJob.objects.get(page=make_handout()).pk)
    sent_jobs.clear()
    long_ago = timezone.now() - timedelta(hours=1)
    RenderJob.objects.filter(pk=job.pk).update(started_at=long_ago, enqueued_at=long_ago)
    assert pipeline.claim(job.pk) is None  # started long ago, but the lease is fresh
    assert pipeline.sweep() == 0
    RenderJob.objects.filter(pk=job.pk).update(heartbeat_at=long_ago)
    assert pipeline.sweep() == 1 and sent_jobs == [job.pk]
    RenderJob.objects.filter(pk=job.pk).update(enqueued_at=timezone.now())
    assert pipeline.sweep() == 0  # resent at most once per lease
    taken = pipeline.claim(job.pk)
    assert taken is not None and taken.attempts == 2


def test_sweeper_resends_lost_jobs(make_handout, settings, sent_jobs):
    job = RenderJob.objects.get(page=make_handout())
    sent_jobs.clear()
    settings.DOCUMENTS_PENDING_RESEND_AFTER = -1
    assert pipeline.sweep() == 1
    assert sent_jobs == [job.pk]


def test_snippet_change_rerenders_only_referencing_pages(
    make_handout, partner, django_capture_on_commit_callbacks
):
    referencing = make_handout("Mit Partner", partner=partner)
    other = make_handout("Ohne Partner")
    assert [p.pk for p in dependents.pages_referencing(partner)] == [referencing.pk]
    RenderJob.objects.all().delete()
    partner.phone = "000 333 444"
    with django_capture_on_commit_callbacks(execute=True):
        partner.save()
    jobs = RenderJob.objects.all()
    assert [(j.page_id, j.reason) for j in jobs] == [(referencing.pk, "dependency")]
    assert not RenderJob.objects.filter(page=other).exists()
    assert connection.in_atomic_block  # test transaction still open: nothing leaked


def test_render_pdfs_sync(make_handout, capsys):
    from django.core.management import call_command

    page = make_handout()
    call_command("render_pdfs", "--sync", "--page", str(page.pk))
    assert PdfVersion.objects.filter(page=page).count() == 1
    call_command("render_pdfs", "--quiet-if-current")
    assert capsys.readouterr().out.count("Seite") == 1  # only the first run printed


def test_partner_draft_does_not_rerender(make_handout, partner, django_capture_on_commit_callbacks):
    make_handout("Mit Partner", partner=partner)
    RenderJob.objects.all().delete()
    partner.phone = "000 999 999"
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision()  # a draft: nothing printed changes yet
    assert not RenderJob.objects.exists()
