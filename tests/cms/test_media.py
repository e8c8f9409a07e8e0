"""Only image renditions are public under /media/; PDFs and documents never are."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_rendition_is_served_with_cache_headers(client, media_root):
    default_storage.save("images/bild.width-400.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"0" * 16))
    response = client.get("/media/images/bild.width-400.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "max-age=604800" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "pdf/18/erstansprache-bei-suchtproblemen-v1.pdf",
        "documents/handbuch.pdf",
        "original_images/bild.png",
        "images/../pdf/18/erstansprache-bei-suchtproblemen-v1.pdf",
    ],
)
def test_other_media_files_are_not_served(client, media_root, path):
    default_storage.save(path.replace("images/../", ""), ContentFile(b"%PDF-1.7 geheim"))
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
