"""Link to the PDF summary of a page, provided by the documents app."""

from __future__ import annotations

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse

register = template.Library()

# URL name the documents app serves the newest PDF of a page under.
LATEST_PDF_URL_NAME = "documents:latest_pdf"


@register.simple_tag
def pdf_download_url(page) -> str:
    """Download address of the page's newest PDF, or '' while none is rendered."""
    version_model = apps.get_model("documents", "PdfVersion")
    if not version_model.objects.filter(page_id=page.pk).exists():
        return ""
    try:
        return reverse(LATEST_PDF_URL_NAME, kwargs={"page_id": page.pk})
    except NoReverseMatch:
        latest = version_model.objects.filter(page_id=page.pk).order_by("-version").first()
        return latest.file.url if latest and latest.file else ""
