"""The page shown while django-axes blocks a login (too many wrong passwords)."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """A German page with status 429 for every login form axes guards (admin and site)."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse(
            {"detail": "Zu viele fehlgeschlagene Anmeldeversuche.", "cooloff_minutes": minutes},
            status=status,
        )
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
        "cooloff_minutes": minutes,
    }
    response = render(request, "una_security/lockout.html", context, status=status)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
