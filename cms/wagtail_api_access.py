"""The network's access rule inside Wagtail's page, image and document API endpoints.

Wagtail's API v3 routers look their querysets up through a module attribute at
every request (``get_pages_queryset`` in the pages router, ``get_images_queryset``
and ``get_documents_queryset`` in the image and document routers). :func:`install`
replaces those attributes with the functions below, which ask ``documents.access``.
This depends on Wagtail's internals; ``tests/cms/test_wagtail_api_access.py`` fails
when an upgrade changes how the routers read their querysets.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import HttpError
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.routers import pages as pages_router
from wagtail.documents.api.v3 import router as documents_router
from wagtail.images.api.v3 import router as images_router
from wagtail.models import Page

from documents.access import visible_documents, visible_images, visible_pages

#: Wagtail's own page queryset (its public and editor tiers), which ours extends.
wagtail_get_pages_queryset = pages_router.get_pages_queryset


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
    queryset = wagtail_get_pages_queryset(request, model)
    if request.user.is_authenticated and request.GET.get("version") != "draft":
        try:
            readable = get_public_pages_queryset(request, model)
        except ValueError as exc:  # ?site= matched several sites
            raise HttpError(400, str(exc)) from exc
        queryset = (queryset | readable).distinct()
    return visible_pages(request.user, queryset, request)


def get_images_queryset(request: HttpRequest):
    """Images the caller may see (collection privacy, decided by documents.access)."""
    images = images_router.Image.objects.prefetch_related("tags").order_by("id")
    return visible_images(request.user, images, request)


def get_documents_queryset(request: HttpRequest):
    """Documents the caller may see (collection privacy, decided by documents.access)."""
    documents = documents_router.Document.objects.prefetch_related("tags").order_by("id")
    return visible_documents(request.user, documents, request)


def install() -> None:
    """Called by ``cms.api`` before it mounts the routers, so every list, detail, find,
    revision and relative-filter endpoint of the three reads through the functions above.

    Not from an AppConfig.ready(): Wagtail's image and document routers build their
    schemas at import and need the API's schema registry, filled after the apps are ready.
    """
    pages_router.get_pages_queryset = get_pages_queryset
    images_router.get_images_queryset = get_images_queryset
    documents_router.get_documents_queryset = get_documents_queryset
