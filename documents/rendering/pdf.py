"""HTML -> PDF/UA-1 bytes with WeasyPrint; deterministic for identical input."""

from __future__ import annotations

import io
from dataclasses import dataclass

import weasyprint
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

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


def html_to_pdf(html: str, content_hash: str) -> PdfResult:
    """Lay out ``html`` and write a tagged PDF whose identifier derives from the content."""
    if len(_image_cache) > _IMAGE_CACHE_LIMIT:
        _image_cache.clear()
    options = {
        "pdf_variant": PDF_VARIANT,
        "pdf_identifier": content_hash[:32].encode(),
        "pdf_tags": True,
        "cache": _image_cache,
    }
    fetcher = ProjectFileFetcher()
    document = HTML(string=html, base_url=PRINT_BASE_URL, url_fetcher=fetcher).render(
        font_config=font_config(), **options
    )
    target = io.BytesIO()
    document.write_pdf(target, **options)
    return PdfResult(data=target.getvalue(), page_count=len(document.pages))
