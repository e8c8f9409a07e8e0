"""Upload checks for Wagtail documents and images.

Documents: Wagtail checks a document's extension and size but not its content, so an
HTML page renamed to ``.pdf`` would be served from our domain; the content must match
the file name's extension.

Images: Wagtail's image field opens every upload with Willow, compares the detected
format with the extension and enforces WAGTAILIMAGES_MAX_IMAGE_PIXELS, but Willow only
sniffs the first bytes. A file that starts like a GIF and then breaks made Pillow raise
in the middle of validation (a 500), or later when a rendition was made. The image form
(WAGTAILIMAGES_IMAGE_FORM_BASE) therefore decodes every raster upload once and answers
a broken one with a German form error; the admin (single and multiple upload, chooser)
and the API's image endpoint all build that form.
"""

from __future__ import annotations

import os
from typing import IO

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

HEAD_BYTES = 8192

# Extension -> MIME types its content may have (detected from magic bytes).
EXPECTED_TYPES: dict[str, frozenset[str]] = {
    "pdf": frozenset({"application/pdf"}),
    "odt": frozenset({"application/vnd.oasis.opendocument.text"}),
    "ods": frozenset({"application/vnd.oasis.opendocument.spreadsheet"}),
    "docx": frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    "xlsx": frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    "mp4": frozenset({"video/mp4", "video/x-m4v"}),
    "webm": frozenset({"video/webm"}),
    "jpg": frozenset({"image/jpeg"}),
    "jpeg": frozenset({"image/jpeg"}),
    "png": frozenset({"image/png"}),
}
TEXT_EXTENSIONS = frozenset({"txt", "csv"})

# Openings that make a browser treat the file as a page, with scripts, if it is ever
# served inline or sniffed.
MARKUP_OPENINGS = (
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<meta",
    b"<a ",
    b"<img",
    b"<style",
    b"<div",
    b"<!--",
)


def read_head(file: IO[bytes]) -> bytes:
    """The first bytes of an upload, leaving the file positioned at its start."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def looks_like_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf\xfe\xff\x00 \t\r\n").lower()
    return start.startswith(MARKUP_OPENINGS) or b"<script" in head.lower()


def describe(mime: str | None) -> str:
    if mime is None:
        return _("unbekannt")
    return mime


def validate_upload_content(file: IO[bytes], name: str) -> None:
    """Raise a German ValidationError unless the bytes of ``file`` fit the extension of ``name``."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    head = read_head(file)
    basename = os.path.basename(name)
    if looks_like_markup(head):
        raise ValidationError(
            _(
                "„%(name)s“ ist keine echte .%(extension)s-Datei: sie enthält HTML- oder "
                "Skript-Code. Solche Dateien werden aus Sicherheitsgründen nicht angenommen. "
                "Bitte laden Sie die Datei im richtigen Format hoch (zum Beispiel als PDF "
                "exportiert)."
            )
            % {"name": basename, "extension": extension},
            code="markup_upload",
        )
    if extension in TEXT_EXTENSIONS:
        validate_text(head, basename)
        return
    expected = EXPECTED_TYPES.get(extension)
    if expected is None:
        return
    detected = filetype.guess_mime(head)
    if detected not in expected:
        raise ValidationError(
            _(
                "Der Inhalt von „%(name)s“ passt nicht zur Endung .%(extension)s "
                "(erkannter Dateityp: %(detected)s). Bitte laden Sie eine echte "
                ".%(extension)s-Datei hoch."
            )
            % {"name": basename, "extension": extension, "detected": describe(detected)},
            code="content_mismatch",
        )


def validate_text(head: bytes, basename: str) -> None:
    if b"\x00" in head or filetype.guess(head) is not None:
        raise ValidationError(
            _("„%(name)s“ ist keine Textdatei. Bitte laden Sie reinen Text hoch.")
            % {"name": basename},
            code="not_text",
        )


class SecureDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) plus the content check.

    Used by every document upload path: the single and multiple upload views, the
    chooser and the API's form-data endpoints.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            validate_upload_content(file, file.name)
        return file


def broken_image_error(name: str) -> ValidationError:
    return ValidationError(
        _(
            "„%(name)s“ lässt sich nicht als Bild öffnen: die Datei ist beschädigt oder "
            "unvollständig. Bitte speichern Sie das Bild in einem Bildprogramm neu (zum "
            "Beispiel als JPEG oder PNG) und laden Sie es noch einmal hoch."
        )
        % {"name": os.path.basename(name or "")},
        code="broken_image",
    )


def decode_image(file: IO[bytes], name: str) -> None:
    """Decode the whole picture once; raise a German ValidationError if Pillow cannot."""
    file.seek(0)
    try:
        with PILImage.open(file) as picture:
            picture.load()
    except PILImage.DecompressionBombError:
        raise
    except Exception as exc:  # Pillow's decoders raise many kinds for bad data
        raise broken_image_error(name) from exc
    finally:
        file.seek(0)


class DecodableImageField(WagtailImageField):
    """Wagtail's image field; a file that Pillow cannot decode is a form error, not a crash."""

    def to_python(self, data):
        try:
            image = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # raised by Pillow while Wagtail measures it
            raise broken_image_error(getattr(data, "name", "")) from exc
        if image is not None and image.image.format_name != "svg":
            decode_image(image, image.name)
        return image


class SecureImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the decoding check.

    Wagtail's form factory creates the file field itself (formfield_for_dbfield); its
    per-form copy is switched to the subclass above, which adds only the check.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            field.__class__ = DecodableImageField
