"""Request input that PostgreSQL cannot take is refused before any view sees it.

U+0000 (NUL) is the one character PostgreSQL's ``text`` cannot store or
compare; a query value or session cookie with it made the database fail with
a 500. :class:`RequestInputMiddleware` refuses a path or query string that
contains it (400; problem+json under /api/, a German page elsewhere) and
ignores a cookie that contains it, for every URL of the site.

Form fields need no more: Django's form fields refuse NUL themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from wagtail.api.v3.errors import problem_response

from cms.problems import is_api_path

NUL = "\x00"
NUL_DETAIL = "The request contains a NUL character (U+0000), which cannot be processed."
NUL_REASON = (
    "Die Adresse, der Suchbegriff oder ein Filter enthält ein Steuerzeichen, das wir nicht "
    "verarbeiten können. Bitte geben Sie Ihre Suche noch einmal ein."
)


def _nul_locations(request: HttpRequest) -> list[list[str]]:
    """Where the request carries NUL: ``["path"]`` and ``["query", name]`` entries."""
    found = [["path"]] if NUL in request.path_info else []
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            found.append(["query", name.replace(NUL, "\\x00")])
    return found


def bad_input_response(request: HttpRequest, locations: list[list[str]]) -> HttpResponse:
    if is_api_path(request.path_info):
        errors = [{"type": "nul_character", "loc": loc, "msg": NUL_DETAIL} for loc in locations]
        return problem_response(status=400, detail=NUL_DETAIL, errors=errors)
    html = render_to_string("400.html", {"reason": NUL_REASON}, request=request)
    return HttpResponse(html, status=400)


class RequestInputMiddleware:
    """Refuses NUL in the path or query string and drops cookies that contain it.

    A cookie is ignored rather than refused: a visitor cannot remove a cookie
    that another site on a parent domain planted, and must not be locked out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if locations := _nul_locations(request):
            return bad_input_response(request, locations)
        cookies = request.COOKIES
        if any(NUL in name or NUL in value for name, value in cookies.items()):
            request.COOKIES = {
                name: value
                for name, value in cookies.items()
                if NUL not in name and NUL not in value
            }
        return self.get_response(request)
