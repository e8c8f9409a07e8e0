"""Link to the PDF summary of a page, provided by the documents app."""

from __future__ import annotations

from django import template
from django.apps import apps
from django.urls import NoReverseMatch, reverse

register = template.Library()

# URL name the documents app serves the newest PDF of a page under.
LATEST_PDF_URL_NAME = "documents:latest_pdf"


@register.simple_tag
def latest_pdf(page):
    """The page's newest PDF version with its ``download_url``, or None while none is rendered.

    The link names format, page count and size, so readers on a phone know what they get.
    """
    version_model = apps.get_model("documents", "PdfVersion")
    latest = version_model.objects.filter(page_id=page.pk).order_by("-version").first()
    if latest is None:
        return None
    try:
        latest.download_url = reverse(LATEST_PDF_URL_NAME, kwargs={"page_id": page.pk})
    except NoReverseMatch:
        latest.download_url = latest.file.url if latest.file else ""
    return latest
