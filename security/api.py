"""What every part of the API shares, kept at the bottom layer so that each app's API may use it.

The problem+json middleware (cms), the input checks of this package and the API
routers of partners and documents all need the same answers to "is this an API
request?", "which ids are valid?" and "who may read anonymously?". They live here,
not in cms or in one of the apps, because security imports no project app and every
app may import security.
"""

from __future__ import annotations

API_PREFIX = "/api/"


def is_api_path(path: str) -> bool:
    """Whether ``path`` is answered by the API (and its errors as problem+json)."""
    return path.startswith(API_PREFIX)
