"""The partner directory as open data: Open Referral HSDS 3 (Human Services Data Specification).

Mapping:

* Partner -> ``organization`` (name, short name, description, e-mail, website,
  phone, public contact persons, its address as a physical ``location``);
* ContactPoint -> a further ``location`` of its partner, with address, phone,
  public contact persons and opening hours as text;
* each policy field of a partner -> one ``service`` of that organisation,
  offered at all its locations, classified by an ``attribute`` that points to
  the policy field's ``taxonomy_term`` (taxonomy "UNA Elbe-Elster
  Politikfelder", one term per policy field).

Identifiers are UUIDs derived from the model and primary key (uuid5), so they
stay stable between exports. Empty values are left out rather than sent as
empty strings. Only live snippets and public contact persons are exported.
"""

import html
import math
import uuid
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from ninja import Path, Query, Router
from wagtail.api.v3.errors import ProblemDetail

from partners.models import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PartnerContactPerson,
    PolicyField,
    public_contacts_prefetch,
)

router = Router(tags=["open data"])

HSDS_VERSION = "3.0"
TAXONOMY_NAME = "UNA Elbe-Elster Politikfelder"
#: Namespace of every exported identifier; never change it, ids would change with it.
ID_NAMESPACE = uuid.UUID("6d0c7d55-2a4e-4f59-9b6e-0f1f6c3b7a21")
STATE = "Brandenburg"
REGION = "Landkreis Elbe-Elster"
COUNTRY = "DE"
MAX_PER_PAGE = 100
PAGE_RESPONSE = {200: dict[str, Any], 422: ProblemDetail}


def hsds_id(kind: str, *parts: object) -> str:
    """A stable UUID for one exported record."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join([kind, *map(str, parts)])))


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: HSDS fields are optional, but an empty e-mail is not an e-mail."""
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def _text(rich_text: str) -> str:
    """Plain text of an editor's rich text: tags removed, entities (``&amp;``) decoded."""
    return html.unescape(normalize_newlines(strip_tags(rich_text or ""))).strip()


def taxonomy() -> dict[str, Any]:
    return {
        "id": hsds_id("taxonomy", "policy-fields"),
        "name": TAXONOMY_NAME,
        "description": (
            "Die vier Politikfelder des Unterstützungsnetzwerks für Alleinerziehende "
            "Elbe-Elster; jedes wird von einer koordinierenden Organisation moderiert."
        ),
        "version": "1",
    }


def taxonomy_term(field: PolicyField) -> dict[str, Any]:
    return _clean(
        {
            "id": hsds_id("policy-field", field.pk),
            "code": field.slug,
            "name": field.name,
            "description": field.description or field.name,
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": taxonomy()["id"],
            "taxonomy_detail": taxonomy(),
            "language": "de",
        }
    )


def _phone(number: str, **links: str) -> dict[str, Any]:
    phone_id = hsds_id("phone", *links.values(), number)
    return _clean({"id": phone_id, "number": number, "type": "voice", **links})


def _contact(person, **links: str) -> dict[str, Any]:
    contact_id = hsds_id("contact", person._meta.label, person.pk)
    phones = [_phone(person.phone, contact_id=contact_id)] if person.phone else []
    return _clean(
        {
            "id": contact_id,
            "name": person.name,
            "title": person.role,
            "email": person.email,
            "phones": phones,
            **links,
        }
    )


def _address(obj, location_id: str) -> list[dict[str, Any]]:
    """HSDS requires street, town and postcode; an incomplete address is left out."""
    if not (obj.street and obj.town and obj.postcode):
        return []
    return [
        {
            "id": hsds_id("address", location_id),
            "location_id": location_id,
            "address_1": obj.street,
            "city": obj.town,
            "region": REGION,
            "state_province": STATE,
            "postal_code": obj.postcode,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]


def _partner_location(partner: Partner, organization_id: str) -> dict[str, Any] | None:
    if not partner.has_address:
        return None
    location_id = hsds_id("location", "partner", partner.pk)
    return _clean(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": organization_id,
            "name": partner.name,
            "addresses": _address(partner, location_id),
        }
    )


def _opening_hours_text(point: ContactPoint) -> str:
    lines = []
    for block in point.opening_hours:
        value = block.value
        parts = [str(value.get(key) or "") for key in ("days", "hours", "note") if key in value]
        line = " ".join(part for part in parts if part).strip()
        if line:
            lines.append(line)
    return "; ".join(lines)


def _contact_point_location(point: ContactPoint, organization_id: str) -> dict[str, Any]:
    location_id = hsds_id("location", "contact-point", point.pk)
    hours = _opening_hours_text(point)
    hours_text = f"Öffnungs- und Sprechzeiten: {hours}" if hours else ""
    description = "\n".join(part for part in (point.notes, hours_text) if part)
    return _clean(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": organization_id,
            "name": point.name,
            "description": description,
            "addresses": _address(point, location_id),
            "phones": [_phone(point.phone, location_id=location_id)] if point.phone else [],
            "contacts": [
                _contact(person, location_id=location_id)
                for person in point.public_contact_persons()
            ],
        }
    )


def _services(partner: Partner, organization_id: str, locations: list[dict]) -> list[dict]:
    topics = ", ".join(sorted(tag.name for tag in partner.topics.all()))
    services = []
    for field in partner.policy_fields.all():
        service_id = hsds_id("service", partner.pk, field.pk)
        term = taxonomy_term(field)
        services.append(
            _clean(
                {
                    "id": service_id,
                    "organization_id": organization_id,
                    "name": f"{field.name}: {partner.short_name or partner.name}",
                    "description": f"Zuständig für: {topics}" if topics else field.name,
                    "url": partner.website,
                    "email": partner.email,
                    "status": "active",
                    "attributes": [
                        {
                            "id": hsds_id("attribute", service_id, field.pk),
                            "link_id": service_id,
                            "link_type": "policy_field",
                            "link_entity": "service",
                            "taxonomy_term_id": term["id"],
                            "taxonomy_term": term,
                        }
                    ],
                    "service_at_locations": [
                        {
                            "id": hsds_id("service-at-location", service_id, location["id"]),
                            "service_id": service_id,
                            "location_id": location["id"],
                        }
                        for location in locations
                    ],
                }
            )
        )
    return services


def organization(partner: Partner, request: HttpRequest | None = None) -> dict[str, Any]:
    """One partner as a complete HSDS organization with services, locations and contacts."""
    organization_id = hsds_id("organization", partner.pk)
    locations = [
        location
        for location in [_partner_location(partner, organization_id)]
        + [
            _contact_point_location(point, organization_id)
            for point in partner.contact_points.all()
            if point.live
        ]
        if location
    ]
    logo = ""
    if partner.logo_id and request is not None:
        logo = request.build_absolute_uri(partner.logo.file.url)
    return _clean(
        {
            "id": organization_id,
            "name": partner.name,
            "alternate_name": partner.short_name,
            "description": _text(partner.description) or partner.name,
            "email": partner.email,
            "website": partner.website,
            "logo": logo,
            "phones": (
                [_phone(partner.phone, organization_id=organization_id)] if partner.phone else []
            ),
            "contacts": [
                _contact(person, organization_id=organization_id)
                for person in partner.public_contact_persons()
            ],
            "locations": locations,
            "services": _services(partner, organization_id, locations),
            "metadata": _metadata(partner, organization_id),
        }
    )


def _metadata(partner: Partner, organization_id: str) -> list[dict[str, Any]]:
    """HSDS metadata: when the entry was last changed (approved) or confirmed as current."""
    as_of = partner.current_as_of
    if as_of is None:
        return []
    confirmed = partner.last_published_at is None or as_of > partner.last_published_at
    return [
        {
            "id": hsds_id("metadata", partner.pk),
            "resource_id": organization_id,
            "resource_type": "organization",
            "last_action_date": timezone.localdate(as_of).isoformat(),
            "last_action_type": "verified" if confirmed else "update",
            "field_name": "",
            "previous_value": "",
            "replacement_value": "",
            "updated_by": str(partner),
        }
    ]


def exported_partners():
    return (
        Partner.objects.live()
        .with_current_as_of()
        .select_related("logo")
        .prefetch_related(
            "policy_fields",
            "tagged_topics__tag",
            public_contacts_prefetch(PartnerContactPerson),
            public_contacts_prefetch(ContactPointContactPerson, through="contact_points__"),
        )
        .order_by("name", "pk")
    )


def hsds_page(items: list, total: int, page: int, per_page: int) -> dict[str, Any]:
    """HSDS 3 API paging envelope."""
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "contents": items,
    }


def _page_slice(page: int, per_page: int) -> slice:
    start = (page - 1) * per_page
    return slice(start, start + per_page)


PAGE = Query(1, ge=1, le=100_000, description="Page number, from 1.")
PER_PAGE = Query(50, ge=1, le=MAX_PER_PAGE, description="Items per page (1-100).")


@router.get(
    "/hsds/",
    response=dict[str, Any],
    url_name="hsds_index",
    summary="HSDS export: index",
    operation_id="hsds_index",
    auth=None,
)
def hsds_index(request: HttpRequest):
    return {
        "version": HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "organizations": request.build_absolute_uri("organizations/"),
        "services": request.build_absolute_uri("services/"),
        "taxonomy_terms": request.build_absolute_uri("taxonomy_terms/"),
    }


@router.get(
    "/hsds/organizations/",
    response=PAGE_RESPONSE,
    url_name="hsds_organizations",
    summary="HSDS export: organizations",
    description=(
        "Every published partner as an Open Referral HSDS 3 organization with its services "
        "(one per policy field), locations, contacts and phones, in the HSDS paging envelope."
    ),
    operation_id="hsds_organizations_list",
    auth=None,
)
def hsds_organizations(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    partners = exported_partners()
    items = [organization(p, request) for p in partners[_page_slice(page, per_page)]]
    return hsds_page(items, partners.count(), page, per_page)


@router.get(
    "/hsds/organizations/{organization_id}/",
    response={200: dict[str, Any], 404: ProblemDetail, 422: ProblemDetail},
    url_name="hsds_organization_detail",
    summary="HSDS export: one organization",
    operation_id="hsds_organizations_detail",
    auth=None,
)
def hsds_organization(request: HttpRequest, organization_id: uuid.UUID = Path(...)):  # noqa: B008
    for partner in exported_partners():
        if hsds_id("organization", partner.pk) == str(organization_id):
            return organization(partner, request)
    raise Http404("No organization with this id")


@router.get(
    "/hsds/services/",
    response=PAGE_RESPONSE,
    url_name="hsds_services",
    summary="HSDS export: services",
    operation_id="hsds_services_list",
    auth=None,
)
def hsds_services(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    services = []
    for partner in exported_partners():
        data = organization(partner, request)
        for service in data.get("services", []):
            org = {k: v for k, v in data.items() if k not in ("services", "locations")}
            services.append({**service, "organization": org})
    return hsds_page(services[_page_slice(page, per_page)], len(services), page, per_page)


@router.get(
    "/hsds/taxonomy_terms/",
    response=PAGE_RESPONSE,
    url_name="hsds_taxonomy_terms",
    summary="HSDS export: taxonomy terms (the policy fields)",
    operation_id="hsds_taxonomy_terms_list",
    auth=None,
)
def hsds_taxonomy_terms(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    fields = PolicyField.objects.order_by("sort_order", "name")
    items = [taxonomy_term(field) for field in fields[_page_slice(page, per_page)]]
    return hsds_page(items, fields.count(), page, per_page)
