"""Contract tests of the PDF versions router and the access rule for restricted handouts."""

import pytest

from documents.models import RenderJob
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_versions_of_a_public_handout(client, handouts, versions):
    page = handouts["public"]
    response = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/")
    assert response.status_code == 200
    data = response.json()
    assert data["page"] == {"id": page.pk, "title": page.title, "type": "documents.HandoutPage"}
    assert data["count"] == 2
    assert [item["version"] for item in data["items"]] == [2, 1]
    latest = data["items"][0]
    assert latest["sha256"] == "a" * 64
    assert latest["size"] == 8
    assert latest["page_count"] == 2
    assert latest["download_url"].endswith(f"/pdf/{page.pk}/v2/")
    assert data["latest_job"]["status"] == "done"
    assert data["latest_job"]["error"] is None


def test_latest_version_can_be_downloaded(client, handouts, versions):
    page = handouts["public"]
    latest = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/latest/").json()
    assert latest["version"] == 2
    download = client.get(latest["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_version_detail_and_unknown_version(client, handouts, versions):
    page = handouts["public"]
    response = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/1/")
    assert response.status_code == 200
    assert response.json()["version"] == 1
    missing = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/9/")
    assert missing.status_code == 404
    assert missing.json()["detail"]


def test_job_status(client, handouts, versions):
    job = RenderJob.objects.filter(page=handouts["public"]).get()
    response = client.get(f"/api/v3/pdf/jobs/{job.pk}/")
    assert response.status_code == 200
    assert response.json()["status"] == "done"


@pytest.mark.parametrize("suffix", ["versions/", "versions/latest/", "versions/1/"])
def test_restricted_versions_are_404_without_authorisation(
    client, handouts, versions, plain_user, suffix
):
    page = handouts["restricted"]
    url = f"/api/v3/pdf/pages/{page.pk}/{suffix}"
    anonymous = client.get(url)
    assert anonymous.status_code == 404
    assert anonymous.json()["status"] == 404
    assert client.get(url, **bearer(plain_user)).status_code == 404


def test_restricted_versions_present_for_partner_staff(
    client, handouts, versions, partner_staff_user
):
    page = handouts["restricted"]
    response = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/", **bearer(partner_staff_user))
    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_restricted_job_is_404_for_anonymous(client, handouts, versions, partner_staff_user):
    job = RenderJob.objects.filter(page=handouts["restricted"]).get()
    assert client.get(f"/api/v3/pdf/jobs/{job.pk}/").status_code == 404
    assert (
        client.get(f"/api/v3/pdf/jobs/{job.pk}/", **bearer(partner_staff_user)).status_code == 200
    )


def test_render_again_needs_a_token_with_edit_permission(
    client, handouts, versions, partner_staff_user, editor_user
):
    page = handouts["public"]
    url = f"/api/v3/pdf/pages/{page.pk}/render/"
    assert client.post(url).status_code == 401
    assert client.post(url, **bearer(partner_staff_user)).status_code == 403
    response = client.post(url, **bearer(editor_user))
    assert response.status_code == 202
    job = RenderJob.objects.get(pk=response.json()["id"])
    assert job.reason == RenderJob.Reason.MANUAL
    assert job.force is True
    assert job.status == RenderJob.Status.PENDING


def test_render_again_of_a_page_without_pdf_is_409(client, home_page, editor_user):
    response = client.post(f"/api/v3/pdf/pages/{home_page.pk}/render/", **bearer(editor_user))
    assert response.status_code == 409
    assert response.json()["detail"]


def test_restricted_handout_absent_from_pages_without_token(client, handouts):
    listing = client.get("/api/v3/pages/?type=documents.HandoutPage")
    assert listing.status_code == 200
    titles = [item["title"] for item in listing.json()["items"]]
    assert titles == ["Offene Anleitung"]
    detail = client.get(f"/api/v3/pages/{handouts['restricted'].pk}/")
    assert detail.status_code == 404
    everything = client.get("/api/v3/pages/?limit=100").content.decode()
    assert "Interne Anleitung" not in everything


def test_restricted_handout_present_with_editor_token(client, handouts, editor_user):
    listing = client.get("/api/v3/pages/?type=documents.HandoutPage", **bearer(editor_user))
    titles = sorted(item["title"] for item in listing.json()["items"])
    assert titles == ["Interne Anleitung", "Offene Anleitung"]
    detail = client.get(f"/api/v3/pages/{handouts['restricted'].pk}/", **bearer(editor_user))
    assert detail.status_code == 200
    assert detail.json()["title"] == "Interne Anleitung"


def test_partner_staff_token_reads_public_pages_and_restricted_handouts(
    client, handouts, partner_staff_user
):
    listing = client.get("/api/v3/pages/?type=documents.HandoutPage", **bearer(partner_staff_user))
    assert listing.status_code == 200
    titles = sorted(item["title"] for item in listing.json()["items"])
    assert titles == ["Interne Anleitung", "Offene Anleitung"]
    detail = client.get(f"/api/v3/pages/{handouts['restricted'].pk}/", **bearer(partner_staff_user))
    assert detail.status_code == 200
    for query in ("search=Anleitung", "ordering=-title", "child_of=root", "limit=1&offset=1"):
        response = client.get(f"/api/v3/pages/?{query}", **bearer(partner_staff_user))
        assert response.status_code == 200, query


def test_other_tokens_do_not_see_restricted_handouts_nor_drafts(
    client, handouts, plain_user, partner_staff_user
):
    listing = client.get("/api/v3/pages/?type=documents.HandoutPage", **bearer(plain_user))
    assert [item["title"] for item in listing.json()["items"]] == ["Offene Anleitung"]
    restricted = client.get(f"/api/v3/pages/{handouts['restricted'].pk}/", **bearer(plain_user))
    assert restricted.status_code == 404
    public = handouts["public"]
    assert client.get(f"/api/v3/pages/{public.pk}/", **bearer(plain_user)).status_code == 200
    draft = client.get(f"/api/v3/pages/{public.pk}/?version=draft", **bearer(partner_staff_user))
    assert draft.status_code == 404
