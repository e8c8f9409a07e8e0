"""The admin side of ``documents.access``: what editors are told or refused.

* After saving or publishing a page, a warning names the images and documents
  whose privacy differs from the page's (registered in wagtail_hooks).
* The page privacy dialog refuses to change the privacy of a handout marked
  "nur für Partner-Mitarbeitende" (Wagtail's page viewset for HandoutPage).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from documents.access import (
    PARTNER_STAFF_COLLECTION,
    is_public_page,
    mismatched_files,
    privacy_change_error,
)
from documents.models import HandoutPage


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


class HandoutAwareSetPrivacyView(SetPrivacyView):
    """Wagtail's privacy dialog; for flagged handouts the checkbox decides instead."""

    def form_valid(self, form):
        error = privacy_change_error(
            self.page, form.cleaned_data["restriction_type"], form.cleaned_data.get("groups")
        )
        if error:
            form.add_error("restriction_type", error)
            return self.form_invalid(form)
        return super().form_valid(form)


class HandoutPageViewSet(PageViewSet):
    """Wagtail's page views for handouts, with the privacy dialog above."""

    model = HandoutPage
    set_privacy_view_class = HandoutAwareSetPrivacyView
    # The explorer listing of the handout index stays Wagtail's default.
    parent_models: list = []
