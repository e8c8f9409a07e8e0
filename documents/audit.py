"""Download audit: writing entries and deleting old ones (the listing is in documents.admin).

Only downloads of restricted versions are recorded (public PDFs are anyone's).
The client address is stored only with ``DOCUMENTS_AUDIT_STORE_IP``: who and
when is what the network needs; addresses are personal data.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from cms.security.client_ip import client_ip
from documents.models import DownloadAuditEntry, PdfVersion


def record_download(request: HttpRequest, version: PdfVersion) -> DownloadAuditEntry | None:
    """One entry for a served restricted version; anonymous requests never get this far."""
    from partners.models import partner_of

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
