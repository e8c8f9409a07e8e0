"""Wagtail API v3 (django-ninja) with the project's own routers mounted.

Wagtail's ``api`` instance serves pages, images, documents, sites, schema
discovery and token auth; this module adds the network's routers to it
(partners, PDF versions under /pdf/, open data under /opendata/). The network's access
rule in Wagtail's page, image and document endpoints is ``cms.wagtail_api_access``.
"""

from functools import cache

from django.http import HttpRequest
from ninja.openapi.docs import Swagger
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api

from cms import wagtail_api_access
from documents.api import router as documents_router
from home.api import router as home_router
from partners.api import router as partners_router
from partners.opendata import router as opendata_router
from security.input import integers_in_bigint_range

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


wagtail_api_access.install()


@api.exception_handler(ValueError)
def value_error_handler(request: HttpRequest, exc: ValueError):
    """Input Wagtail's validators cannot convert (e.g. ``?site=host:port`` with a bad port).

    Pydantic's validation errors are ValueErrors too, but their own, more
    specific handler (422) wins; what is left is bad input, answered 400.
    """
    return problem_response(status=400, detail=str(exc) or "Bad request")


# Every operation, Wagtail's and ours: integers beyond PostgreSQL's bigint are a 422.
api.add_decorator(integers_in_bigint_range)


@api.get("/", include_in_schema=False)
def index(request: HttpRequest) -> dict:
    """``/api/v3/``: what a newcomer needs to start, as links (docs, schema, collections)."""
    root = request.build_absolute_uri(api.get_root_path({}))
    return {
        "title": api.title,
        "docs": root + api.docs_url.strip("/") + "/",
        "openapi": root + api.openapi_url.lstrip("/"),
        "endpoints": {path.strip("/"): root + path.lstrip("/") for path in collection_paths()},
    }


@cache
def collection_paths() -> list[str]:
    """The schema's list endpoints (paths without parameters), computed once per process."""
    paths = api.get_openapi_schema(path_prefix="/")["paths"]
    return sorted(path for path, ops in paths.items() if "{" not in path and "get" in ops)


api.add_router("/", partners_router)
api.add_router("/", home_router)
api.add_router("/pdf/", documents_router)
api.add_router("/opendata/", opendata_router)
