"""Media in a real S3 bucket (SeaweedFS): private objects, site URLs, the same downloads."""

import hashlib
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms.storage import MediaBucketStorage
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
