"""Page cache: anonymous readers get stored responses; any published change clears them.

Django's cache middleware cannot be told that a page was published, so this is
a small keyed cache of rendered responses instead. Every key contains a
*generation* number kept in the shared cache (Redis in production). Publishing
or unpublishing a page, saving a snippet, a setting, an image or a new PDF
version bumps the generation, in every process (web, worker, management
commands), so the very next request renders afresh; old entries are never read
again and expire on their own.

Only what is the same for every anonymous reader is stored: GET requests
without a session, messages cookie or Authorization header, answered with 200,
HTML or JSON, no cookie set, not marked private, no CSP nonce used. Editors,
logged-in partner staff and API clients with a token always get fresh responses.

Without Redis the page cache steps aside: the cache backend fails open (every
failed call is logged and answers as a miss), requests are served uncached with
``X-Page-Cache: bypass`` and a log line, and a process that saw the outage starts
a new generation once Redis answers again, since clears during the outage were lost.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"
CACHED_TYPES = ("text/html", "application/json")
MAX_BODY_BYTES = 512 * 1024
MAX_QUERY_LENGTH = 200
STATUS_HEADER = "X-Page-Cache"
# Models outside pages, snippets and settings whose changes show on public pages.
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtaildocs.document",
    "documents.pdfversion",
}


def _cache():
    return caches["default"]


def enabled() -> bool:
    return settings.PAGE_CACHE_ENABLED


def timeout() -> int:
    return settings.PAGE_CACHE_TIMEOUT


def excluded_prefixes() -> tuple[str, ...]:
    return tuple(settings.PAGE_CACHE_EXCLUDE)


# --- generation -----------------------------------------------------------------------

# This process found the cache unreachable: a publish in that time could not clear it,
# so the first generation read after the outage starts a new generation.
_outage_seen = False


def _read_generation() -> int | None:
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return None if value is None else int(value)


def generation() -> int | None:
    """The current generation; created (never reused) if the cache lost it.

    None while the cache is unreachable (the fail-open cache answers every read
    with a miss): the middleware then serves uncached.
    """
    global _outage_seen
    value = _read_generation()
    if value is None:
        _outage_seen = True
        return None
    if _outage_seen:
        _outage_seen = False
        clear()
        value = _read_generation()
    return value


def clear() -> None:
    """Make every stored response unreachable, in all processes at once.

    Never raises: saving content must not fail because the cache is down. A clear
    that did not reach the cache is made up for once it answers again (generation()).
    """
    global _outage_seen
    cache = _cache()
    try:
        try:
            done = cache.incr(GENERATION_KEY) is not None
        except ValueError:
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
            done = True
    except Exception:
        done = False
    if not done:
        _outage_seen = True
        logger.warning("Page cache could not be cleared; it starts afresh once reachable")


def clear_now_and_on_commit() -> None:
    """Clear now and again after commit.

    A request that reads the database before the commit could otherwise store
    the old content under the new generation.
    """
    clear()
    transaction.on_commit(clear)


# --- what invalidates ---------------------------------------------------------------


_affects: dict[type, bool] = {}


def affects_public_pages(model: type) -> bool:
    """Pages, snippets, settings, images and the watched models; cached per class."""
    if model not in _affects:
        _affects[model] = _decide(model)
    return _affects[model]


def _decide(model: type) -> bool:
    if issubclass(model, Page | BaseSiteSetting | BaseGenericSetting):
        return True
    if model is get_image_model() or model in get_snippet_models():
        return True
    return model._meta.label_lower in WATCHED_MODELS


def on_model_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw and affects_public_pages(sender):
        clear_now_and_on_commit()


def on_page_published(sender, **kwargs) -> None:
    clear_now_and_on_commit()


def connect() -> None:
    """Called from CmsConfig.ready(): every process that can change content clears."""
    post_save.connect(on_model_changed, dispatch_uid="page_cache_save")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_published, dispatch_uid=f"page_cache_{id(signal)}")


# --- the middleware ---------------------------------------------------------------------


def cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or not enabled():
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    return not request.path_info.startswith(excluded_prefixes())


def cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(CACHED_TYPES):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # The nonce in the body would not match the next request's header.
    return len(response.content) <= MAX_BODY_BYTES


def cache_key(request: HttpRequest, gen: int) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode())
    return f"pagecache:{gen}:{digest.hexdigest()[:40]}"


class PageCacheMiddleware:
    """Serve stored responses to anonymous readers; store what is safe to share.

    Placed after WhiteNoise and before the session middleware: a hit costs two
    cache reads and no database query. Response headers set by the middleware
    above it (security headers, CSP) are added on every response, hit or miss.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        found = _lookup(request)
        if found is None:
            logger.warning("Page cache unavailable; serving uncached: %s", request.path)
            response = self.get_response(request)
            response[STATUS_HEADER] = "bypass"
            return response
        key, stored = found
        if stored is not None:
            return _rebuild(stored)
        response = self.get_response(request)
        if cacheable_response(request, response):
            try:
                _cache().set(key, _freeze(response), timeout())
            except Exception:
                logger.warning("Page cache could not store a response", exc_info=True)
            response[STATUS_HEADER] = "miss"
        return response


def _lookup(request: HttpRequest) -> tuple[str, tuple | None] | None:
    """(key, stored response or None), or None while the cache cannot be used."""
    try:
        gen = generation()
        if gen is None:
            return None
        key = cache_key(request, gen)
        return key, _cache().get(key)
    except Exception:
        logger.warning("Page cache lookup failed", exc_info=True)
        return None


def _freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    return response.status_code, list(response.items()), response.content


def _rebuild(stored: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response
