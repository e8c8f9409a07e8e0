"""HTML -> PDF/UA-1 bytes with WeasyPrint; deterministic for identical input."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import weasyprint
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from . import limits, links
from .fetcher import PRINT_BASE_URL, ProjectFileFetcher

PDF_VARIANT = "pdf/ua-1"
_IMAGE_CACHE_LIMIT = 256

# One font configuration and one image cache per (worker) process, reused by every render.
_font_config: FontConfiguration | None = None
_image_cache: dict = {}


def font_config() -> FontConfiguration:
    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
    return _font_config


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    page_count: int
    pdf_variant: str = PDF_VARIANT
    weasyprint_version: str = weasyprint.__version__


def _render_cache(fetcher: ProjectFileFetcher) -> dict:
    """The shared image cache, restricted to what this render may load.

    WeasyPrint looks an image URL up in the cache before it asks the fetcher,
    so a cached entry from another page's render must not be visible here.
    Keys without a scheme are image data, reachable only through an entry.
    """
    if len(_image_cache) > _IMAGE_CACHE_LIMIT:
        _image_cache.clear()
    return {
        key: value for key, value in _image_cache.items() if ":" not in key or fetcher.allows(key)
    }


def _keep_in_cache(cache: dict, fetcher: ProjectFileFetcher) -> None:
    """Remember images that loaded; refusals stay per render (another page may be allowed)."""
    _image_cache.update(
        (key, value)
        for key, value in cache.items()
        if value is not None and (":" not in key or fetcher.allows(key))
    )


def html_to_pdf(
    html: str,
    content_hash: str,
    *,
    media: Iterable[str] = (),
    generated: Iterable[tuple[str, bytes]] = (),
    link_base: str | None = None,
) -> PdfResult:
    """Lay out ``html`` and write a tagged PDF whose identifier derives from the content.

    ``media`` are the storage names this render may read and ``generated`` the
    files it made itself, such as the QR code (see ``fetcher.py``);
    ``link_base`` is the page's address on its site, against which links are
    resolved (see ``links.py``). Raises :class:`limits.PrintTooLarge` for
    HTML or memory above the limits.
    """
    limits.check_html_size(html)
    fetcher = ProjectFileFetcher(allowed_media=media, generated=generated)
    cache = _render_cache(fetcher)
    options = {
        "pdf_variant": PDF_VARIANT,
        "pdf_identifier": content_hash[:32].encode(),
        "pdf_tags": True,
        "cache": cache,
    }
    try:
        with limits.memory_guard():
            source = HTML(string=html, base_url=PRINT_BASE_URL, url_fetcher=fetcher)
            links.rewrite_links(source.etree_element, link_base)
            document = source.render(font_config=font_config(), **options)
            links.remove_disallowed(document, link_base)
            target = io.BytesIO()
            document.write_pdf(target, **options)
    except MemoryError:
        raise limits.memory_exceeded() from None
    _keep_in_cache(cache, fetcher)
    return PdfResult(data=target.getvalue(), page_count=len(document.pages))
