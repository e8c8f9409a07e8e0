"""Partner staff on the public site: login, logout, second factor, password change and reset.

Django's auth views with German templates; django-axes guards every
``authenticate()`` call, so the site login is throttled like the admin login.
Everything here is personal: never cached (``/konto/`` is also excluded from
the page cache in settings).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts.roles import is_editor, is_partner_staff_or_editor
from partners.models import PartnerMembership
from security import otp
from security.password_reset import SitePasswordResetView

TEMPLATES = "accounts/"
never_cached = method_decorator(never_cache, name="dispatch")


@never_cached
class LoginView(auth_views.LoginView):
    template_name = TEMPLATES + "login.html"

    def get_default_redirect_url(self) -> str:
        return str(reverse_lazy("konto:home"))

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        messages.success(self.request, f"Sie sind angemeldet als {user.get_username()}.")
        if otp.needs_verification(self.request.user):
            # Accounts with an authenticator app confirm the code before going on.
            query = urlencode({"next": response["Location"]})
            return HttpResponseRedirect(f"{reverse('konto:otp_verify')}?{query}")
        return response


@never_cache
@sensitive_post_parameters("code")
@login_required
def confirm_code(request: HttpRequest) -> HttpResponse:
    """The second factor on the site, for accounts with an authenticator app."""
    return otp.confirm_code(request, TEMPLATES + "otp_verify.html", reverse("konto:home"))


@never_cached
class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("konto:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "Sie sind abgemeldet.")
        return response


@never_cached
class PasswordResetView(SitePasswordResetView):
    template_name = TEMPLATES + "password_reset_form.html"
    email_template_name = TEMPLATES + "password_reset_email.txt"
    subject_template_name = TEMPLATES + "password_reset_subject.txt"
    success_url = reverse_lazy("konto:password_reset_done")


@never_cached
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = TEMPLATES + "password_reset_done.html"


@never_cached
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("konto:password_reset_complete")


@never_cached
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"


@never_cached
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = TEMPLATES + "password_change_form.html"
    success_url = reverse_lazy("konto:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Ihr Passwort wurde geändert.")
        return response


def no_access(request: HttpRequest) -> HttpResponse:
    """Logged in, but neither partner staff nor editor: say so, in German."""
    return render(request, TEMPLATES + "no_access.html", status=403)


@never_cache
@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = PartnerMembership.objects.for_user(request.user).select_related("partner")
    return render(
        request,
        TEMPLATES + "home.html",
        {
            "memberships": memberships,
            "may_read_handouts": is_partner_staff_or_editor(request.user),
            "is_editor": is_editor(request.user),
        },
    )
