"""Wagtail API v3 (django-ninja) with the project's own routers mounted.

Wagtail's ``api`` instance serves pages, images, documents, sites, schema
discovery and token auth; this module adds the network's routers to it
(partners, PDF versions under /pdf/, open data under /opendata/) and the network's access
rule to Wagtail's page, image and document endpoints (see ``get_pages_queryset``).
"""

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.openapi.docs import Swagger
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.api.v3.urls import api
from wagtail.documents.api.v3 import router as wagtail_documents_router
from wagtail.images.api.v3 import router as wagtail_images_router
from wagtail.models import Page

from cms.security.input import integers_in_bigint_range
from documents.access import visible_documents, visible_images, visible_pages
from documents.api import router as documents_router
from home.api import router as home_router
from partners.api import router as partners_router
from partners.opendata import router as opendata_router

__all__ = ["api"]

API_DESCRIPTION = """\
Headless access to the website of the support network for single parents in
the district Elbe-Elster: pages, images, the partner directory (policy fields,
partners, contact points), the PDF versions of pages and open data exports
(Open Referral HSDS 3, iCalendar).

Reading public content needs no token. Writing, drafts and restricted
content (handouts only for partner staff, private pages) need a token
(`Authorization: Bearer <token>`) whose user has the matching Wagtail
permission. Errors are `application/problem+json` with `status` and `detail`.
Lists are paginated with `limit` (1..100, default 20) and `offset`.
"""

api.title = "UNA Elbe-Elster API"
api.description = API_DESCRIPTION
# Served from the ninja app's own static files (see INSTALLED_APPS), no CDN;
# the validator badge would contact a third-party host, so it is switched off.
api.docs = Swagger(settings={"validatorUrl": None})

_wagtail_get_pages_queryset = wagtail_pages_router.get_pages_queryset


def get_pages_queryset(request: HttpRequest, model=Page):
    """The pages a request may read: Wagtail's tiers plus the network's access rule.

    Anonymous: Wagtail's public tier (live, no page privacy). With a token:
    Wagtail's editor tier (pages the user may edit, drafts included) and, for
    plain reading, also the live pages whose privacy settings admit the user,
    so partner staff read public pages and their restricted handouts. Drafts
    (``version=draft``) stay limited to the editor tier. Finally the network's
    one access rule (``documents.access.visible_pages``) removes page-privacy
    sections and handouts "only for partner staff" the user may not see.
    """
    queryset = _wagtail_get_pages_queryset(request, model)
    if request.user.is_authenticated and request.GET.get("version") != "draft":
        try:
            readable = get_public_pages_queryset(request, model)
        except ValueError as exc:  # ?site= matched several sites
            raise HttpError(400, str(exc)) from exc
        queryset = (queryset | readable).distinct()
    return visible_pages(request.user, queryset, request)


# Every page endpoint of Wagtail's router (list, detail, find, revisions and
# the relative filters) looks the queryset up through this module attribute.
wagtail_pages_router.get_pages_queryset = get_pages_queryset


def get_images_queryset(request: HttpRequest):
    """Images the caller may see (collection privacy, decided by documents.access)."""
    images = wagtail_images_router.Image.objects.prefetch_related("tags").order_by("id")
    return visible_images(request.user, images, request)


def get_documents_queryset(request: HttpRequest):
    """Documents the caller may see (collection privacy, decided by documents.access)."""
    documents = wagtail_documents_router.Document.objects.prefetch_related("tags").order_by("id")
    return visible_documents(request.user, documents, request)


# Wagtail's image and document list and detail endpoints look these up the same way.
wagtail_images_router.get_images_queryset = get_images_queryset
wagtail_documents_router.get_documents_queryset = get_documents_queryset


@api.exception_handler(ValueError)
def value_error_handler(request: HttpRequest, exc: ValueError):
    """Input Wagtail's validators cannot convert (e.g. ``?site=host:port`` with a bad port).

    Pydantic's validation errors are ValueErrors too, but their own, more
    specific handler (422) wins; what is left is bad input, answered 400.
    """
    return problem_response(status=400, detail=str(exc) or "Bad request")


# Every operation, Wagtail's and ours: integers beyond PostgreSQL's bigint are a 422.
api.add_decorator(integers_in_bigint_range)

api.add_router("/", partners_router)
api.add_router("/", home_router)
api.add_router("/pdf/", documents_router)
api.add_router("/opendata/", opendata_router)
