"""The pages whose PDFs print a snippet, and their re-render when the snippet changes.

The ReferenceIndex knows which pages refer to a partner or contact point; documents.signals
calls :func:`rerender_dependents` after such a snippet is published.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Page, ReferenceIndex

from documents.models import RenderJob
from documents.pipeline import page_wants_pdf, request_render


def pages_referencing(obj: models.Model) -> list[Page]:
    """Live pages that want a PDF and refer to ``obj``, according to the ReferenceIndex."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    pages = Page.objects.filter(pk__in=page_ids).live().specific()
    return [page for page in pages if page_wants_pdf(page)]


def rerender_dependents(model_label: str, pk) -> list[RenderJob]:
    """Request renders for exactly the pages that reference the changed snippet."""
    obj = apps.get_model(model_label).objects.filter(pk=pk).first()
    if obj is None:
        return []
    # One transaction per page, not one for all: each job reaches a worker as soon as
    # it is written instead of after the last of (possibly hundreds of) pages.
    return [
        request_render(page, reason=RenderJob.Reason.DEPENDENCY, cause=obj)
        for page in pages_referencing(obj)
    ]
