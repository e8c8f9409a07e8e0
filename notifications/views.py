"""The person's choice (/konto/benachrichtigungen/) and the one-click unsubscribe link.

The unsubscribe view needs no login, session or CSRF token: the signed token is the
proof (notifications.tokens). GET only shows what would be unsubscribed, so a link
scanner following it changes nothing; POST unsubscribes, both from the confirm page's
button and from a mail client's RFC 8058 one-click request.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.roles import is_partner_staff_or_editor
from accounts.views import no_access
from notifications import recipients
from notifications.forms import PreferencesForm
from notifications.models import Frequency
from notifications.tokens import read_token
from partners.models import PolicyField


@never_cache
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    if not is_partner_staff_or_editor(request.user):
        return no_access(request)
    current = recipients.choices_for(request.user)
    form = PreferencesForm(request.POST or None, choices=current)
    if request.method == "POST" and form.is_valid():
        # Only what the person changed becomes a choice; the rest keeps following the
        # default (a new policy field of their organisation then arrives "sofort").
        for field_id, frequency in form.chosen().items():
            if current.get(field_id) != frequency:
                recipients.set_choice(request.user, [field_id], frequency)
        messages.success(request, _("Ihre Benachrichtigungen sind gespeichert."))
        return redirect("konto:notifications")
    return render(request, "notifications/preferences.html", {"form": form})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    wanted = read_token(token)
    user = None
    if wanted is not None:
        user = get_user_model().objects.filter(pk=wanted.user_id, is_active=True).first()
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    fields = list(PolicyField.objects.filter(pk__in=wanted.policy_field_ids).order_by("name"))
    if request.method == "POST":
        recipients.set_choice(user, [field.pk for field in fields], Frequency.NONE)
        return render(request, "notifications/unsubscribed.html", {"fields": fields})
    return render(request, "notifications/unsubscribe.html", {"fields": fields, "token": token})
