"""Page revision -> print HTML and the content hash that decides about new versions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Revision

from . import collect
from .fetcher import PRINT_BASE_URL

APP_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_SOURCES = (
    APP_DIR / "templates" / "documents" / "print",
    APP_DIR / "templates" / "documents" / "blocks",
    APP_DIR / "static" / "documents" / "print",
)
DEFAULT_PRINT_TEMPLATE = "documents/print/page.html"
META_MARKER = "<!--druck-metadaten-->"
NETWORK_NAME = "Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster"


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

    ``media``: storage names of the images the revision references (the
    fetcher's allow-list); ``link_base``: the page's address on its site,
    against which links in the PDF are resolved.
    """

    html: str
    content_hash: str
    title: str
    media: frozenset[str] = frozenset()
    link_base: str | None = None


def link_base(page) -> str:
    """The page's absolute address on its site, else the site's base URL."""
    url = page.get_full_url()
    if url and url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"


def _meta_tags(page, revision: Revision) -> str:
    """dcterms dates from the revision (never now()): same input, same bytes."""
    modified = revision.created_at
    created = getattr(page, "first_published_at", None) or modified
    created = min(created, modified)
    return (
        f'<meta name="dcterms.created" content="{created.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">'
        f'<meta name="dcterms.modified" content="{modified.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">'
    )


def build_print_html(revision: Revision) -> PrintHtml:
    """Render the revision's page with its print template.

    The hash covers the HTML without dates, the template version and the
    address links resolve against, so a republish of unchanged content hashes
    the same, while a changed partner phone number (printed in the contact
    blocks) does not. Templates escape every stored value; only rich text
    rendered through Wagtail's ``richtext`` pipeline is inserted as HTML.
    """
    page = revision.as_object()
    template = getattr(page, "print_template", DEFAULT_PRINT_TEMPLATE)
    images = collect.referenced_images(page)
    context = {
        "page": page,
        "network_name": NETWORK_NAME,
        "contacts": collect.contacts(page),
        "image_credits": collect.image_credits(images),
        "base_url": PRINT_BASE_URL,
        "meta_marker": META_MARKER,
    }
    with translation.override("de"):
        html = render_to_string(template, context)
    base = link_base(page)
    digest = hashlib.sha256(
        b"\0".join((template_version().encode(), base.encode(), html.encode()))
    ).hexdigest()
    html = html.replace(META_MARKER, _meta_tags(page, revision), 1)
    return PrintHtml(
        html=html,
        content_hash=digest,
        title=page.title,
        # After rendering: the template created the renditions it uses.
        media=collect.embeddable_media(page, images),
        link_base=base,
    )
