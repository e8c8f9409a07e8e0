"""Password reset with a rate limit, for the site's form (/konto/) and the admin's.

Without a limit anyone could send an account holder dozens of reset mails in seconds, or
spray reset mails at many addresses from one client. Each request counts twice, per target
address and per client (security.client_ip), in django-ratelimit's counters. Over
either limit the form comes back with a German error (status 429) and no mail is sent.

Both counters run for every address, known or not, so the answers are the same whether an
account exists: the limit reveals nothing about who has one.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView

from security.client_ip import rate_limit_key

RATE_LIMIT_MESSAGE = _(
    "Für diese E-Mail-Adresse oder von Ihrem Anschluss wurden in kurzer Zeit schon mehrere "
    "Links zum Zurücksetzen angefordert. Bitte warten Sie eine Stunde und versuchen Sie es dann "
    "noch einmal. Ein bereits zugesandter Link bleibt 24 Stunden gültig."
)


def _address_key(email: str):
    normalised = email.strip().casefold()
    return lambda group, request: normalised


def reset_limited(request: HttpRequest, email: str) -> bool:
    """Count one reset request; True if the address or the client is over its limit."""
    per_address = is_ratelimited(
        request,
        group="password-reset-address",
        key=_address_key(email),
        rate=settings.PASSWORD_RESET_RATE_PER_ADDRESS,
        increment=True,
    )
    per_client = is_ratelimited(
        request,
        group="password-reset-client",
        key=rate_limit_key,
        rate=settings.PASSWORD_RESET_RATE_PER_CLIENT,
        increment=True,
    )
    return per_address or per_client


class RateLimitedPasswordResetMixin:
    """For a PasswordResetView: over the limit, the form again with the error, no mail."""

    def form_valid(self, form) -> HttpResponse:
        if reset_limited(self.request, form.cleaned_data["email"]):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class SitePasswordResetView(RateLimitedPasswordResetMixin, auth_views.PasswordResetView):
    """Base of the partner staff's form at /konto/passwort-vergessen/ (templates there)."""


class AdminPasswordResetView(RateLimitedPasswordResetMixin, WagtailPasswordResetView):
    """Wagtail's admin form at /admin/password_reset/, mounted ahead of Wagtail's own."""
