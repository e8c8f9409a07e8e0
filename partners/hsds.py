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

from __future__ import annotations

import html
import uuid
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from partners.models import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PartnerContactPerson,
    PolicyField,
    public_contacts_prefetch,
)

HSDS_VERSION = "3.0"
TAXONOMY_NAME = "UNA Elbe-Elster Politikfelder"
#: Namespace of every exported identifier; never change it, ids would change with it.
ID_NAMESPACE = uuid.UUID("6d0c7d55-2a4e-4f59-9b6e-0f1f6c3b7a21")
STATE = "Brandenburg"
REGION = "Landkreis Elbe-Elster"
COUNTRY = "DE"


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
