"""Test factories for handout pages, the render ledger and the download audit."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.db.models import Max
from factory.django import DjangoModelFactory

from documents.models import (
    DownloadAuditEntry,
    HandoutIndexPage,
    HandoutPage,
    PdfVersion,
    RenderJob,
)

__all__ = [
    "DownloadAuditEntryFactory",
    "HandoutIndexPageFactory",
    "HandoutPageFactory",
    "PdfVersionFactory",
    "RenderJobFactory",
    "handout_body",
]


def handout_body(text: str = "Hören Sie zu und nehmen Sie sich Zeit.", partner=None) -> list:
    """Raw StreamField data of a short handout; with ``partner`` it references the snippet."""
    body = [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
        {
            "type": "steps",
            "value": {"title": "So gehen Sie vor", "steps": ["Zuhören", "Angebote nennen"]},
        },
    ]
    if partner is not None:
        body.append({"type": "partner", "value": {"partner": partner.pk, "note": "Beratung"}})
    return body


class HandoutIndexPageFactory(wagtail_factories.PageFactory):
    title = "Handlungsanleitungen"
    slug = "handlungsanleitungen"

    class Meta:
        model = HandoutIndexPage


class HandoutPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlungsanleitung {n:03d}")
    slug = factory.Sequence(lambda n: f"handlungsanleitung-{n:03d}")
    target_group = "Alleinerziehende"
    summary = "Kurz und praktisch: worauf es im Gespräch ankommt."
    body = factory.LazyFunction(handout_body)

    class Meta:
        model = HandoutPage


def _next_version(page) -> int:
    latest = PdfVersion.objects.filter(page=page).aggregate(Max("version"))["version__max"]
    return (latest or 0) + 1


class PdfVersionFactory(DjangoModelFactory):
    """A stored PDF version of ``page`` without a render: a small stand-in file.

    ``version`` defaults to the page's next number; hashes are derived from it, so two
    versions of a page never look alike. ``content`` is the stored file's bytes.
    """

    page = None
    version = factory.LazyAttribute(lambda o: _next_version(o.page))
    revision = None
    content_hash = factory.LazyAttribute(lambda o: f"{o.version:064d}")
    sha256 = factory.LazyAttribute(lambda o: f"{o.version:064x}")
    size = 1234
    page_count = 2
    pdf_variant = "pdf/ua-1"
    template_version = "t1"
    weasyprint_version = "70"
    file = factory.LazyAttribute(
        lambda o: ContentFile(o.content, name=f"{o.page.slug}-v{o.version}.pdf")
    )

    class Params:
        content = b"%PDF-1.7 test"

    class Meta:
        model = PdfVersion


class RenderJobFactory(DjangoModelFactory):
    """A ledger entry of ``page``; pass ``status`` for anything but a fresh pending job."""

    page = None
    reason = RenderJob.Reason.PUBLISH

    class Meta:
        model = RenderJob


class DownloadAuditEntryFactory(DjangoModelFactory):
    """An audit line for a download of ``page``, with the names copied as the view does."""

    page = None
    username = "staff-a"
    page_title = factory.LazyAttribute(lambda o: o.page.title)
    version = 1

    class Meta:
        model = DownloadAuditEntry
