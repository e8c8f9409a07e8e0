"""What a PDF says about itself: "Stand: <date>, Version <n>", its dates and its web address.

These parts are set into the print HTML after its content hash was taken, so
that the hash stays a hash of the content: a republish of unchanged content
keeps its hash (and its version), however the stamp reads. The pipeline
decides the stamp (see :mod:`documents.versioning`); a render without one
prints the date of its revision and no version number.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import segno
from django.utils import dateformat, translation
from django.utils.html import escape

BERLIN = ZoneInfo("Europe/Berlin")
#: Files a render produces itself (the QR code) live under this path of the print host.
GENERATED_PREFIX = "/erzeugt/"


@dataclass(frozen=True)
class Stamp:
    """The version number the PDF will be stored under and the date its content was published."""

    date: datetime
    version: int | None = None

    def text(self) -> str:
        """ "Stand: 1. Dezember 2026, Version 3", dated in German local time."""
        with translation.override("de"):
            day = dateformat.format(self.date.astimezone(BERLIN), "j. F Y")
        if self.version is None:
            return f"Stand: {day}"
        return f"Stand: {day}, Version {self.version}"


def meta_tags(created: datetime, modified: datetime) -> str:
    """dcterms dates from the revisions (never now()): same input, same bytes."""
    created = min(created, modified)
    return (
        f'<meta name="dcterms.created" content="{created.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">'
        f'<meta name="dcterms.modified" content="{modified.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">'
    )


def stamp_html(stamp: Stamp) -> str:
    return f'<span class="doc-stamp">{escape(stamp.text())}</span>'


def qr_code_svg(url: str) -> tuple[str, bytes]:
    """The web address as a QR code: (file name, SVG bytes), the name derived from the address.

    The name changes with the address, so WeasyPrint's per-process image cache
    never hands one page's code to another page's render.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=0, dark="#1a1a1a", xmldecl=False
    )
    name = f"qr-{hashlib.sha256(url.encode()).hexdigest()[:20]}.svg"
    return name, buffer.getvalue()
