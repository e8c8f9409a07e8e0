"""The admin side of ``documents.access``: what editors are told.

* After saving or publishing a page, a warning names the images and documents
  whose privacy differs from the page's (registered in wagtail_hooks).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page

from documents.access import (
    PARTNER_STAFF_COLLECTION,
    is_public_page,
    mismatched_files,
)


def warn_about_file_privacy(request: HttpRequest, page: Page) -> None:
    """A non-blocking warning when a page's files are more (or less) public than the page."""
    page = page.specific
    files = mismatched_files(page)
    if not files:
        return
    names = ", ".join(f"„{file.title}“" for file in files)
    if is_public_page(page):
        text = _(
            "Diese Seite ist öffentlich, verwendet aber Dateien aus einer geschützten Sammlung "
            "(%(files)s). Besucherinnen und Besucher ohne Anmeldung sehen sie nicht."
        )
    else:
        text = _(
            "Diese Seite ist nicht öffentlich, verwendet aber öffentliche Dateien (%(files)s). "
            "Wer deren Adresse kennt, kann sie ohne Anmeldung abrufen. Verschieben Sie sie in "
            "die Sammlung „%(collection)s“."
        )
    messages.warning(request, text % {"files": names, "collection": PARTNER_STAFF_COLLECTION})
