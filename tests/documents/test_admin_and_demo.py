"""Admin views of the ledger, the page editor's PDF panel, and the demo content."""

import io

import pytest
from django.contrib.auth.models import Group

from documents import demo, pipeline
from documents.access import PARTNER_STAFF_GROUP
from documents.factories import handout_body
from documents.models import HandoutPage, PdfVersion, RenderJob


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", password="x-geheim-123")
    client.force_login(user)
    return user


@pytest.fixture
def failed_job(make_handout, monkeypatch):
    monkeypatch.setattr(pipeline, "send_job", lambda job_id: True)
    page = make_handout("Kaputte Anleitung")
    job = RenderJob.objects.get(page=page)
    RenderJob.objects.filter(pk=job.pk).update(status="failed", error="WeasyPrint: Testfehler")
    return job


def test_job_index_filters_and_inspect(client, editor, failed_job):
    index = client.get("/admin/documents/renderjob/?status=failed")
    assert index.status_code == 200
    assert "Kaputte Anleitung" in index.text
    assert f"/admin/pdf/auftrag/{failed_job.pk}/wiederholen/" in index.text
    inspect = client.get(f"/admin/documents/renderjob/inspect/{failed_job.pk}/")
    assert inspect.status_code == 200
    assert "Testfehler" in inspect.text
    done = client.get("/admin/documents/renderjob/?status=done").text
    assert f"/admin/pdf/auftrag/{failed_job.pk}/wiederholen/" not in done


def test_retry_renders_the_live_revision_not_the_failed_one(
    client, editor, make_handout, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(pipeline, "send_job", lambda job_id: sent.append(job_id) or True)
    page = make_handout("Zweimal überarbeitet", text="Alte Fassung")
    failed = RenderJob.objects.get(page=page)
    RenderJob.objects.filter(pk=failed.pk).update(status="failed", error="WeasyPrint: Testfehler")
    page.body = handout_body("Neue Fassung")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert pipeline.run_job(sent.pop()) == "done"  # version 1: the new revision

    url = f"/admin/pdf/auftrag/{failed.pk}/wiederholen/"
    assert "Testfehler" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert len(sent) == 1 and sent[0] != failed.pk
    assert RenderJob.objects.get(pk=sent[0]).revision_id == page.live_revision_id
    pipeline.run_job(sent[0])
    assert [(v.version, v.revision_id) for v in PdfVersion.objects.filter(page=page)] == [
        (1, page.live_revision_id)
    ]
    failed.refresh_from_db()
    assert failed.status == "failed" and "Testfehler" in failed.error


def test_version_index_and_edit_panel(client, editor, make_handout):
    page = make_handout("Mit PDF")
    pipeline.run_job(RenderJob.objects.get(page=page).pk)
    versions = client.get("/admin/documents/pdfversion/")
    assert versions.status_code == 200
    assert f"/pdf/{page.pk}/v1/" in versions.text
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/pdf/{page.pk}/status/" in edit.text
    assert "Neu erzeugen" in edit.text


def test_status_endpoint_needs_edit_permission(client, make_handout, django_user_model):
    page = make_handout()
    user = django_user_model.objects.create_user("gast", password="x-geheim-123")
    client.force_login(user)
    assert client.get(f"/admin/pdf/{page.pk}/status/").status_code in (302, 403)


def test_demo_is_idempotent(home_page, django_capture_on_commit_callbacks, monkeypatch):
    from partners import demo as partners_demo

    monkeypatch.setattr(pipeline, "send_job", lambda job_id: True)
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


def test_synthetic_handouts(home_page, monkeypatch):
    monkeypatch.setattr(pipeline, "send_job", lambda job_id: True)
    demo.load_synthetic(2, io.StringIO())
    demo.load_synthetic(2, io.StringIO())
    titles = sorted(HandoutPage.objects.values_list("title", flat=True))
    assert titles == [
        "Beispiel-Handlungsanleitung 001 (Testdaten)",
        "Beispiel-Handlungsanleitung 002 (Testdaten)",
    ]
