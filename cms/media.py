"""Public media: image renditions only.

MEDIA_ROOT also holds the PDF versions (restricted handouts among them) and the
originals of uploaded documents. Those are served by views that check access
(/pdf/…, /dokumente/…), so the public media URL exposes nothing but the
renditions Wagtail writes to ``images/``. A reverse proxy in front of gunicorn
may serve the same folder directly; it must not serve the rest of MEDIA_ROOT.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

RENDITION_MAX_AGE = 7 * 24 * 60 * 60


def serve_rendition(request: HttpRequest, path: str) -> HttpResponse:
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE)
    return response


urlpatterns = [
    re_path(r"^media/(?P<path>images/[^/]+)$", serve_rendition, name="media_rendition"),
]
