"""Images and documents under their access rule (``documents.access``).

MEDIA_ROOT also holds the PDF versions and the uploaded documents; those are
only served by views that check access (/pdf/…, /dokumente/…). Under /media/:

* ``images/`` holds only renditions of public images (``home.models.images``
  keeps restricted ones out), so they are served without a database query. A
  reverse proxy may serve this folder directly, and no other.
* ``restricted_images/`` (renditions of images in a collection with privacy)
  and ``original_images/`` are served after ``can_view_image``; 404 otherwise.

Public files may be kept by shared caches for five minutes before they
revalidate (``documents.access.PUBLIC_FILE_CACHE_CONTROL``), so a later
restriction takes effect there within that time; files that not everyone may
see are ``private``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import re_path
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from documents.access import PUBLIC_FILE_CACHE_CONTROL, can_view_collection, can_view_image
from home.models.images import ORIGINALS, PUBLIC_RENDITIONS, RESTRICTED_RENDITIONS

PRIVATE_CACHE_CONTROL = "private, no-cache"


def _file_response(request: HttpRequest, name: str, public: bool) -> HttpResponse:
    response = serve(request, name, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = PUBLIC_FILE_CACHE_CONTROL if public else PRIVATE_CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_rendition(request: HttpRequest, name: str) -> HttpResponse:
    """A rendition of a public image: no database query."""
    return _file_response(request, f"{PUBLIC_RENDITIONS}/{name}", public=True)


def serve_restricted_rendition(request: HttpRequest, name: str) -> HttpResponse:
    path = f"{RESTRICTED_RENDITIONS}/{name}"
    rendition = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(file=path)
        .select_related("image__collection")
        .first()
    )
    return _image_file(request, path, rendition.image if rendition else None)


def serve_original(request: HttpRequest, name: str) -> HttpResponse:
    path = f"{ORIGINALS}/{name}"
    image = get_image_model().objects.filter(file=path).select_related("collection").first()
    return _image_file(request, path, image)


def _image_file(request: HttpRequest, path: str, image) -> HttpResponse:
    if image is None or not can_view_image(request.user, image, request):
        raise Http404
    return _file_response(request, path, public=can_view_collection(None, image.collection))


def serve_document(request: HttpRequest, document_id: int, document_filename: str):
    """Wagtail's document view (its access hook asks documents.access), with cache rules."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code in (200, 304):
        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        public = can_view_collection(None, document.collection)
        response["Cache-Control"] = PUBLIC_FILE_CACHE_CONTROL if public else PRIVATE_CACHE_CONTROL
    return response


NAME = r"(?P<name>[-\w.]+)"  # what Django storages write; never a NUL or a slash
urlpatterns = [
    re_path(rf"^media/{PUBLIC_RENDITIONS}/{NAME}$", serve_rendition, name="media_rendition"),
    re_path(
        rf"^media/{RESTRICTED_RENDITIONS}/{NAME}$",
        serve_restricted_rendition,
        name="media_restricted_rendition",
    ),
    re_path(rf"^media/{ORIGINALS}/{NAME}$", serve_original, name="media_original_image"),
]
document_urlpatterns = [
    # Same address as Wagtail's own pattern (wagtaildocs_serve), which it shadows.
    re_path(
        r"^dokumente/(?P<document_id>\d+)/(?P<document_filename>.*)$",
        serve_document,
        name="document_serve",
    ),
]
