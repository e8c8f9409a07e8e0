"""Upload checks for Wagtail documents: the content must match the file name's extension.

Wagtail checks a document's extension and size but not its content, so an HTML page
renamed to ``.pdf`` would be served from our domain. Images need no extra check here:
Wagtail's image field opens every upload with Willow, compares the detected format
with the extension and enforces WAGTAILIMAGES_MAX_IMAGE_PIXELS.
"""

from __future__ import annotations

import os
from typing import IO

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

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
