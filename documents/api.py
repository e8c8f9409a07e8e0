"""The PDF versions of pages in API v3: the ledger, read-only, plus "render again".

Visibility follows ``documents.access.can_download``, the one rule for HTML,
PDF downloads and this API. A page the caller may not see answers 404, never
403, so the ids of restricted handouts cannot be probed. Only a token whose
user may edit the page can request a new render.
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import NoReverseMatch, reverse
from ninja import Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page

from documents import pipeline
from documents.access import can_download
from documents.models import PdfVersion, RenderJob
from security.api import DETAIL_ERRORS, PUBLIC_READ, ObjectId

router = Router(tags=["documents"])

#: PdfVersion.version is a PostgreSQL ``integer``.
MAX_VERSION = 2**31 - 1


class RenderJobSchema(Schema):
    id: int
    page_id: int
    status: RenderJob.Status
    reason: RenderJob.Reason
    attempts: int
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    version: int | None = None
    error: str | None = None


class PdfVersionSchema(Schema):
    version: int
    created: datetime
    sha256: str
    size: int
    page_count: int
    pdf_variant: str
    revision_id: int | None = None
    download_url: str | None = None
    detail_url: str | None = None


class PageRefSchema(Schema):
    id: int
    title: str
    type: str


class PdfVersionListSchema(Schema):
    page: PageRefSchema
    count: int
    latest_job: RenderJobSchema | None = None
    items: list[PdfVersionSchema]


def _url(request: HttpRequest, name: str, *args) -> str | None:
    try:
        return get_full_url(request, reverse(name, args=args))
    except NoReverseMatch:
        return None


def _visible_page(request: HttpRequest, page_id: int) -> Page:
    """The page if the caller may read it and its PDFs; 404 otherwise (also when restricted)."""
    page = Page.objects.filter(pk=page_id).select_related("content_type").first()
    if page is None or not can_download(request.user, page):
        raise Http404("Page not found")
    return page.specific


def _may_edit(request: HttpRequest, page: Page) -> bool:
    user = request.user
    return bool(user.is_authenticated and page.permissions_for_user(user).can_edit())


def _job_data(request: HttpRequest, job: RenderJob, page: Page) -> dict:
    return {
        "id": job.pk,
        "page_id": job.page_id,
        "status": job.status,
        "reason": job.reason,
        "attempts": job.attempts,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "duration_ms": job.duration_ms,
        "version": job.pdf_version.version if job.pdf_version_id else None,
        # The error text can name internals; editors need it, the public does not.
        "error": (job.error or None) if _may_edit(request, page) else None,
    }


def _version_data(request: HttpRequest, version: PdfVersion) -> dict:
    page_id = version.page_id
    return {
        "version": version.version,
        "created": version.created_at,
        "sha256": version.sha256,
        "size": version.size,
        "page_count": version.page_count,
        "pdf_variant": version.pdf_variant,
        "revision_id": version.revision_id,
        "download_url": _url(request, "documents:pdf_version", page_id, version.version),
        "detail_url": _url(request, "wagtailapi_v3:pdf_version_detail", page_id, version.version),
    }


def _latest_job(page: Page) -> RenderJob | None:
    return (
        RenderJob.objects.filter(page_id=page.pk)
        .select_related("pdf_version")
        .order_by("-created_at", "-pk")
        .first()
    )


@router.get(
    "/pages/{page_id}/versions/",
    response={200: PdfVersionListSchema, 400: ProblemDetail, **DETAIL_ERRORS},
    url_name="pdf_version_list",
    summary="PDF versions of a page",
    description="Newest first, with the status of the page's latest render job.",
    operation_id="documents_versions_list",
    auth=PUBLIC_READ,
)
def list_versions(
    request: HttpRequest,
    page_id: int = ObjectId,
    limit: int = Query(20, ge=1),
    offset: int = Query(0, ge=0, le=MAX_VERSION),
):
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    if limit_max is not None and limit > limit_max:
        raise HttpError(400, f"limit cannot be higher than {limit_max}")
    page = _visible_page(request, page_id)
    versions = PdfVersion.objects.filter(page_id=page.pk).order_by("-version")
    job = _latest_job(page)
    return {
        "page": {"id": page.pk, "title": page.title, "type": page._meta.label},
        "count": versions.count(),
        "latest_job": _job_data(request, job, page) if job else None,
        "items": [_version_data(request, v) for v in versions[offset : offset + limit]],
    }


@router.get(
    "/pages/{page_id}/versions/latest/",
    response={200: PdfVersionSchema, **DETAIL_ERRORS},
    url_name="pdf_version_latest",
    summary="Latest PDF version of a page",
    operation_id="documents_versions_latest",
    auth=PUBLIC_READ,
)
def latest_version(request: HttpRequest, page_id: int = ObjectId):
    page = _visible_page(request, page_id)
    version = pipeline.latest_version(page)
    if version is None:
        raise Http404("This page has no PDF yet")
    return _version_data(request, version)


@router.get(
    "/pages/{page_id}/versions/{version}/",
    response={200: PdfVersionSchema, **DETAIL_ERRORS},
    url_name="pdf_version_detail",
    summary="One PDF version",
    operation_id="documents_versions_detail",
    auth=PUBLIC_READ,
)
def version_detail(
    request: HttpRequest,
    page_id: int = ObjectId,
    version: int = Path(..., ge=1, le=MAX_VERSION),
):
    page = _visible_page(request, page_id)
    found = PdfVersion.objects.filter(page_id=page.pk, version=version).first()
    if found is None:
        raise Http404("No such version")
    return _version_data(request, found)


@router.get(
    "/jobs/{job_id}/",
    response={200: RenderJobSchema, **DETAIL_ERRORS},
    url_name="render_job_detail",
    summary="Render job status",
    operation_id="documents_jobs_detail",
    auth=PUBLIC_READ,
)
def job_detail(request: HttpRequest, job_id: int = ObjectId):
    """Jobs of pages the caller may not read answer 404, exactly like an unknown id."""
    job = RenderJob.objects.select_related("pdf_version", "page").filter(pk=job_id).first()
    if job is None or not can_download(request.user, job.page):
        raise Http404("No such job")
    return _job_data(request, job, job.page.specific)


@router.post(
    "/pages/{page_id}/render/",
    response={
        202: RenderJobSchema,
        401: ProblemDetail,
        403: ProblemDetail,
        409: ProblemDetail,
        **DETAIL_ERRORS,
    },
    url_name="pdf_render",
    summary="Render the page's PDF again",
    description=(
        "Queues a forced render of the live revision. Needs a token whose user may edit "
        "the page; answers 409 when the page is not published or offers no PDF."
    ),
    operation_id="documents_render",
    auth=BearerTokenAuth(),
)
def render_again(request: HttpRequest, page_id: int = ObjectId):
    page = _visible_page(request, page_id)
    if not _may_edit(request, page):
        raise PermissionDenied("You may not edit this page")
    if not page.live or not pipeline.page_wants_pdf(page):
        raise HttpError(409, "No PDF is made for this page (not published or PDF switched off)")
    job = pipeline.request_render(page, reason=RenderJob.Reason.MANUAL, force=True)
    return Status(202, _job_data(request, job, page))
