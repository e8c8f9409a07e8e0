"""Who may read a handout and download a PDF: the one place that decides."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"


def is_restricted(page: Page) -> bool:
    """Handouts marked for partner staff, and pages behind Wagtail page privacy."""
    specific = page.specific
    if getattr(specific, "only_for_partner_staff", False):
        return True
    return bool(page.get_view_restrictions())


def is_partner_staff_or_editor(user) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    return user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def can_download(user: AnonymousUser | object, page: Page) -> bool:
    """True if ``user`` may see ``page`` and its PDFs.

    Drafts and unpublished pages only for editors; restricted pages only for
    partner staff and editors. Callers answer 404 otherwise, so the existence
    of restricted material is not revealed.
    """
    if not page.live:
        return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
    if not is_restricted(page):
        return True
    return is_partner_staff_or_editor(user)
