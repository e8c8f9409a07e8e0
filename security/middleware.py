"""Response headers and the two-factor gate of the admin and the partner area."""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from security.otp import (
    ADMIN_PROMPT,
    SITE_PROMPT,
    needs_enrolment,
    redirect_with_next,
    second_factor_gate,
)


def policy_for_path(path: str) -> dict | None:
    """The directives of the most specific CONTENT_SECURITY_POLICY_BY_PATH prefix, if any.

    The public site runs without inline scripts; the Wagtail admin and the API docs
    ship inline scripts and styles of their own and so get a looser policy.
    """
    prefixes = settings.CONTENT_SECURITY_POLICY_BY_PATH
    matches = [prefix for prefix in prefixes if path.startswith(prefix)]
    if not matches:
        return None
    return prefixes[max(matches, key=len)]["DIRECTIVES"]


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with a policy per URL prefix, plus Permissions-Policy.

    Placed right after SecurityMiddleware so static files and downloads served by
    WhiteNoise or Wagtail get the same headers as pages.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            # Wagtail renders previews through a dummy request for the page's public URL;
            # the response is shown inside the admin, so it gets the admin's policy.
            path = admin_prefix() if getattr(request, "is_preview", False) else request.path_info
            directives = policy_for_path(path)
            if directives is not None:
                parts.config = default_config(directives)
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        permissions = settings.PERMISSIONS_POLICY
        if permissions and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions
        return response


class TwoFactorMiddleware:
    """Sends users to the code prompt (or enrolment) before an admin or /konto/ view runs.

    Users with a confirmed TOTP device always confirm a code after the password, in the
    admin and in the partner area (second_factor_gate); with WAGTAIL_2FA_REQUIRED every
    admin user must first enrol a device.
    """

    exempt_url_names = frozenset(
        {
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_password_reset",
            "una_security:otp_verify",
            "una_security:otp_enrol",
            "konto:login",
            "konto:logout",
            "konto:otp_verify",
        }
    )
    exempt_prefixes = ("wagtailadmin_password_reset", "konto:password_reset")

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name in self.exempt_url_names or view_name.startswith(self.exempt_prefixes):
            return None
        if request.path_info.startswith(admin_prefix()):
            gate = second_factor_gate(request, ADMIN_PROMPT)
            if gate is None and needs_enrolment(request.user):
                return redirect_with_next("una_security:otp_enrol", request)
            return gate
        if match is not None and match.namespace == "konto":
            return second_factor_gate(request, SITE_PROMPT)
        return None


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")
