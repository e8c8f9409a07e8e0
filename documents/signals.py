"""Publishing and snippet changes turn into render jobs.

Page publish: Wagtail sends ``page_published`` inside the publish; the job is
written in that transaction and only its id is sent after commit.

Snippet change: the lookup of referencing pages runs in an on_commit callback.
Wagtail updates the ReferenceIndex in a django-tasks task enqueued from
post_save; with the ImmediateBackend (settings.TASKS) ``enqueue`` executes the
task synchronously, so by commit time the index is current.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_published

from documents.dependencies import PRINTED_SNIPPET_MODELS
from documents.dependents import rerender_dependents
from documents.models import RenderJob
from documents.pipeline import page_wants_pdf, request_render

logger = logging.getLogger(__name__)

# save_revision() and locking touch only these; they do not change what is printed.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    page = instance.specific
    if page_wants_pdf(page):
        request_render(page, revision=revision, reason=RenderJob.Reason.PUBLISH)


def on_dependency_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw:
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if getattr(instance, "live", True) is False:
        return
    label, pk = instance._meta.label, instance.pk

    def rerender() -> None:
        jobs = rerender_dependents(label, pk)
        if jobs:
            logger.info("%s %s changed: %d page(s) re-render", label, pk, len(jobs))

    transaction.on_commit(rerender)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="documents_page_published")
    for label in PRINTED_SNIPPET_MODELS:
        post_save.connect(on_dependency_saved, sender=label, dispatch_uid=f"documents_{label}")
