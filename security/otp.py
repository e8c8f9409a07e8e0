"""Two-factor login for editors with TOTP apps (django-otp), without a third-party admin plugin.

An editor enrols an authenticator app once (QR code or secret typed in); afterwards every
session asks for the six-digit code after the password before it reaches the admin, the
partner area at /konto/, restricted pages and documents, or a restricted PDF
(``second_factor_gate``).
"""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from security import redirects

DEVICE_NAME = "Authenticator-App"
ADMIN_PROMPT = "una_security:otp_verify"
# The same form on the public site (accounts), for /konto/ and restricted downloads.
SITE_PROMPT = "konto:otp_verify"


def has_admin_access(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def needs_verification(user) -> bool:
    """A signed-in user with a confirmed device who has not typed a code in this session."""
    return user.is_authenticated and not is_verified(user) and user_has_device(user)


def needs_enrolment(user) -> bool:
    """With WAGTAIL_2FA_REQUIRED, an admin user without any confirmed device."""
    return settings.WAGTAIL_2FA_REQUIRED and has_admin_access(user) and not user_has_device(user)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Sechsstelliger Code aus der Authenticator-App"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError(gettext_lazy("Der Code besteht nur aus Ziffern."))
        return code


def safe_next(request: HttpRequest) -> str:
    return redirects.safe_next(request, reverse("wagtailadmin_home"))


def redirect_with_next(url_name: str, request: HttpRequest) -> HttpResponseRedirect:
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(url_name)}?{query}")


def second_factor_gate(
    request: HttpRequest, prompt: str = SITE_PROMPT
) -> HttpResponseRedirect | None:
    """The one two-factor gate: admin, /konto/, restricted pages, documents and PDFs.

    A user with a confirmed device who has not typed a code in this session is sent to
    ``prompt`` (the admin's or the site's code form) and comes back afterwards; None lets
    the request through. A password alone never opens what the second factor guards.
    """
    if needs_verification(request.user):
        return redirect_with_next(prompt, request)
    return None


def confirm_code(request: HttpRequest, template_name: str, fallback: str) -> HttpResponse:
    """The code form: a matching code verifies the session, which then goes on to ``next``."""
    target = redirects.safe_next(request, fallback)
    if not needs_verification(request.user):
        return HttpResponseRedirect(target)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(target)
        form.add_error(
            "code",
            _(
                "Der Code ist ungültig oder abgelaufen. Bitte geben Sie den aktuellen Code "
                "aus Ihrer Authenticator-App ein."
            ),
        )
    return render(request, template_name, {"form": form, "next": target})


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of the admin login: the code of the enrolled device."""
    return confirm_code(request, "una_security/otp_verify.html", reverse("wagtailadmin_home"))


def pending_device(user) -> TOTPDevice:
    """The user's not yet confirmed device, created on first visit, reused on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_data_uri(config_url: str) -> str:
    return segno.make(config_url, error="m").svg_data_uri(scale=5, border=2)


def grouped_secret(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan, type the first code, done; or switch it off."""
    user = request.user
    if not has_admin_access(user):
        return HttpResponseRedirect(reverse("wagtailadmin_login"))
    if needs_verification(user):
        return HttpResponseRedirect(
            reverse("una_security:otp_verify") + "?next=" + reverse("una_security:otp_enrol")
        )
    if user_has_device(user):
        return manage_enrolled(request)

    device = pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
            return HttpResponseRedirect(safe_next(request))
        form.add_error(
            "code",
            _(
                "Der Code passt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, "
                "und geben Sie den aktuellen Code ein."
            ),
        )
    context = {
        "form": form,
        "qr_code": qr_code_data_uri(device.config_url),
        "secret": grouped_secret(device),
        "next": safe_next(request),
    }
    return render(request, "una_security/otp_enrol.html", context)


def manage_enrolled(request: HttpRequest) -> HttpResponse:
    """An enrolled, verified editor may remove the device unless two factors are required."""
    removable = not settings.WAGTAIL_2FA_REQUIRED
    if request.method == "POST" and request.POST.get("action") == "remove" and removable:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
        return HttpResponseRedirect(reverse("wagtailadmin_account"))
    return render(request, "una_security/otp_enrolled.html", {"removable": removable})
