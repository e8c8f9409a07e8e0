"""Every error answer under /api/ is an RFC 7807 problem (``application/problem+json``).

Wagtail's API v3 handlers already answer the errors they know as problems. Others
leave the API as Django's HTML: an unknown path under /api/ (Wagtail's page
serving answers 404), a method the path does not allow (ninja's 405), a bad Host
header (400) and every uncaught exception, which Wagtail re-raises outside DEBUG
so that Django logs it and reports it. This middleware, outermost, rewrites each
of those answers into a problem with the same status and headers, so a client
never has to parse an HTML error page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

from security.api import is_api_path

#: Headers that describe the replaced body; every other header is kept.
BODY_HEADERS = frozenset({"content-type", "content-length", "content-encoding"})


def is_problem(response: HttpResponseBase) -> bool:
    return response.get("Content-Type", "").startswith(PROBLEM_JSON)


def _detail(response: HttpResponseBase) -> str:
    """The ``detail`` of a JSON error body if there is one, else the status phrase.

    HTML bodies are never quoted: an error page may carry internals.
    """
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/json") and not response.streaming:
        try:
            detail = json.loads(response.content).get("detail")
        except (ValueError, AttributeError):
            detail = None
        if isinstance(detail, str) and detail:
            return detail
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return "Error"


def as_problem(response: HttpResponseBase) -> HttpResponse:
    """The same answer (status, headers, cookies) with a problem+json body."""
    problem = problem_response(status=response.status_code, detail=_detail(response))
    for header, value in response.items():
        if header.lower() not in BODY_HEADERS:
            problem[header] = value
    problem.cookies = response.cookies
    # Django logs every error answer once; the replaced one may already have been logged
    # (with its traceback, for an uncaught exception).
    if getattr(response, "_has_been_logged", False):
        problem._has_been_logged = True
    return problem


class ApiProblemMiddleware:
    """Outermost middleware: error answers under /api/ leave as problem+json."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.status_code < 400 or is_problem(response) or not is_api_path(request.path_info):
            return response
        return as_problem(response)
