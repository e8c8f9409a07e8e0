"""Uploads through the Wagtail admin: content must match the extension, no decompression bombs."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Collection

from security.uploads import validate_upload_content

pytestmark = pytest.mark.django_db

HTML_AS_PDF = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>"
REAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims a huge picture: Pillow refuses it before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * 4))
        + chunk(b"IEND", b"")
    )


def small_png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6f4e").save(buffer, "PNG")
    return buffer.getvalue()


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()]


def root_collection_id() -> int:
    return Collection.get_first_root_node().pk


def add_image(client, name: str, content: bytes, title: str = "Foto", content_type: str = ""):
    """The admin's single image upload form, as an editor sends it."""
    upload = SimpleUploadedFile(name, content, content_type or "application/octet-stream")
    return client.post(
        "/admin/images/add/",
        {"title": title, "collection": root_collection_id(), "file": upload},
    )


def test_html_disguised_as_pdf_is_rejected_in_the_document_form(admin_client, media_root):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Kurzfassung",
            "collection": root_collection_id(),
            "file": SimpleUploadedFile("kurzfassung.pdf", HTML_AS_PDF, "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "„kurzfassung.pdf“ ist keine echte .pdf-Datei" in response.text
    assert "HTML- oder Skript-Code" in response.text
    assert 'value="Kurzfassung"' in response.text, "the title the editor typed is kept"
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_html_disguised_as_pdf_is_rejected_by_the_multiple_uploader(admin_client, media_root):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("flyer.pdf", HTML_AS_PDF, "application/pdf")},
    )
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is False
    assert "keine echte .pdf-Datei" in result["error_message"]
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_real_pdf_is_accepted(admin_client, media_root):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Kurzfassung",
            "collection": root_collection_id(),
            "file": SimpleUploadedFile("kurzfassung.pdf", REAL_PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.read() == REAL_PDF


def test_oversized_document_is_rejected_in_german(admin_client, settings, media_root):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Groß",
            "collection": root_collection_id(),
            "file": SimpleUploadedFile("gross.pdf", REAL_PDF + b"0" * 2048, "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.text
    assert Document.objects.count() == 0


def test_decompression_bomb_is_rejected_in_the_image_form(admin_client, media_root):
    response = add_image(admin_client, "treffen.png", png_bomb(), "Netzwerktreffen", "image/png")
    assert response.status_code == 200
    assert "Dieses Bild hat zu viele Pixel" in response.text
    assert get_image_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_decompression_bomb_is_rejected_by_the_multiple_uploader(admin_client, media_root):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("treffen.png", png_bomb(), "image/png")},
    )
    result = response.json()
    assert result["success"] is False
    assert "zu viele Pixel" in result["error_message"]
    assert get_image_model().objects.count() == 0


def test_image_over_the_pixel_limit_is_rejected(admin_client, settings, media_root):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = add_image(admin_client, "foto.png", small_png(), "Foto", "image/png")
    assert "Dieses Bild hat zu viele Pixel (1200)" in response.text
    assert get_image_model().objects.count() == 0


def test_html_renamed_to_png_is_no_image(admin_client, media_root):
    response = add_image(admin_client, "foto.png", HTML_AS_PDF, "Foto", "image/png")
    assert response.status_code == 200
    assert get_image_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_pillow_refuses_bombs_everywhere(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == PILImage.MAX_IMAGE_PIXELS
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(png_bomb()))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("handout.pdf", b"PK\x03\x04" + b"\x00" * 60, "content_mismatch"),
        ("liste.xlsx", REAL_PDF, "content_mismatch"),
        ("video.mp4", b"\x00" * 64, "content_mismatch"),
        ("notiz.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not_text"),
        ("notiz.txt", b"  <svg onload=alert(1)>", "markup_upload"),
        ("bericht.docx", b"\xef\xbb\xbf<html><body>x</body></html>", "markup_upload"),
    ],
)
def test_content_that_does_not_fit_the_extension_is_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_upload_content(io.BytesIO(content), name)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("handout.pdf", REAL_PDF),
        ("notiz.txt", "Öffnungszeiten: Mo–Fr 9–12 Uhr".encode()),
        ("foto.png", small_png()),
    ],
)
def test_content_that_fits_passes(name, content):
    file = io.BytesIO(content)
    validate_upload_content(file, name)
    assert file.tell() == 0, "the file is rewound for storage"


def test_svg_with_script_is_no_accepted_image(admin_client, media_root):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add_image(admin_client, "logo.svg", svg, "Logo", "image/svg+xml")
    assert response.status_code == 200
    assert "Nicht unterstütztes Bildformat" in response.text
    assert get_image_model().objects.count() == 0


def gif(width: int = 60, height: int = 40) -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((width, height), 60).convert("P").save(buffer, "GIF")
    return buffer.getvalue()


BROKEN_GIFS = {
    "header only": b"GIF89a" + b"\x00" * 20,
    "garbage after the screen descriptor": b"GIF89a\x01\x00\x01\x00" + b"kaputt" * 5,
    "an unknown block after the header": b"GIF89a\x3c\x00\x28\x00\x00\x00\x00" + b"\xff" * 40,
}


@pytest.mark.parametrize("content", BROKEN_GIFS.values(), ids=BROKEN_GIFS.keys())
def test_broken_gif_is_a_german_form_error_in_the_image_form(admin_client, media_root, content):
    response = add_image(admin_client, "treffen.gif", content, "Netzwerktreffen", "image/gif")
    assert response.status_code == 200
    assert "„treffen.gif“ lässt sich nicht als Bild öffnen" in response.text
    assert 'value="Netzwerktreffen"' in response.text, "the title the editor typed is kept"
    assert get_image_model().objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize("content", BROKEN_GIFS.values(), ids=BROKEN_GIFS.keys())
def test_broken_gif_is_refused_by_the_multiple_uploader(admin_client, content):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("treffen.gif", content, "image/gif")},
    )
    result = response.json()
    assert result["success"] is False
    assert "lässt sich nicht als Bild öffnen" in result["error_message"]
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("content", BROKEN_GIFS.values(), ids=BROKEN_GIFS.keys())
def test_broken_gif_is_a_problem_response_in_the_api(client, admin_user, media_root, content):
    from wagtail.models import APIToken

    _, token = APIToken.create_token(user=admin_user, name="upload")
    response = client.post(
        "/api/v3/images/",
        {"title": "Netzwerktreffen", "file": SimpleUploadedFile("treffen.gif", content)},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert "lässt sich nicht als Bild öffnen" in response.text
    assert get_image_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_intact_gif_is_accepted_by_form_and_api(admin_client, client, admin_user):
    from wagtail.models import APIToken, Collection

    response = add_image(admin_client, "treffen.gif", gif(), "Treffen", "image/gif")
    assert response.status_code == 302
    _, token = APIToken.create_token(user=admin_user, name="upload")
    response = client.post(
        "/api/v3/images/",
        {
            "title": "Treffen 2",
            "file": SimpleUploadedFile("treffen-2.gif", gif()),
            # Two collections exist (the partner staff one comes from a migration).
            "collection_id": Collection.get_first_root_node().pk,
        },
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.text
    assert response.json()["width"] == 60
    assert get_image_model().objects.count() == 2
