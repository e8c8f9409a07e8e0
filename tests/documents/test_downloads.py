"""Downloads: headers, conditional GET, versions, restricted handouts."""

import re

import pytest
from django.contrib.auth.models import Group

from documents import pipeline
from documents.access import can_download
from documents.models import PdfVersion, RenderJob


@pytest.fixture
def rendered(make_handout):
    def make(**kwargs):
        page = make_handout(**kwargs)
        pipeline.run_job(RenderJob.objects.filter(page=page).latest("created_at").pk)
        return page

    return make


def test_latest_download_headers(client, rendered):
    page = rendered(title="Gut beraten", slug="gut-beraten")
    version = pipeline.latest_version(page)
    response = client.get(f"/pdf/{page.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="gut-beraten-v1.pdf"' in response["Content-Disposition"]
    assert response["ETag"] == f'"{version.sha256}"'
    assert "Last-Modified" in response
    assert "no-cache" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and len(body) == version.size


def test_conditional_get_returns_304(client, rendered):
    page = rendered()
    etag = client.get(f"/pdf/{page.pk}/")["ETag"]
    response = client.get(f"/pdf/{page.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


@pytest.mark.usefixtures("sent_jobs")
def test_numbered_versions(client, rendered, django_capture_on_commit_callbacks):
    page = rendered(title="Erste Fassung")
    page.title = "Zweite Fassung"
    page.save_revision().publish()
    pipeline.run_job(RenderJob.objects.filter(page=page).latest("created_at").pk)
    v1 = client.get(f"/pdf/{page.pk}/v1/")
    v2 = client.get(f"/pdf/{page.pk}/v2/")
    assert v1.status_code == v2.status_code == 200
    assert v1["ETag"] != v2["ETag"]
    assert v1["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert client.get(f"/pdf/{page.pk}/")["ETag"] == v2["ETag"]
    assert client.get(f"/pdf/{page.pk}/v3/").status_code == 404


def test_public_version_is_revalidated_and_refused_once_restricted(client, rendered):
    """Shared caches keep a public version briefly; revalidating after a restriction fails."""
    page = rendered(title="Bald intern")
    first = client.get(f"/pdf/{page.pk}/v1/")
    assert "immutable" not in first["Cache-Control"]
    assert "must-revalidate" in first["Cache-Control"]
    etag = first["ETag"]
    assert client.get(f"/pdf/{page.pk}/v1/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    page.only_for_partner_staff = True
    page.save_revision().publish()
    assert client.get(f"/pdf/{page.pk}/v1/", HTTP_IF_NONE_MATCH=etag).status_code == 404


@pytest.mark.usefixtures("sent_jobs")
def test_stored_names_cannot_be_guessed_download_names_can(
    client, rendered, django_capture_on_commit_callbacks
):
    """Storage: pdf/<page>/<random token>/<slug>-v<n>.pdf; the download keeps <slug>-v<n>.pdf."""
    page = rendered(title="Gut beraten", slug="gut-beraten")
    page.title = "Gut beraten, zweite Fassung"
    page.save_revision().publish()
    pipeline.run_job(RenderJob.objects.filter(page=page).latest("created_at").pk)
    names = [v.file.name for v in PdfVersion.objects.filter(page=page).order_by("version")]
    pattern = rf"pdf/{page.pk}/([A-Za-z0-9_-]{{22}})/gut-beraten-v(\d)\.pdf"
    matches = [re.fullmatch(pattern, name) for name in names]
    assert all(matches), names
    assert [m.group(2) for m in matches] == ["1", "2"]
    assert matches[0].group(1) != matches[1].group(1)
    response = client.get(f"/pdf/{page.pk}/v2/")
    assert 'filename="gut-beraten-v2.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_restricted_handout_only_for_partner_staff(
    client, rendered, partner_staff_user, plain_user
):
    page = rendered(only_for_partner_staff=True)
    assert client.get(f"/pdf/{page.pk}/").status_code == 404
    assert client.get(f"/pdf/{page.pk}/v1/").status_code == 404
    # The page itself sends anonymous visitors to the login (page privacy); PDFs stay 404.
    assert client.get(page.url).status_code == 302
    client.force_login(plain_user)
    assert client.get(f"/pdf/{page.pk}/").status_code == 404
    client.force_login(partner_staff_user)
    response = client.get(f"/pdf/{page.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    # Numbered versions too: every re-download revalidates, so the audit sees it.
    numbered = client.get(f"/pdf/{page.pk}/v1/")
    assert numbered["Cache-Control"] == "private, no-cache"


def test_can_download_rules(rendered, partner_staff_user, superuser):
    public = rendered(title="Öffentlich")
    restricted = rendered(title="Intern", only_for_partner_staff=True)
    anonymous = type("Anon", (), {"is_authenticated": False, "is_active": False})()
    assert can_download(anonymous, public)
    assert not can_download(anonymous, restricted)
    assert can_download(partner_staff_user, restricted)
    assert can_download(superuser, restricted)
    partner_staff_user.groups.set(Group.objects.none())
    assert not can_download(partner_staff_user, restricted)


def test_unknown_or_unrendered_is_404(client, make_handout):
    page = make_handout()
    assert client.get(f"/pdf/{page.pk}/").status_code == 404
    assert client.get("/pdf/999999/").status_code == 404


@pytest.mark.usefixtures("sent_jobs")
def test_admin_status_endpoint_and_rerender(admin_client, rendered):
    page = rendered()
    status = admin_client.get(f"/admin/pdf/{page.pk}/status/").json()
    assert status["job"]["status"] == "done"
    assert status["versions"][0]["url"] == f"/pdf/{page.pk}/v1/"
    response = admin_client.post(f"/admin/pdf/{page.pk}/neu-erzeugen/")
    assert response.status_code == 302
    job = RenderJob.objects.filter(page=page).latest("created_at")
    assert job.force and job.reason == "manual" and job.status == "pending"
