"""Page revision -> print HTML and the content hash that decides about new versions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Revision

from . import collect
from .fetcher import PRINT_BASE_URL
from .identity import NETWORK_NAME, print_identity
from .stamp import GENERATED_PREFIX, Stamp, meta_tags, qr_code_svg, stamp_html

APP_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_SOURCES = (
    APP_DIR / "templates" / "documents" / "print",
    APP_DIR / "templates" / "documents" / "blocks",
    APP_DIR / "static" / "documents" / "print",
)
DEFAULT_PRINT_TEMPLATE = "documents/print/page.html"
META_MARKER = "<!--druck-metadaten-->"
STAMP_MARKER = "<!--druck-stand-->"

__all__ = ["NETWORK_NAME", "PrintHtml", "Stamp", "build_print_html", "template_version"]


@cache
def template_version() -> str:
    """Hash of every print template and stylesheet: a template change means new PDFs."""
    digest = hashlib.sha256()
    for folder in TEMPLATE_SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(APP_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class PrintHtml:
    """The print HTML and what its render may use.

    ``source``: the HTML with markers where the stamp goes; ``stamp``: the
    "Stand …, Version …" line and ``created`` the first publication, both set
    in only when ``html`` is read, so ``content_hash`` does not depend on them.
    ``media``: storage names of the images the render may read (the fetcher's
    allow-list); ``generated``: files the render made itself (the QR code),
    served under ``/erzeugt/``; ``link_base``: the page's address on its site,
    against which links in the PDF are resolved.
    """

    source: str
    content_hash: str
    title: str
    stamp: Stamp
    created: datetime
    media: frozenset[str] = frozenset()
    generated: tuple[tuple[str, bytes], ...] = ()
    link_base: str | None = None

    @property
    def html(self) -> str:
        html = self.source.replace(META_MARKER, meta_tags(self.created, self.stamp.date), 1)
        return html.replace(STAMP_MARKER, stamp_html(self.stamp))

    def with_stamp(self, stamp: Stamp) -> PrintHtml:
        return replace(self, stamp=stamp)


def link_base(page) -> str:
    """The page's absolute address on its site, else the site's base URL."""
    url = page.get_full_url()
    if url and url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"


def build_print_html(revision: Revision, stamp: Stamp | None = None) -> PrintHtml:
    """Render the revision's page with its print template.

    The hash covers the HTML without stamp and dates, the template version and
    the address links resolve against, so a republish of unchanged content
    hashes the same, while a changed partner phone number (printed in the
    contact blocks) or a new logo in the site settings does not. Templates
    escape every stored value; only rich text rendered through Wagtail's
    ``richtext`` pipeline is inserted as HTML.
    """
    page = revision.as_object()
    template = getattr(page, "print_template", DEFAULT_PRINT_TEMPLATE)
    images = collect.referenced_images(page)
    identity = print_identity(page)
    base = link_base(page)
    qr_name, qr_svg = qr_code_svg(base)
    context = {
        "page": page,
        "identity": identity,
        "network_name": identity.network_name,
        "contacts": collect.contacts(page),
        "image_credits": collect.image_credits(images),
        "base_url": PRINT_BASE_URL,
        "web_address": base,
        "qr_code_url": f"{PRINT_BASE_URL.rstrip('/')}{GENERATED_PREFIX}{qr_name}",
        "meta_marker": META_MARKER,
        "stamp_marker": STAMP_MARKER,
    }
    with translation.override("de"):
        source = render_to_string(template, context)
    digest = hashlib.sha256(
        b"\0".join((template_version().encode(), base.encode(), source.encode()))
    ).hexdigest()
    modified = revision.created_at
    return PrintHtml(
        source=source,
        content_hash=digest,
        title=page.title,
        stamp=stamp or Stamp(date=modified),
        created=getattr(page, "first_published_at", None) or modified,
        # After rendering: the template created the renditions it uses.
        media=collect.embeddable_media(page, images + identity.images()),
        generated=((qr_name, qr_svg),),
        link_base=base,
    )
