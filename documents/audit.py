"""Download audit: writing entries, deleting old ones, the read-only admin listing.

Only downloads of restricted versions are recorded (public PDFs are anyone's).
The client address is stored only with ``DOCUMENTS_AUDIT_STORE_IP``: who and
when is what the network needs; addresses are personal data.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from documents.models import DownloadAuditEntry, HandoutPage, PdfVersion
from partners.models import Partner, partner_of
from security.client_ip import client_ip
from security.exports import SafeSpreadsheetExportMixin


def record_download(request: HttpRequest, version: PdfVersion) -> DownloadAuditEntry | None:
    """One entry for a served restricted version; anonymous requests never get this far."""
    user = request.user
    if not user.is_authenticated:
        return None
    ip = client_ip(request) if settings.DOCUMENTS_AUDIT_STORE_IP else None
    return DownloadAuditEntry.objects.create(
        user=user,
        username=user.get_username()[:150],
        partner=partner_of(user),
        page_id=version.page_id,
        page_title=version.page.title[:255],
        pdf_version=version,
        version=version.version,
        ip_address=ip,
    )


def purge_old_entries(now: datetime | None = None) -> int:
    """Delete entries older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.DOCUMENTS_AUDIT_RETENTION_DAYS)
    deleted, _per_model = DownloadAuditEntry.objects.filter(downloaded_at__lt=cutoff).delete()
    return deleted


# --- admin ----------------------------------------------------------------------------


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The view writes entries; in the admin they can only be read (needs "view")."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"] or ["view"])


class DownloadAuditFilterSet(WagtailFilterSet):
    partner = django_filters.ModelChoiceFilter(
        label=_("Netzwerkpartner"),
        queryset=lambda request: _partners(),
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Handlungsanleitung"),
        queryset=lambda request: HandoutPage.objects.order_by("title"),
    )
    user = django_filters.ModelChoiceFilter(
        label=_("Konto"),
        queryset=lambda request: get_user_model().objects.order_by("username"),
    )
    downloaded_at = django_filters.DateFromToRangeFilter(
        label=_("Zeitraum"), widget=DateRangePickerWidget
    )

    class Meta:
        model = DownloadAuditEntry
        fields = ["partner", "page", "user", "downloaded_at"]


def _partners():
    return Partner.objects.order_by("name")


class DownloadAuditIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing; its CSV export never hands a spreadsheet a formula."""


class DownloadAuditViewSet(ModelViewSet):
    model = DownloadAuditEntry
    index_view_class = DownloadAuditIndexView
    icon = "list-ul"
    menu_label = _("Download-Protokoll")
    menu_name = "download-protokoll"
    menu_order = 610
    add_to_admin_menu = True
    url_prefix = "download-protokoll"
    list_display = ["downloaded_at", "username", "partner", "page_title", "version"]
    filterset_class = DownloadAuditFilterSet
    search_fields = ["username", "page_title"]
    ordering = ["-downloaded_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # Add/edit views exist in Wagtail's viewset, but the permission policy never allows them.
    form_fields = ["username"]
    list_export = ["downloaded_at", "username", "partner", "page_title", "version"]
    export_filename = "download-protokoll"


download_audit_viewset = DownloadAuditViewSet("download_audit")
