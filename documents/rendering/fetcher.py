"""The only way WeasyPrint may load anything: the project's static and media files.

Print templates refer to ``https://druck.una.invalid/static/...`` and
``/media/...`` (relative URLs resolve against that base). The fetcher maps
those two prefixes to files on disk and refuses everything else: other
schemes (file:, data: is handled by WeasyPrint itself), any other host,
path traversal. It never opens a network connection, so there is nothing to
redirect. WeasyPrint uses the document's fetcher for images, stylesheets,
attachments and XMP metadata alike.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

PRINT_HOST = "druck.una.invalid"
PRINT_BASE_URL = f"https://{PRINT_HOST}/"


class RefusedURL(ValueError):
    """Raised for every URL outside the project's static and media files."""


def _inside(root: Path, relative: str) -> Path | None:
    """Resolve ``relative`` below ``root``; None if it escapes (``..``, symlinks)."""
    root = root.resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root in candidate.parents and candidate.is_file():
        return candidate
    return None


def _static_file(relative: str) -> Path | None:
    """Static files through Django's finders (they refuse traversal), then STATIC_ROOT."""
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found and Path(found).is_file():
        return Path(found).resolve()
    return _inside(Path(settings.STATIC_ROOT), relative)


def resolve_local(url: str) -> Path | None:
    """Map an allowed print URL to a file on disk, or None."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname != PRINT_HOST or parts.port is not None:
        return None
    if parts.username or parts.password or parts.query:
        return None
    path = unquote(parts.path)
    if "\\" in path or "\x00" in path:
        return None
    static_prefix = urlsplit(settings.STATIC_URL).path
    media_prefix = urlsplit(settings.MEDIA_URL).path
    if path.startswith(static_prefix):
        return _static_file(path[len(static_prefix) :])
    if path.startswith(media_prefix):
        relative = path[len(media_prefix) :]
        if ".." in Path(relative).parts:
            return None
        return _inside(Path(settings.MEDIA_ROOT), relative)
    return None


class ProjectFileFetcher(URLFetcher):
    """A URLFetcher that serves files from disk and has no network handlers at all."""

    def __init__(self):
        super().__init__(allowed_protocols=("https",), allow_redirects=False, timeout=1)
        # Drop urllib's handlers: even a bug below could not open a socket.
        self.handlers = []
        self.handle_open = {}
        self.handle_error = {}
        self.process_request = {}
        self.process_response = {}

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = resolve_local(url)
        if path is None:
            raise RefusedURL(f"Nicht erlaubte Adresse im Druck: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def open(self, url, data=None, timeout=None):
        full_url = getattr(url, "full_url", url)
        return self.fetch(full_url)
