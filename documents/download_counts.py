"""PDF downloads by result (200, 304, 404), counted in the shared cache.

Every web process adds to the same Redis counters, so the metrics endpoint reports the
site's totals, not one process's. The count fails open like the rest of the cache: a
download never waits for or fails on a counter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse

RESULTS = ("200", "304", "404")
KEY = "documents:downloads:{}"


def count_download(result: str) -> None:
    key = KEY.format(result)
    try:
        cache.incr(key)
    except ValueError:  # the first download of this result since the cache started
        cache.add(key, 0, timeout=None)
        # Still no key: the cache is unreachable. The count is lost, the download is not.
        with contextlib.suppress(ValueError):
            cache.incr(key)


def download_counts() -> dict[str, int]:
    stored = cache.get_many([KEY.format(result) for result in RESULTS])
    return {result: int(stored.get(KEY.format(result)) or 0) for result in RESULTS}


def counted(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Count each answer of a download view by its result; other statuses are not counted."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            count_download("404")
            raise
        if str(response.status_code) in RESULTS:
            count_download(str(response.status_code))
        return response

    return wrapper
