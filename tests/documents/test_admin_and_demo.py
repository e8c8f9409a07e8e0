"""Admin views of the ledger, the page editor's PDF panel, and the demo content."""

import io

import pytest
from django.contrib.auth.models import Group

from accounts.roles import PARTNER_STAFF_GROUP
from documents import demo, pipeline
from documents.models import HandoutPage, PdfVersion, RenderJob
from partners import demo as partners_demo
from tests.factories import handout_body


@pytest.fixture
def failed_job(make_handout, sent_jobs):
    page = make_handout("Kaputte Anleitung")
    job = RenderJob.objects.get(page=page)
    RenderJob.objects.filter(pk=job.pk).update(status="failed", error="WeasyPrint: Testfehler")
    return job


def test_job_index_filters_and_inspect(admin_client, failed_job):
    index = admin_client.get("/admin/documents/renderjob/?status=failed")
    assert index.status_code == 200
    assert "Kaputte Anleitung" in index.text
    assert f"/admin/pdf/auftrag/{failed_job.pk}/wiederholen/" in index.text
    inspect = admin_client.get(f"/admin/documents/renderjob/inspect/{failed_job.pk}/")
    assert inspect.status_code == 200
    assert "Testfehler" in inspect.text
    done = admin_client.get("/admin/documents/renderjob/?status=done").text
    assert f"/admin/pdf/auftrag/{failed_job.pk}/wiederholen/" not in done


def test_retry_renders_the_live_revision_not_the_failed_one(
    admin_client, make_handout, sent_jobs, django_capture_on_commit_callbacks
):
    page = make_handout("Zweimal überarbeitet", text="Alte Fassung")
    failed = RenderJob.objects.get(page=page)
    RenderJob.objects.filter(pk=failed.pk).update(status="failed", error="WeasyPrint: Testfehler")
    page.body = handout_body("Neue Fassung")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert pipeline.run_job(sent_jobs.pop()) == "done"  # version 1: the new revision

    url = f"/admin/pdf/auftrag/{failed.pk}/wiederholen/"
    assert "Testfehler" in admin_client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    assert len(sent_jobs) == 1 and sent_jobs[0] != failed.pk
    assert RenderJob.objects.get(pk=sent_jobs[0]).revision_id == page.live_revision_id
    pipeline.run_job(sent_jobs[0])
    assert [(v.version, v.revision_id) for v in PdfVersion.objects.filter(page=page)] == [
        (1, page.live_revision_id)
    ]
    failed.refresh_from_db()
    assert failed.status == "failed" and "Testfehler" in failed.error


def test_version_index_and_edit_panel(admin_client, make_handout):
    page = make_handout("Mit PDF")
    pipeline.run_job(RenderJob.objects.get(page=page).pk)
    versions = admin_client.get("/admin/documents/pdfversion/")
    assert versions.status_code == 200
    assert f"/pdf/{page.pk}/v1/" in versions.text
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/pdf/{page.pk}/status/" in edit.text
    assert "Neu erzeugen" in edit.text


def test_status_endpoint_needs_edit_permission(client, make_handout, plain_user):
    page = make_handout()
    client.force_login(plain_user)
    assert client.get(f"/admin/pdf/{page.pk}/status/").status_code in (302, 403)


@pytest.mark.usefixtures("sent_jobs")
def test_demo_is_idempotent(home_page, django_capture_on_commit_callbacks):
    partners_demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert HandoutPage.objects.live().count() == 3
    assert HandoutPage.objects.filter(only_for_partner_staff=True).exists()
    assert Group.objects.filter(name=PARTNER_STAFF_GROUP).exists()
    handout = HandoutPage.objects.get(slug="erstansprache-bei-suchtproblemen")
    assert len(handout.contacts) >= 1
    jobs = RenderJob.objects.count()
    assert jobs == 3  # the normal publish path enqueued one job per handout
    out = io.StringIO()
    demo.load(out)
    assert out.getvalue() == ""
    assert HandoutPage.objects.count() == 3 and RenderJob.objects.count() == jobs


@pytest.mark.usefixtures("sent_jobs")
def test_synthetic_handouts(home_page):
    demo.load_synthetic(2, io.StringIO())
    demo.load_synthetic(2, io.StringIO())
    titles = sorted(HandoutPage.objects.values_list("title", flat=True))
    assert titles == [
        "Beispiel-Handlungsanleitung 001 (Testdaten)",
        "Beispiel-Handlungsanleitung 002 (Testdaten)",
    ]
