"""PDF downloads, served from storage without rendering."""

from __future__ import annotations

from functools import wraps

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import condition, require_GET
from wagtail.models import Page

from documents.access import PUBLIC_FILE_CACHE_CONTROL, can_download
from documents.audit import record_download
from documents.download_counts import counted
from documents.models import PdfVersion
from security.otp import second_factor_gate


def _lookup(request: HttpRequest, page_id: int, version: int | None) -> tuple:
    """(version or None, restricted?) for the request; computed once per request.

    The conditional-GET callbacks and the view all ask, so the answer is kept on
    the request. "Restricted" means anonymous readers may not have it; for an
    anonymous request that got a version, it is public by definition.
    """
    cache = request.__dict__.setdefault("_pdf_versions", {})
    key = (page_id, version)
    if key not in cache:
        cache[key] = (None, False)
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and can_download(request.user, page, request):
            versions = PdfVersion.objects.filter(page_id=page_id)
            if version is not None:
                versions = versions.filter(version=version)
            found = versions.order_by("-version").first()
            if found is not None:
                found.page = page  # already loaded: the filename needs its slug
            restricted = request.user.is_authenticated and not can_download(None, page)
            cache[key] = (found, restricted)
    return cache[key]


def _version_for(request: HttpRequest, page_id: int, version: int | None) -> PdfVersion | None:
    return _lookup(request, page_id, version)[0]


def _etag(request, page_id: int, version: int | None = None) -> str | None:
    found = _version_for(request, page_id, version)
    return f'"{found.sha256}"' if found else None


def _last_modified(request, page_id: int, version: int | None = None):
    found = _version_for(request, page_id, version)
    return found.created_at if found else None


def restricted_download(view):
    """What a restricted download needs beyond the access check, for 200 and 304 alike.

    Outside @condition, which answers a revalidation with 304 before the view runs:
    - a session that still owes its second factor is sent to the code prompt first;
    - every restricted download answered, the file (200) or "unchanged" (304), is
      recorded: a reader whose browser revalidates its copy has still fetched it.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, page_id: int, version: int | None = None):
        found, restricted = _lookup(request, page_id, version)
        if restricted and (gate := second_factor_gate(request)):
            return gate
        response = view(request, page_id, version)
        if restricted and found is not None and response.status_code in (200, 304):
            record_download(request, found)
        return response

    return wrapper


@counted
@require_GET
@restricted_download
@condition(etag_func=_etag, last_modified_func=_last_modified)
def download(request: HttpRequest, page_id: int, version: int | None = None) -> FileResponse:
    """Latest or numbered version. 404 for unknown, unrendered or restricted PDFs."""
    found, restricted = _lookup(request, page_id, version)
    if found is None or not found.file_exists():
        raise Http404
    response = FileResponse(
        found.file.open("rb"), content_type="application/pdf", filename=found.filename
    )
    if restricted:
        # Browsers revalidate every time, so each re-download reaches the audit (304).
        response["Cache-Control"] = "private, no-cache"
    elif version is None:
        # "Latest" changes with every render: revalidate, the ETag makes that cheap.
        response["Cache-Control"] = "public, no-cache"
    else:
        # A numbered version never changes, but its page may become restricted later:
        # shared caches keep it only briefly and then revalidate (ETag, 304).
        response["Cache-Control"] = PUBLIC_FILE_CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response
