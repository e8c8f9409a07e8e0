"""What every part of the API shares, kept at the bottom layer so that each app's API may use it.

The problem+json middleware (cms), the input checks of this package and the API
routers of partners and documents all need the same answers to "is this an API
request?", "which ids are valid?" and "who may read anonymously?". They live here,
not in cms or in one of the apps, because security imports no project app and every
app may import security.
"""

from __future__ import annotations

from ninja import Path
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

API_PREFIX = "/api/"
#: The largest PostgreSQL ``bigint``: no id, offset or filter number may exceed it.
BIGINT_MAX = 2**63 - 1
MAX_ID = BIGINT_MAX
#: The public read tier: a token's user if one is sent, else anonymous.
PUBLIC_READ = [BearerTokenAuth(), AllowAnonymous()]
#: Path parameter for a database id: out-of-range numbers are a 422, never a database error.
ObjectId = Path(..., ge=1, le=MAX_ID)
#: Documented error answers (RFC 7807 problem details).
LIST_ERRORS = {400: ProblemDetail, 422: ProblemDetail}
DETAIL_ERRORS = {404: ProblemDetail, 422: ProblemDetail}


def is_api_path(path: str) -> bool:
    """Whether ``path`` is answered by the API (and its errors as problem+json)."""
    return path.startswith(API_PREFIX)
