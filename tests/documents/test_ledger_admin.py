"""The render jobs and PDF versions as German editors read them (at 1366 px, too)."""

import re
from datetime import UTC, datetime

import pytest

from documents import pipeline
from documents.models import PdfVersion, RenderJob
from documents.status import UNCHANGED, page_pdf_status

pytestmark = pytest.mark.django_db

JOBS = "/admin/documents/renderjob/"


@pytest.fixture
def done_job(make_handout, sent_jobs):
    page = make_handout("Mit PDF")
    job = RenderJob.objects.get(page=page)
    assert pipeline.run_job(job.pk) == "done"
    job.refresh_from_db()
    return job


def test_job_list_has_no_raw_column_titles_or_lowercase_placeholder(client, editor_user, done_job):
    client.force_login(editor_user)
    text = client.get(JOBS).text
    assert re.search(r">\s*Pk\s*<", text) is None
    assert 'placeholder="Render-Aufträge durchsuchen"' in text
    assert "render-aufträge" not in text
    assert re.search(r">\s*Nr\.\s*<", text)


def test_job_detail_names_the_job_and_its_revision(client, editor_user, done_job):
    client.force_login(editor_user)
    text = client.get(f"{JOBS}inspect/{done_job.pk}/").text
    assert f"Render-Auftrag {done_job.pk} – fertig" in text
    assert f"Nr. {done_job.revision_id} vom " in text
    assert "Zurück zu den Render-Aufträgen" in text
    assert "Ansehen #" not in text
    assert not re.search(r">\s*(True|False)\s*<", text)
    assert re.search(r">\s*nein\s*<", text), "force is shown as ja/nein"
    assert re.search(r">\s*Erzwingen\s*<", text), "labels start with a capital"


def test_list_and_detail_show_berlin_time(client, editor_user, done_job):
    summer_morning_utc = datetime(2026, 6, 1, 10, 5, tzinfo=UTC)
    RenderJob.objects.filter(pk=done_job.pk).update(created_at=summer_morning_utc)
    client.force_login(editor_user)
    assert "01.06.2026 12:05" in client.get(JOBS).text
    assert "01.06.2026 12:05" in client.get(f"{JOBS}inspect/{done_job.pk}/").text


def test_rerender_of_unchanged_content_says_so(client, editor_user, done_job, sent_jobs):
    page = done_job.page.specific
    job = pipeline.request_render(page, reason=RenderJob.Reason.MANUAL, force=True)
    assert pipeline.run_job(job.pk) == "done"
    assert PdfVersion.objects.filter(page=page).count() == 1
    assert page_pdf_status(page)["job"]["status_label"] == str(UNCHANGED)
    client.force_login(editor_user)
    detail = client.get(f"{JOBS}inspect/{job.pk}/").text
    assert f"Render-Auftrag {job.pk} – Unverändert – keine neue Version nötig" in detail
    assert "Unverändert – keine neue Version nötig" in client.get(JOBS).text
    edit = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert "Unverändert – keine neue Version nötig" in edit


def test_first_render_is_not_called_unchanged(done_job):
    assert page_pdf_status(done_job.page)["job"]["status_label"] == "fertig"


def test_ledgers_cannot_be_added_to_or_edited(client, editor_user, done_job):
    client.force_login(editor_user)
    assert client.get(JOBS).status_code == 200
    for url in (f"{JOBS}create/", f"{JOBS}edit/{done_job.pk}/", f"{JOBS}delete/{done_job.pk}/"):
        assert client.get(url).status_code in (302, 403), url
    assert RenderJob.objects.filter(pk=done_job.pk).exists()


def test_version_detail_is_readable(client, editor_user, done_job):
    version = done_job.pdf_version
    client.force_login(editor_user)
    text = client.get(f"/admin/documents/pdfversion/inspect/{version.pk}/").text
    assert f"Version 1 von „{done_job.page.title}“" in text
    assert "Zurück zu den PDF-Versionen" in text
    assert f"Nr. {version.revision_id} vom " in text


def test_handout_pdf_status_has_its_own_tab(client, editor_user, done_job):
    client.force_login(editor_user)
    text = client.get(f"/admin/pages/{done_job.page_id}/edit/").text
    content_tab, pdf_tab = text.split('id="tab-inhalt"')[1], text.split('id="tab-pdf"')[1]
    assert "documents-pdf-panel" in pdf_tab.split('id="tab-einstellungen"')[0]
    assert "documents-pdf-panel" not in content_tab.split('id="tab-veroffentlichung"')[0]


def test_job_detail_names_the_entry_behind_a_dependency_render(
    client, editor_user, make_handout, partner, sent_jobs
):
    page = make_handout("Mit Partner", partner=partner)
    job = pipeline.request_render(page, reason=RenderJob.Reason.DEPENDENCY, cause=partner)
    client.force_login(editor_user)
    text = client.get(f"{JOBS}inspect/{job.pk}/").text
    assert re.search(r">\s*Auslöser\s*<", text)
    assert "Beratungsstelle Beispiel" in text
