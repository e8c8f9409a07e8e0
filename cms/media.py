"""Images and documents under their access rule (``documents.access``).

The media storage (MEDIA_ROOT or the bucket, cms/storage.py) also holds the PDF
versions and the uploaded documents; those are
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

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import re_path
from django.utils.http import http_date
from django.views.static import was_modified_since
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from documents.access import PUBLIC_FILE_CACHE_CONTROL, can_view_collection, can_view_image
from home.models.images import ORIGINALS, PUBLIC_RENDITIONS, RESTRICTED_RENDITIONS

PRIVATE_CACHE_CONTROL = "private, no-cache"


def _stored_file(request: HttpRequest, name: str) -> HttpResponse:
    """Stream ``name`` from the media storage (file system or bucket), with Last-Modified and
    304 for If-Modified-Since, as Django's static view does for a folder."""
    if not default_storage.exists(name):
        raise Http404
    modified = default_storage.get_modified_time(name).timestamp()
    if not was_modified_since(request.headers.get("If-Modified-Since"), modified):
        return HttpResponseNotModified()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Last-Modified"] = http_date(modified)
    return response


def _file_response(request: HttpRequest, name: str, public: bool) -> HttpResponse:
    response = _stored_file(request, name)
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
