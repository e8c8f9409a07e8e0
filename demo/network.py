"""The partner network of the demo: policy fields, partners, the job centre's sites.

Each record goes through ``demo.publish.sync``: partners and contact points are
snippets with revisions, so a change is published as the snippet editor would.
"""

from __future__ import annotations

from demo import streams
from demo.content import network as content
from demo.publish import Changes, sync
from partners.models import ContactPoint, Partner, PolicyField


def policy_fields(changes: Changes) -> dict[str, PolicyField]:
    fields = {}
    for order, (slug, name, description, _coordinator) in enumerate(content.POLICY_FIELDS):
        values = {"name": name, "description": description, "sort_order": order}
        fields[slug] = sync(PolicyField, {"slug": slug}, values, changes)
    return fields


def partner_values(spec: dict, number: int, fields: list[PolicyField]) -> dict:
    """A partner's fields with complete sample contact data in its town."""
    town, slug = spec["town"], spec["slug"]
    return {
        "name": spec["name"],
        "short_name": spec["short_name"],
        "role": Partner.Role.COORDINATOR if spec["coordinator"] else Partner.Role.PARTNER,
        "description": spec["description"],
        **content.sample_address(town, number),
        "phone": content.sample_phone(town, number),
        "email": content.sample_email(slug),
        "website": f"https://{slug}.{content.SAMPLE_DOMAIN}/",
        "policy_fields": fields,
        "topics": spec["topics"],
        "contact_persons": [content.sample_person(spec["contact_role"], town, number)],
    }


def partners(fields: dict[str, PolicyField], changes: Changes) -> dict[str, Partner]:
    found = {}
    for number, spec in enumerate(content.PARTNERS, start=1):
        values = partner_values(spec, number, [fields[slug] for slug in spec["fields"]])
        found[spec["slug"]] = sync(Partner, {"slug": spec["slug"]}, values, changes)
    for slug, _name, _description, coordinator in content.POLICY_FIELDS:
        sync(PolicyField, {"slug": slug}, {"moderated_by": found[coordinator]}, changes)
    return found


def contact_points(jobcenter: Partner, changes: Changes) -> list[ContactPoint]:
    points = []
    for number, (slug, town) in enumerate(content.CONTACT_POINT_TOWNS, start=11):
        values = {
            "name": f"Jobcenter Elbe-Elster, Standort {town}",
            "partner_id": jobcenter.pk,
            **content.sample_address(town, number),
            "phone": content.sample_phone(town, number),
            "email": content.sample_email(slug),
            "notes": content.CONTACT_POINT_NOTES,
            "opening_hours": [streams.opening_hours(*row) for row in content.OPENING_HOURS],
            "contact_persons": [content.sample_person(content.SITE_CONTACT_ROLE, town, number)],
        }
        points.append(sync(ContactPoint, {"slug": slug}, values, changes))
    return points


def load(changes: Changes) -> str:
    """Policy fields, the partners named on the old web page, the job centre's sites."""
    fields = policy_fields(changes)
    found = partners(fields, changes)
    points = contact_points(found["jobcenter-elbe-elster"], changes)
    return (
        f"Netzwerk: {len(fields)} Politikfelder, {len(found)} Partner, {len(points)} Anlaufstellen."
    )
