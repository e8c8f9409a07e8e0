"""A stored PDF version becomes a change to announce, in the transaction that stores it.

Connected in NotificationsConfig.ready(). The announcement itself runs in the worker
(task worker.notify_handout_change, sent by name after commit), never in the request
or render that stored the version.
"""

from __future__ import annotations

from django.db.models.signals import post_save

from documents.models import PdfVersion
from notifications import changes
from notifications.delivery import ANNOUNCE_TASK, send_after_commit


def on_pdf_version_saved(sender, instance: PdfVersion, created: bool, raw=False, **kwargs) -> None:
    if raw or not created:
        return
    change = changes.record(instance)
    if change is not None:
        send_after_commit(ANNOUNCE_TASK, change.pk)


def connect() -> None:
    post_save.connect(
        on_pdf_version_saved, sender=PdfVersion, dispatch_uid="notifications_pdf_version_saved"
    )
