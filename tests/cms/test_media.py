"""Under /media/ only images are served: public renditions plainly, the rest after a check.

PDFs and documents never are (they have their own access-checking views).
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_rendition_is_served_with_cache_headers(client, media_root):
    default_storage.save("images/bild.width-400.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"0" * 16))
    response = client.get("/media/images/bild.width-400.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"] == "public, max-age=300, must-revalidate"


@pytest.mark.parametrize(
    "path",
    [
        "pdf/18/erstansprache-bei-suchtproblemen-v1.pdf",
        "documents/handbuch.pdf",
        "original_images/bild.png",
        "restricted_images/bild.width-400.png",
        "images/../pdf/18/erstansprache-bei-suchtproblemen-v1.pdf",
    ],
)
def test_other_media_files_are_not_served(client, media_root, path):
    """Files no image or rendition row stands for are never served, whatever the folder."""
    default_storage.save(path.replace("images/../", ""), ContentFile(b"%PDF-1.7 geheim"))
    response = client.get(f"/media/{path}")
    assert response.status_code == 404


@pytest.mark.parametrize("folder", ["images", "restricted_images", "original_images"])
def test_odd_file_names_are_refused(client, folder):
    assert client.get(f"/media/{folder}/%00.png").status_code == 400  # NUL: before any view
    assert client.get(f"/media/{folder}/a%2Fb.png").status_code == 404
