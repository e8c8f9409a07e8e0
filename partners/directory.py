"""The public partner directory: the filter form and the queries behind it.

The form is a plain GET form so the directory works without JavaScript and
every result list has a shareable URL. Unknown filter values never raise:
they yield an empty result and a German hint.
"""

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from partners.models.contacts import public_contacts_prefetch
from partners.models.network import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PartnerContactPerson,
    PolicyField,
)
from security.jsonld import dump_jsonld

PER_PAGE = 30
INVALID_FILTER_HINT = _(
    "Mindestens eine Angabe im Filter ist ungültig, daher werden keine Partner angezeigt. "
    "Bitte wählen Sie Politikfeld und Ort aus der Liste."
)


def live_partners() -> QuerySet[Partner]:
    """Published partners with what the list and detail views show, in few queries."""
    return (
        Partner.objects.live()
        .with_current_as_of()
        .select_related("logo")
        .prefetch_related(
            "policy_fields",
            "tagged_topics__tag",
            public_contacts_prefetch(PartnerContactPerson),
        )
    )


def text_search_q(term: str | None) -> Q:
    """The free-text partner search of the directory and the API: name, description, town,
    topics. An empty term matches everything."""
    term = (term or "").strip()
    if not term:
        return Q()
    return (
        Q(name__icontains=term)
        | Q(short_name__icontains=term)
        | Q(description__icontains=term)
        | Q(town__icontains=term)
        | Q(tagged_topics__tag__name__icontains=term)
    )


def town_q(town: str | None) -> Q:
    """Partners in ``town``: their own address or one of their published sites there (the
    Jobcenter is in Herzberg through its site). Directory and API filter with this."""
    town = (town or "").strip()
    if not town:
        return Q()
    return Q(town__iexact=town) | Q(contact_points__town__iexact=town, contact_points__live=True)


def town_choices() -> list[tuple[str, str]]:
    """Every town with a published partner or a published site of one, in order."""
    own = Partner.objects.live().exclude(town="").values_list("town", flat=True)
    sites = (
        ContactPoint.objects.live()
        .filter(partner__live=True)
        .exclude(town="")
        .values_list("town", flat=True)
    )
    towns = sorted(set(own) | set(sites))
    return [("", _("Alle Orte")), *((town, town) for town in towns)]


def policy_field_choices() -> list[tuple[str, str]]:
    fields = PolicyField.objects.values_list("slug", "name")
    return [("", _("Alle Politikfelder")), *fields]


class PartnerFilterForm(forms.Form):
    """Filter by policy field, town and free text."""

    bereich = forms.ChoiceField(label=_("Politikfeld"), required=False)
    ort = forms.ChoiceField(label=_("Ort"), required=False)
    suche = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=100,
        help_text=_("z. B. Name, Angebot oder Ort"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bereich"].choices = policy_field_choices()
        self.fields["ort"].choices = town_choices()

    def filter(self, queryset: QuerySet[Partner]) -> QuerySet[Partner]:
        """Apply the valid filters; any invalid value makes the result empty."""
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["bereich"]:
            queryset = queryset.filter(policy_fields__slug=data["bereich"])
        if data["ort"]:
            queryset = queryset.filter(town_q(data["ort"]))
        queryset = queryset.filter(text_search_q(data["suche"]))
        return queryset.distinct()

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


def directory_context(request: HttpRequest) -> dict[str, Any]:
    """Context for the directory list: form, partners and a hint for bad input."""
    form = PartnerFilterForm(request.GET or None)
    partners = form.filter(live_partners()) if form.is_bound else live_partners()
    page = Paginator(partners, PER_PAGE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return {
        "policy_fields": PolicyField.objects.select_related("moderated_by"),
        "filter_form": form,
        "partners": page.object_list,
        "result_page": page,
        "result_count": page.paginator.count,
        "filter_query": query.urlencode(),
        "filter_hint": INVALID_FILTER_HINT if form.is_bound and not form.is_valid() else "",
    }


def detail_context(slug: str) -> dict[str, Any]:
    """Context for one partner's detail view; drafts and unknown slugs are 404."""
    try:
        partner = live_partners().get(slug=slug)
    except Partner.DoesNotExist as exc:
        raise Http404(str(_("Diesen Partner gibt es nicht."))) from exc
    contact_points = (
        ContactPoint.objects.live()
        .filter(partner=partner)
        .prefetch_related(public_contacts_prefetch(ContactPointContactPerson))
    )
    return {
        "partner": partner,
        "contact_persons": partner.public_contact_persons(),
        "contact_points": contact_points,
        "partner_jsonld": partner_jsonld(partner),
    }


def partner_jsonld(partner: Partner) -> SafeString:
    """schema.org Organization data, escaped so it cannot close the script element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
    }
    if partner.short_name:
        data["alternateName"] = partner.short_name
    if partner.website:
        data["url"] = partner.website
    if partner.phone:
        data["telephone"] = partner.phone
    if partner.email:
        data["email"] = partner.email
    if partner.has_address:
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        for key, value in (
            ("streetAddress", partner.street),
            ("postalCode", partner.postcode),
            ("addressLocality", partner.town),
        ):
            if value:
                address[key] = value
        data["address"] = address
    return dump_jsonld(data)
