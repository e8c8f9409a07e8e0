"""/konto/eintrag/: the member's view of their organisation's entry and its change form.

A member reaches only the entries of their own memberships: any other partner id,
in the URL or in the posted form, answers 404. Accounts without a membership get
the German no-access page (403); editors change entries in the admin. The URLs are
in accounts.urls (namespace ``konto``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from partners.entry.forms import EntryForms
from partners.entry.status import compare, entry_status
from partners.entry.submission import (
    SubmissionRefused,
    editable_copy,
    live_entry,
    submit,
)
from partners.models import EntryConfirmation, Partner, PartnerMembership

TEMPLATES = "partners/entry/"


def member_partners(user) -> list[Partner]:
    memberships = PartnerMembership.objects.for_user(user).select_related("partner")
    return [membership.partner for membership in memberships.order_by("partner__name")]


def no_access(request: HttpRequest) -> HttpResponse:
    return render(request, TEMPLATES + "no_access.html", status=403)


@never_cache
@login_required
def entry(request: HttpRequest) -> HttpResponse:
    """One membership: straight to its entry; several: the member chooses."""
    partners = member_partners(request.user)
    if not partners:
        return no_access(request)
    if len(partners) == 1:
        return redirect("konto:entry_for", partner_id=partners[0].pk)
    return render(request, TEMPLATES + "choose.html", {"partners": partners})


def own_partners(request: HttpRequest, partner_id: int) -> list[Partner] | HttpResponse:
    """The member's partners if ``partner_id`` is one of them; the no-access page for
    accounts without a membership; 404 for anyone else's id."""
    partners = member_partners(request.user)
    if not partners:
        return no_access(request)
    if partner_id not in {partner.pk for partner in partners}:
        raise Http404
    return partners


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_for(request: HttpRequest, partner_id: int) -> HttpResponse:
    """The entry of one of the member's own partners: show it, take a change into moderation.

    A valid change redirects back here (so a reload cannot submit it twice); a refused one
    is shown again with every value kept.
    """
    partners = own_partners(request, partner_id)
    if isinstance(partners, HttpResponse):
        return partners
    source = editable_copy(partner_id)
    page = EntryPage(request, source, several=len(partners) > 1)
    if request.method != "POST":
        return page.render(EntryForms(source))
    forms = EntryForms(source, request.POST)
    refuse_foreign_ids(forms, source)
    if not forms.is_valid():
        return page.render(forms, status=400)
    try:
        submit(source, forms, request.user)
    except SubmissionRefused as refused:
        return page.render(forms, refused=str(refused.message), status=409)
    messages.success(
        request,
        _(
            "Ihre Änderung ist eingereicht. Sie wird veröffentlicht, sobald die Koordination "
            "sie freigibt."
        ),
    )
    return redirect("konto:entry_for", partner_id=partner_id)


@never_cache
@login_required
@require_POST
def confirm(request: HttpRequest, partner_id: int) -> HttpResponse:
    """ "Eintrag ist aktuell": recorded with who and when, no moderation, no revision."""
    partners = own_partners(request, partner_id)
    if isinstance(partners, HttpResponse):
        return partners
    partner = live_entry(partner_id)
    if not partner.live:
        messages.error(
            request,
            _("Ein Eintrag, der noch nicht veröffentlicht ist, kann nicht bestätigt werden."),
        )
        return redirect("konto:entry_for", partner_id=partner_id)
    confirmation = EntryConfirmation.objects.create(partner=partner, confirmed_by=request.user)
    as_of = date_format(timezone.localtime(confirmation.confirmed_at), "d.m.Y")
    messages.success(
        request, _("Danke! Ihr Eintrag gilt als aktuell (Stand: %(date)s).") % {"date": as_of}
    )
    return redirect("konto:entry_for", partner_id=partner_id)


def refuse_foreign_ids(forms: EntryForms, source: Partner) -> None:
    """404 for a posted partner or contact person id that is not this entry's (or a person
    posted twice): such a form was not made by this page."""
    partner_id, person_ids = forms.posted_ids()
    own_persons = {str(person.pk) for person in source.contact_persons.all() if person.pk}
    if partner_id != str(source.pk) or not set(person_ids) <= own_persons:
        raise Http404
    if len(person_ids) != len(set(person_ids)):
        raise Http404


class EntryPage:
    """The entry page: the status, the live entry next to the pending change, the form."""

    def __init__(self, request: HttpRequest, source: Partner, *, several: bool) -> None:
        self.request, self.source, self.several = request, source, several

    def render(self, forms: EntryForms, *, refused: str = "", status: int = 200) -> HttpResponse:
        live = Partner.objects.with_current_as_of().get(pk=self.source.pk)
        context = {
            "partner": live,
            "forms": forms,
            "errors": forms.error_summary() if forms.has_errors else [],
            "refused": refused,
            "status": entry_status(live),
            "has_pending_change": live.has_unpublished_changes,
            "compared": compare(live, editable_copy(live.pk)),
            "several": self.several,
        }
        return render(self.request, TEMPLATES + "entry.html", context, status=status)
