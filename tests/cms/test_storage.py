"""Media in a real S3 bucket (SeaweedFS): private objects, site URLs, the same downloads."""

import hashlib
import io
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.images import get_image_model

from cms.storage import MediaBucketStorage
from documents import pipeline
from documents.models import PdfVersion, RenderJob
from harness import S3Server
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory, PdfVersionFactory

pytestmark = pytest.mark.django_db


def anonymous_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_objects_are_private_and_urls_stay_on_the_site(s3_media):
    name = default_storage.save("documents/merkblatt.txt", ContentFile(b"Merkblatt"))
    assert isinstance(default_storage._wrapped, MediaBucketStorage)
    assert s3_media.keys("documents/") == [name]
    assert default_storage.url(name) == f"/media/{name}"
    assert anonymous_status(f"{s3_media.endpoint_url}/{s3_media.bucket}/{name}") == 403
    presigned = default_storage.presigned_url(name)
    assert "X-Amz-Expires=60" in presigned
    with urllib.request.urlopen(presigned, timeout=5) as response:
        assert response.read() == b"Merkblatt"


def test_a_pdf_in_the_bucket_downloads_with_etag_and_304(client, s3_media, home_page):
    page = HandoutPageFactory(parent=HandoutIndexPageFactory(parent=home_page))
    content = b"%PDF-1.7 aus dem Bucket"
    version = PdfVersionFactory(
        page=page, content=content, sha256=hashlib.sha256(content).hexdigest()
    )
    assert s3_media.keys("pdf/") == [version.file.name]
    response = client.get(f"/pdf/{page.pk}/v{version.version}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["ETag"] == f'"{version.sha256}"'
    again = client.get(f"/pdf/{page.pk}/v{version.version}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_images_in_the_bucket_are_served_by_their_access_rule(client, s3_media, files, users):
    public = files["public_image"].get_rendition("width-40")
    restricted = files["restricted_image"].get_rendition("width-40")
    assert public.file.name in s3_media.keys("images/")
    assert restricted.file.name in s3_media.keys("restricted_images/")

    response = client.get(public.url)
    assert response.status_code == 200
    with s3_media.client().get_object(Bucket=s3_media.bucket, Key=public.file.name)["Body"] as obj:
        assert b"".join(response.streaming_content) == obj.read()
    assert response["Cache-Control"].startswith("public")
    since = client.get(public.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304

    original = f"/media/{files['restricted_image'].file.name}"
    for url in (restricted.url, original):
        assert client.get(url).status_code == 404
    client.force_login(users["staff_a"])
    for url in (restricted.url, original):
        allowed = client.get(url)
        assert allowed.status_code == 200
        assert allowed["Cache-Control"].startswith("private")


def test_a_bucket_that_is_down_leaves_the_render_retryable(
    s3_media, settings, home_page, sent_jobs, tmp_path
):
    page = HandoutPageFactory(parent=HandoutIndexPageFactory(parent=home_page))
    page.save_revision().publish()
    job = RenderJob.objects.filter(page=page).latest("pk")
    down = S3Server(tmp_path).start()
    for name, value in down.env().items():
        setattr(settings, name, value)
    settings.STORAGES = {**settings.STORAGES}  # a new storage object for the new endpoint
    down.stop()

    with pytest.raises(pipeline.StorageUnavailable):
        pipeline.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.PENDING
    assert not PdfVersion.objects.filter(page=page).exists()

    for name, value in s3_media.env().items():  # the bucket is back
        setattr(settings, name, value)
    settings.STORAGES = {**settings.STORAGES}
    assert pipeline.run_job(job.pk) == "done"
    version = PdfVersion.objects.get(page=page)
    assert version.file.name in s3_media.keys("pdf/")
    assert version.file_exists()


def test_demo_content_and_all_pdfs_live_in_the_bucket(s3_media, sent_jobs, settings):
    call_command("load_demo", stdout=io.StringIO())
    call_command("render_pdfs", "--sync", stdout=io.StringIO())
    versions = list(PdfVersion.objects.all())
    assert versions, "load_demo made no page with a PDF"
    stored = set(s3_media.keys())
    assert {version.file.name for version in versions} <= stored
    image_files = {image.file.name for image in get_image_model().objects.all()}
    assert image_files and image_files <= stored
    assert not any(path.is_file() for path in Path(settings.MEDIA_ROOT).rglob("*"))
