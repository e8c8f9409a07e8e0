"""Request input that PostgreSQL cannot take is refused before any view sees it.

Two things in a request reach the database unchanged and make it fail with a
500 instead of a clear answer:

* U+0000 (NUL), the one character PostgreSQL's ``text`` cannot store or
  compare. :class:`RequestInputMiddleware` refuses a path or query string that
  contains it (400; problem+json under /api/, a German page elsewhere) and
  ignores a cookie that contains it, for every URL of the site.
* integers outside PostgreSQL's ``bigint`` range, e.g. ``?offset=2**63``, which
  become an OFFSET or a comparison in SQL. :func:`integers_in_bigint_range`
  checks every integer the API parsed from a request (query, path and body
  fields) before the operation runs and answers 422 like any other invalid
  parameter.

Form fields need neither: Django's form fields refuse NUL themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from ninja.errors import ValidationError
from pydantic import BaseModel
from wagtail.api.v3.errors import problem_response

from security.api import BIGINT_MAX, is_api_path

NUL = "\x00"
BIGINT_MIN = -(2**63)
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


def _integers(value: Any, loc: tuple) -> Iterator[tuple[tuple, int]]:
    """Every integer in a parsed argument, with its location.

    Walks schemas, lists and tuples; free-form JSON (dicts, StreamField bodies) is
    validated by its own blocks and never becomes an SQL integer as it stands.
    """
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _integers(getattr(value, name, None), (*loc, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _integers(item, (*loc, index))


def _range_error(loc: tuple, value: int) -> dict[str, Any]:
    """The error pydantic itself reports for a ``le``/``ge`` bound, without the input."""
    if value > BIGINT_MAX:
        kind, op, words, bound = "less_than_equal", "le", "less than or equal to", BIGINT_MAX
    else:
        kind, op, words, bound = "greater_than_equal", "ge", "greater than or equal to", BIGINT_MIN
    return {
        "type": kind,
        "loc": list(loc),
        "msg": f"Input should be {words} {bound}",
        "ctx": {op: bound},
    }


def integers_in_bigint_range(view_func: Callable) -> Callable:
    """Ninja operation decorator: 422 when a parsed integer does not fit PostgreSQL's bigint.

    Query and path parameters that ninja groups into a schema (filters,
    pagination) are reported under their own names, e.g. ``["offset"]``.
    """

    @wraps(view_func)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        errors = [
            _range_error(loc, number)
            for name, value in kwargs.items()
            for loc, number in _integers(value, () if isinstance(value, BaseModel) else (name,))
            if not BIGINT_MIN <= number <= BIGINT_MAX
        ]
        if errors:
            raise ValidationError(errors)
        return view_func(request, *args, **kwargs)

    return checked
