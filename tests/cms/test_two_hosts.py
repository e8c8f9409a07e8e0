"""Workers on other machines: two workers with their own, empty MEDIA_ROOTs, one web process,
no shared disk, only PostgreSQL, Redis and the bucket in common.

The test process plays the editor's web host (its MEDIA_ROOT is a third empty folder):
the image it uploads is in the bucket only, so a worker can only put it into the PDF by
reading the bucket. Every PDF, whichever worker rendered it, downloads through the web
process with the sha256 the ledger recorded.
"""

import hashlib
import io
import secrets
import urllib.request

import pikepdf
import pytest

from documents import pipeline
from documents.models import PdfVersion
from harness import Process, child_env, free_port, web_command
from tests.documents.helpers import wait_for
from tests.factories import (
    CustomImageFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
)

pytestmark = pytest.mark.integration


def image_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        return sum(1 for o in streams if o.get("/Subtype") == "/Image")


@pytest.fixture
def web(worker_env, s3_media, tmp_path):
    port = free_port()
    env = child_env(worker_env, **s3_media.env(), MEDIA_ROOT=tmp_path / "web-media")
    (tmp_path / "web-media").mkdir()
    process = Process("web", web_command(port, workers=1), env, tmp_path / "web.log").start()
    process.wait_for_http(f"http://127.0.0.1:{port}/health/web/", 90)
    yield f"http://127.0.0.1:{port}", tmp_path / "web-media"
    process.stop()


def test_pdfs_rendered_on_either_worker_download_through_web(
    web, s3_media, celery_worker_process, home_page, tmp_path
):
    base_url, web_media = web
    hosts = [tmp_path / "host-a", tmp_path / "host-b"]
    workers = []
    for media in hosts:
        media.mkdir()
        extra = {**s3_media.env(), "MEDIA_ROOT": str(media)}
        workers.append(celery_worker_process(render_delay=1.5, **extra))

    color = tuple(secrets.randbelow(256) for _ in range(3))
    image = CustomImageFactory(title="Netzwerktreffen", file__color=color)
    assert image.file.name in s3_media.keys("original_images/")
    index = HandoutIndexPageFactory(parent=home_page)
    pages = []
    for number in range(4):
        page = HandoutPageFactory(
            parent=index,
            title=f"Handlungsanleitung {number}",
            body=[{"type": "figure", "value": {"image": image.pk, "alt_text": "Treffen"}}],
        )
        page.save_revision().publish()
        pages.append(page)

    wait_for(
        lambda: PdfVersion.objects.filter(page__in=pages).count() == len(pages),
        180,
        0.5,
        "PDFs from the two workers",
    )
    rendered_by = [worker.render_tasks()[1] for worker in workers]
    assert all(count >= 1 for count in rendered_by), rendered_by
    for page in pages:
        version = pipeline.latest_version(page)
        assert version.file.name in s3_media.keys("pdf/")
        with urllib.request.urlopen(f"{base_url}/pdf/{page.pk}/", timeout=30) as response:
            data = response.read()
        assert hashlib.sha256(data).hexdigest() == version.sha256
        assert image_count(data) >= 1, "the worker did not read the image from the bucket"
    for media in [*hosts, web_media]:
        assert not any(path.is_file() for path in media.rglob("*")), media
