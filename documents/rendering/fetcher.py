"""The only way WeasyPrint may load anything: static files and this render's own images.

Print templates refer to ``https://druck.una.invalid/static/...`` and
``/media/...`` (relative URLs resolve against that base). The fetcher serves

* any static file (the print stylesheet, fonts, logos: all public),
* from the media storage only the names on the allow-list it was built with:
  the files of the images the rendered revision references and the logos of
  the site's print identity (originals and renditions, see
  :func:`documents.rendering.collect.embeddable_media`), and
* under ``/erzeugt/`` the files the render generated itself (the QR code of
  the page's address), from memory.

Everything else is refused: other schemes (file:, data: is handled by
WeasyPrint itself), any other host, path traversal, media files not on the
list, and always the rendered PDFs (``pdf/``) and uploaded documents
(``documents/``), even if a caller listed them. It never opens a network
connection, so there is nothing to redirect. WeasyPrint uses the document's
fetcher for images, stylesheets, attachments and XMP metadata alike;
attachments are removed before they could be fetched (see ``pdf.py``).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .stamp import GENERATED_PREFIX

PRINT_HOST = "druck.una.invalid"
PRINT_BASE_URL = f"https://{PRINT_HOST}/"
# Media folders a render never reads, whatever the allow-list says: stored PDF
# versions (restricted handouts among them) and uploaded documents.
NEVER_FETCHED = ("pdf", "documents")


class RefusedURL(ValueError):
    """Raised for every URL outside the static files and this render's allowed media."""


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


def media_name(name: str) -> str | None:
    """A storage name in canonical form (``images/a.jpg``), or None if it cannot be served."""
    parts = PurePosixPath(name).parts
    if not parts or ".." in parts or parts[0] in ("/", *NEVER_FETCHED):
        return None
    return "/".join(parts)


def _print_path(url: str) -> str | None:
    """The decoded path of a print URL (``https://druck.una.invalid/...``), or None."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname != PRINT_HOST or parts.port is not None:
        return None
    if parts.username or parts.password or parts.query:
        return None
    path = unquote(parts.path)
    if "\\" in path or "\x00" in path:
        return None
    return path


class ProjectFileFetcher(URLFetcher):
    """A URLFetcher that serves project files and has no network handlers at all.

    ``allowed_media`` lists the storage names (in the default storage) this one
    render may read; ``generated`` maps file names to the bytes of files the
    render made itself (served under ``/erzeugt/``). One fetcher is built per render.
    """

    def __init__(
        self, allowed_media: Iterable[str] = (), generated: Iterable[tuple[str, bytes]] = ()
    ):
        super().__init__(allowed_protocols=("https",), allow_redirects=False, timeout=1)
        self.allowed_media = frozenset(filter(None, map(media_name, allowed_media)))
        self.generated = dict(generated)
        # Drop urllib's handlers: even a bug below could not open a socket.
        self.handlers = []
        self.handle_open = {}
        self.handle_error = {}
        self.process_request = {}
        self.process_response = {}

    def _media(self, path: str) -> str | None:
        media_prefix = urlsplit(settings.MEDIA_URL).path
        if not path.startswith(media_prefix):
            return None
        name = media_name(path[len(media_prefix) :])
        return name if name in self.allowed_media else None

    def allows(self, url: str) -> bool:
        """Whether ``url`` is one this render may load (no file system access)."""
        path = _print_path(url)
        if path is None:
            return False
        if path.startswith(urlsplit(settings.STATIC_URL).path):
            return True
        return self._generated(path) is not None or bool(self._media(path))

    def _generated(self, path: str) -> bytes | None:
        if not path.startswith(GENERATED_PREFIX):
            return None
        return self.generated.get(path[len(GENERATED_PREFIX) :])

    def _read(self, url: str) -> bytes | None:
        """The bytes behind an allowed print URL: a static file on disk, an allowed media
        file from the storage (the file system or the bucket), or None."""
        path = _print_path(url)
        if path is None:
            return None
        static_prefix = urlsplit(settings.STATIC_URL).path
        if path.startswith(static_prefix):
            static = _static_file(path[len(static_prefix) :])
            return static.read_bytes() if static else None
        name = self._media(path)
        if not name:
            return None
        try:
            with default_storage.open(name, "rb") as media:
                return media.read()
        except (OSError, ValueError):
            return None

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        body = self._generated(_print_path(url) or "")
        if body is None:
            body = self._read(url)
        if body is None:
            raise RefusedURL(f"Nicht erlaubte Adresse im Druck: {url[:200]}")
        content_type = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def open(self, url, data=None, timeout=None):
        full_url = getattr(url, "full_url", url)
        return self.fetch(full_url)
