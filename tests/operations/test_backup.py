"""Back up the demo site, lose the database and the media, restore: everything answers as
before. Each step is a command of its own against databases of its own, as an operator
runs them."""

import hashlib
import json
import os
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from harness import Database, HarnessError, child_env, manage_command, run
from operations.backup import backup

pytestmark = pytest.mark.integration

# Every page answers, every PDF version downloads with its recorded sha256; the render
# history as rows. Run in the site's own process against its database.
SURVEY = r"""
import hashlib, json
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from documents.models import PdfVersion, RenderJob
reader, _ = get_user_model().objects.get_or_create(
    username="pruefung", defaults={"is_superuser": True, "is_staff": True})
client = Client()
client.force_login(reader)
pages = {}
for page in Page.objects.live().filter(depth__gt=1).specific():
    if url := page.get_url():
        pages[url] = client.get(url).status_code
pdfs = {}
for v in PdfVersion.objects.order_by("page_id", "version"):
    response = client.get(f"/pdf/{v.page_id}/v{v.version}/")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    same = hashlib.sha256(body).hexdigest() == v.sha256
    pdfs[f"{v.page_id}/v{v.version}"] = [response.status_code, same]
rows = RenderJob.objects.order_by("pk")
jobs = list(rows.values_list("pk", "page_id", "status", "pdf_version_id"))
print(json.dumps({"pages": pages, "pdfs": pdfs, "jobs": jobs}))
"""


def site_env(database: Database, media) -> dict[str, str]:
    return child_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=database.url,
        MEDIA_ROOT=media,
        # The demo's publishes queue render jobs on a broker nobody consumes here.
        REDIS_URL="redis://127.0.0.1:6379/13",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/13",
        PAGE_CACHE_ENABLED="False",
    )


def manage(env, log, *args) -> str:
    return run(manage_command(*args), env, log, timeout=900)


def survey(env, log) -> dict:
    return json.loads(manage(env, log, "shell", "-c", SURVEY).strip().splitlines()[-1])


def test_backup_and_restore_bring_the_demo_site_back(tmp_path):
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/una")
    backup_dir = tmp_path / "sicherung"
    with Database(server, prefix="una_backup") as original:
        env = site_env(original, tmp_path / "media")
        original.migrate(env, tmp_path / "migrate.log")
        manage(env, tmp_path / "demo.log", "load_demo")
        manage(env, tmp_path / "render.log", "render_pdfs", "--sync")
        before = survey(env, tmp_path / "before.log")
        out = manage(env, tmp_path / "backup.log", "backup", str(backup_dir))
        assert "Gesichert nach" in out
    shutil.rmtree(tmp_path / "media")  # the database is dropped, the disk is lost

    assert before["pdfs"] and all(found == [200, True] for found in before["pdfs"].values())
    assert before["pages"] and set(before["pages"].values()) == {200}
    with Database(server, prefix="una_restore") as empty:
        env = site_env(empty, tmp_path / "new-media")
        out = manage(env, tmp_path / "restore.log", "restore", str(backup_dir))
        assert "Wiederhergestellt aus" in out
        after = survey(env, tmp_path / "after.log")
        assert after == before
        with pytest.raises(HarnessError, match="nicht leer"):
            manage(env, tmp_path / "again.log", "restore", str(backup_dir))


def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path):
    backup_dir = tmp_path / "sicherung"
    (backup_dir / "media").mkdir(parents=True)
    (backup_dir / "database.dump").write_bytes(b"kaputt")
    manifest = {"database": {"file": "database.dump", "size": 6, "sha256": "0" * 64}, "media": {}}
    (backup_dir / "manifest.json").write_text(json.dumps(manifest))
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/una")
    with Database(server, prefix="una_restore") as empty:
        env = site_env(empty, tmp_path / "media")
        with pytest.raises(HarnessError, match="beschädigt: database.dump"):
            manage(env, tmp_path / "restore.log", "restore", str(backup_dir))


@pytest.mark.django_db
def test_the_backup_copies_the_objects_of_the_bucket(s3_media, tmp_path):
    names = [
        default_storage.save("pdf/abc/handout-v1.pdf", ContentFile(b"%PDF-1.7 eins")),
        default_storage.save("original_images/treffen.jpg", ContentFile(b"\xff\xd8 Bild")),
    ]
    summary = backup(tmp_path / "sicherung")
    manifest = json.loads((tmp_path / "sicherung" / "manifest.json").read_text())
    assert sorted(manifest["media"]) == sorted(names)
    assert summary.files == 2
    for name in names:
        copy = (tmp_path / "sicherung" / "media" / name).read_bytes()
        assert manifest["media"][name]["sha256"] == hashlib.sha256(copy).hexdigest()
