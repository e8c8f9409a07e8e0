"""Demo content of the partner network, taken from the network's old web page.

Idempotent: records are found by slug, and a record is only saved (and gets a
new published revision) when its content differs from the demo data, so a
second run changes nothing.
"""

from typing import Any, TextIO

from partners.models import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PolicyField,
)

COORDINATOR = Partner.Role.COORDINATOR
PARTNER = Partner.Role.PARTNER
SITE_CONTACT_ROLE = "Ansprechpartner/in für Alleinerziehende"

# (slug, name, description, coordinating partner's slug), in the seed's order.
POLICY_FIELDS = [
    (
        "ausbildung-arbeit",
        "Ausbildung / Arbeit",
        "Wege in Ausbildung und Beschäftigung für Alleinerziehende.",
        "jobcenter-elbe-elster",
    ),
    (
        "fort-und-weiterbildung",
        "Berufliche Fort- und Weiterbildung",
        "Qualifizierung, auch in Teilzeit, passend zum Familienalltag.",
        "eg-projektagentur",
    ),
    (
        "soziale-dienste",
        "Soziale Dienste",
        "Beratung, Begleitung und Hilfen im Alltag.",
        "eepl-gmbh",
    ),
    (
        "gesundheit",
        "Gesundheit",
        "Gesundheitliche Versorgung und Vorsorge für Eltern und Kinder.",
        "horizont-sozialwerk",
    ),
]

PARTNERS: list[dict[str, Any]] = [
    {
        "slug": "jobcenter-elbe-elster",
        "name": "Jobcenter Elbe-Elster",
        "short_name": "JC EE",
        "role": COORDINATOR,
        "fields": ["ausbildung-arbeit"],
        "topics": ["Arbeit", "Ausbildung", "Ansprechpersonen für Alleinerziehende"],
        "description": (
            "<p>Das Jobcenter Elbe-Elster moderiert im Netzwerk das Politikfeld "
            "Ausbildung / Arbeit. Seit Januar 2013 haben Alleinerziehende an den Standorten "
            "Finsterwalde, Herzberg und Bad Liebenwerda feste Ansprechpersonen.</p>"
        ),
    },
    {
        "slug": "eg-projektagentur",
        "name": "E&G Projektagentur",
        "short_name": "E&G",
        "role": COORDINATOR,
        "fields": ["fort-und-weiterbildung"],
        "topics": ["Fortbildung", "Weiterbildung"],
        "description": (
            "<p>Die E&amp;G Projektagentur ist eine der vier koordinierenden Organisationen. "
            "Sie moderiert das Politikfeld berufliche Fort- und Weiterbildung und bindet "
            "dafür weitere Partner des Netzwerks ein.</p>"
        ),
    },
    {
        "slug": "eepl-gmbh",
        "name": "EEPL GmbH",
        "short_name": "EEPL",
        "role": COORDINATOR,
        "fields": ["soziale-dienste"],
        "topics": ["Soziale Dienste"],
        "description": (
            "<p>Die EEPL GmbH gehört zum kooperativen Management des Netzwerks und "
            "moderiert das Politikfeld soziale Dienste.</p>"
        ),
    },
    {
        "slug": "horizont-sozialwerk",
        "name": "Horizont - Sozialwerk für Integration",
        "short_name": "Horizont",
        "role": COORDINATOR,
        "fields": ["gesundheit"],
        "topics": ["Gesundheit", "Integration"],
        "description": (
            "<p>Horizont - Sozialwerk für Integration ist eine der vier koordinierenden "
            "Organisationen und moderiert das Politikfeld Gesundheit.</p>"
        ),
    },
    {
        "slug": "ibs-cemes",
        "name": "IBS - CEMES Institut GmbH",
        "short_name": "IBS - CEMES",
        "role": PARTNER,
        "fields": ["fort-und-weiterbildung"],
        "topics": ["Berufsorientierte Weiterbildung", "Teilzeit", "IHK-Zertifikat"],
        "description": (
            "<p>Das Institut bietet eine IHK-zertifizierte berufsorientierte Weiterbildung "
            "in Teilzeit an. Sie richtet sich an arbeitsuchende Alleinerziehende, an "
            "Berufsrückkehrerinnen und an Frauen ohne Berufsabschluss.</p>"
        ),
    },
    {
        "slug": "sanitaetshaus-kroeger",
        "name": "Medizintechnik & Sanitätshaus Harald Kröger GmbH",
        "short_name": "Sanitätshaus Kröger",
        "role": PARTNER,
        "fields": ["gesundheit"],
        "topics": ["Orthopädieschuhtechnik", "Orthopädietechnik", "Betriebskita"],
        "description": (
            "<p>Das Unternehmen betreibt Meisterwerkstätten für Orthopädieschuhtechnik und "
            "für Orthopädietechnik. Es plant eine Betriebskita, damit Beschäftigte Familie "
            "und Beruf besser vereinbaren können. Bei der Abschlussveranstaltung des "
            "Netzwerks am 26.02.2013 konnten die Gäste die Räume besichtigen.</p>"
        ),
    },
    {
        "slug": "lebenshilfe-finsterwalde",
        "name": "Lebenshilfe Finsterwalde e.V.",
        "short_name": "Lebenshilfe Finsterwalde",
        "role": PARTNER,
        "fields": ["soziale-dienste", "gesundheit"],
        "topics": ["Hilfen für Menschen mit Behinderung"],
        "town": "Finsterwalde",
        "description": (
            "<p>Der Verein öffnete bei der Abschlussveranstaltung am 26.02.2013 seine Räume "
            "und stellte seine Tätigkeitsfelder und sein Engagement im Netzwerk vor.</p>"
        ),
    },
]

CONTACT_POINT_TOWNS = [
    ("jobcenter-finsterwalde", "Finsterwalde"),
    ("jobcenter-herzberg", "Herzberg"),
    ("jobcenter-bad-liebenwerda", "Bad Liebenwerda"),
]
SYNTHETIC_TOWNS = ["Finsterwalde", "Herzberg", "Bad Liebenwerda"]
SYNTHETIC_DESCRIPTION = "<p>Automatisch erzeugter Beispieleintrag, keine echte Organisation.</p>"


def _assign(obj, values: dict[str, Any]) -> bool:
    """Set the values that differ; return whether anything changed."""
    changed = obj.pk is None
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _contacts(manager) -> list[tuple]:
    return [(c.name, c.role, c.phone, c.email, c.is_public) for c in manager.all()]


def _publish(obj) -> None:
    """Save and publish a new revision, as an editor's "Veröffentlichen" would."""
    obj.save()
    obj.save_revision().publish()


def load_policy_fields() -> dict[str, PolicyField]:
    fields = {}
    for order, (slug, name, description, _coordinator) in enumerate(POLICY_FIELDS):
        field = PolicyField.objects.filter(slug=slug).first() or PolicyField(slug=slug)
        if _assign(field, {"name": name, "description": description, "sort_order": order}):
            field.save()
        fields[slug] = field
    return fields


def sync_partner(slug: str, values: dict[str, Any], fields: list, topics: list[str]) -> Partner:
    """Create or update one partner; publish only when its content differs."""
    partner = Partner.objects.filter(slug=slug).first() or Partner(slug=slug)
    changed = _assign(partner, values)
    if partner.pk is None or {f.pk for f in partner.policy_fields.all()} != {f.pk for f in fields}:
        partner.policy_fields = fields
        changed = True
    if partner.pk is None or sorted(t.name for t in partner.topics.all()) != sorted(topics):
        partner.topics.set(topics, clear=True)
        changed = True
    if changed or not partner.live:
        _publish(partner)
    return partner


def load_partners(fields: dict[str, PolicyField]) -> dict[str, Partner]:
    partners = {}
    for spec in PARTNERS:
        values = {
            "name": spec["name"],
            "short_name": spec["short_name"],
            "role": spec["role"],
            "town": spec.get("town", ""),
            "description": spec["description"],
        }
        chosen = [fields[slug] for slug in spec["fields"]]
        partners[spec["slug"]] = sync_partner(spec["slug"], values, chosen, spec["topics"])
    for slug, _name, _description, coordinator in POLICY_FIELDS:
        if _assign(fields[slug], {"moderated_by": partners[coordinator]}):
            fields[slug].save()
    return partners


def load_contact_points(jobcenter: Partner) -> None:
    wanted_contacts = [("", SITE_CONTACT_ROLE, "", "", True)]
    for slug, town in CONTACT_POINT_TOWNS:
        point = ContactPoint.objects.filter(slug=slug).first() or ContactPoint(slug=slug)
        changed = _assign(
            point,
            {
                "name": f"Jobcenter Elbe-Elster, Standort {town}",
                "partner_id": jobcenter.pk,
                "town": town,
                "notes": (
                    "Seit Januar 2013 gibt es an diesem Standort eine feste Ansprechperson "
                    "für Alleinerziehende. Bitte vereinbaren Sie einen Termin."
                ),
            },
        )
        hours = [(b.value["days"], b.value["hours"]) for b in point.opening_hours]
        if hours != [("Montag bis Freitag", "nach Vereinbarung")]:
            point.opening_hours = [
                ("row", {"days": "Montag bis Freitag", "hours": "nach Vereinbarung"})
            ]
            changed = True
        if point.pk is None or _contacts(point.contact_persons) != wanted_contacts:
            point.contact_persons = [
                ContactPointContactPerson(role=SITE_CONTACT_ROLE, is_public=True)
            ]
            changed = True
        if changed or not point.live:
            _publish(point)


def load(stdout: TextIO) -> None:
    """Policy fields, the partners named on the old web page, the job centre's sites."""
    fields = load_policy_fields()
    partners = load_partners(fields)
    load_contact_points(partners["jobcenter-elbe-elster"])
    stdout.write(
        f"Netzwerk: {len(fields)} Politikfelder, {len(partners)} Partner, "
        f"{len(CONTACT_POINT_TOWNS)} Anlaufstellen.\n"
    )


def load_synthetic(n: int, stdout: TextIO) -> None:
    """N clearly labelled example partners for load and layout tests."""
    fields = list(PolicyField.objects.order_by("sort_order"))
    for i in range(1, n + 1):
        values = {
            "name": f"Beispielpartner {i:03d} (Testdaten)",
            "short_name": "",
            "role": PARTNER,
            "town": SYNTHETIC_TOWNS[i % len(SYNTHETIC_TOWNS)],
            "description": SYNTHETIC_DESCRIPTION,
        }
        chosen = [fields[i % len(fields)]] if fields else []
        sync_partner(f"beispielpartner-{i:03d}", values, chosen, ["Testdaten"])
    stdout.write(f"Netzwerk: {n} Beispielpartner (Testdaten).\n")
