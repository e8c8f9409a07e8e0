"""Rendering as a pure function: page revision in, PDF bytes and metadata out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from wagtail.models import Revision

from .html import PrintHtml, build_print_html, template_version
from .limits import PrintTooLarge
from .pdf import PdfResult, html_to_pdf
from .stamp import Stamp

__all__ = [
    "PrintTooLarge",
    "RenderedPdf",
    "Stamp",
    "build_print_html",
    "print_html_to_pdf",
    "render_revision",
    "template_version",
]


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    content_hash: str
    sha256: str
    page_count: int
    pdf_variant: str
    template_version: str
    weasyprint_version: str
    title: str
    stamp: Stamp


def print_html_to_pdf(print_html: PrintHtml) -> PdfResult:
    """WeasyPrint on built print HTML, with the images and link base of its revision."""
    return html_to_pdf(
        print_html.html,
        print_html.content_hash,
        media=print_html.media,
        generated=print_html.generated,
        link_base=print_html.link_base,
    )


def render_revision(revision: Revision, print_html: PrintHtml | None = None) -> RenderedPdf:
    """Render ``revision`` (or its already built print HTML) to a PDF. Touches no ledger."""
    print_html = print_html or build_print_html(revision)
    result = print_html_to_pdf(print_html)
    return RenderedPdf(
        data=result.data,
        content_hash=print_html.content_hash,
        sha256=hashlib.sha256(result.data).hexdigest(),
        page_count=result.page_count,
        pdf_variant=result.pdf_variant,
        template_version=template_version(),
        weasyprint_version=result.weasyprint_version,
        title=print_html.title,
        stamp=print_html.stamp,
    )
