"""Wagtail API v3 (django-ninja) with the project's own routers mounted.

Wagtail's ``api`` instance serves pages, images, documents, sites, schema
discovery and token auth; this module adds the network's routers to it
(partners, PDF versions under /pdf/, open data under /opendata/) and one
access rule Wagtail cannot know about: handout pages switched to "only for
partner staff" are hidden from every page listing and detail unless the
token's user may download them.
"""

from django.http import HttpRequest
from ninja.openapi.docs import Swagger
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.api.v3.urls import api

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


def restricted_handout_ids(user) -> list[int]:
    """Ids of handout pages that ``user`` may not see: only for partner staff and not theirs."""
    from documents.access import can_download
    from documents.models import HandoutPage

    restricted = HandoutPage.objects.filter(only_for_partner_staff=True)
    return [page.pk for page in restricted if not can_download(user, page)]


def get_pages_queryset(request: HttpRequest, *args, **kwargs):
    """Wagtail's page queryset for the request, without handouts the user may not read."""
    queryset = _wagtail_get_pages_queryset(request, *args, **kwargs)
    hidden = restricted_handout_ids(request.user)
    return queryset.exclude(pk__in=hidden) if hidden else queryset


# Every page endpoint of Wagtail's router (list, detail, find, revisions and
# the relative filters) looks the queryset up through this module attribute.
wagtail_pages_router.get_pages_queryset = get_pages_queryset

api.add_router("/", partners_router)
api.add_router("/", home_router)
api.add_router("/pdf/", documents_router)
api.add_router("/opendata/", opendata_router)
