"""The partner network of the demo: policy fields, partners, the job centre's sites.

Organisations, policy fields and towns are the ones the network's old web page
names. Their addresses, phone numbers, e-mail addresses, websites and contact
persons are invented and marked as sample data wherever they appear, so directory
cards and PDF contact blocks look like real use without pretending to be real:
streets are "Beispielstraße", phone numbers start their
subscriber part with 0 (never assigned in Germany), e-mail and web addresses use the
reserved top-level domain ``.invalid``.
"""

from __future__ import annotations

import datetime
from typing import Any

SAMPLE_MARK = "(Beispiel)"
SAMPLE_STREET = "Beispielstraße"
SAMPLE_DOMAIN = "beispiel.invalid"
#: The sample persons "agreed" to publication on this day (a public person needs a consent date).
SAMPLE_CONSENT_DATE = datetime.date(2026, 1, 15)
SITE_CONTACT_ROLE = "Ansprechpartner/in für Alleinerziehende"

# Postcode and area code of each town of the seed.
TOWNS = {
    "Finsterwalde": ("03238", "03531"),
    "Herzberg": ("04916", "03535"),
    "Bad Liebenwerda": ("04924", "035341"),
}

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
        "coordinator": True,
        "fields": ["ausbildung-arbeit"],
        "topics": ["Arbeit", "Ausbildung", "Ansprechpersonen für Alleinerziehende"],
        "town": "Herzberg",
        "contact_role": "Koordination Politikfeld Ausbildung / Arbeit",
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
        "coordinator": True,
        "fields": ["fort-und-weiterbildung"],
        "topics": ["Fortbildung", "Weiterbildung"],
        "town": "Finsterwalde",
        "contact_role": "Koordination Politikfeld Fort- und Weiterbildung",
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
        "coordinator": True,
        "fields": ["soziale-dienste"],
        "topics": ["Soziale Dienste"],
        "town": "Bad Liebenwerda",
        "contact_role": "Koordination Politikfeld Soziale Dienste",
        "description": (
            "<p>Die EEPL GmbH gehört zum kooperativen Management des Netzwerks und "
            "moderiert das Politikfeld soziale Dienste.</p>"
        ),
    },
    {
        "slug": "horizont-sozialwerk",
        "name": "Horizont - Sozialwerk für Integration",
        "short_name": "Horizont",
        "coordinator": True,
        "fields": ["gesundheit"],
        "topics": ["Gesundheit", "Integration"],
        "town": "Herzberg",
        "contact_role": "Koordination Politikfeld Gesundheit",
        "description": (
            "<p>Horizont - Sozialwerk für Integration ist eine der vier koordinierenden "
            "Organisationen und moderiert das Politikfeld Gesundheit.</p>"
        ),
    },
    {
        "slug": "ibs-cemes",
        "name": "IBS - CEMES Institut GmbH",
        "short_name": "IBS - CEMES",
        "coordinator": False,
        "fields": ["fort-und-weiterbildung"],
        "topics": ["Berufsorientierte Weiterbildung", "Teilzeit", "IHK-Zertifikat"],
        "town": "Finsterwalde",
        "contact_role": "Beratung zur Weiterbildung in Teilzeit",
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
        "coordinator": False,
        "fields": ["gesundheit"],
        "topics": ["Orthopädieschuhtechnik", "Orthopädietechnik", "Betriebskita"],
        "town": "Bad Liebenwerda",
        "contact_role": "Fragen zur geplanten Betriebskita",
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
        "coordinator": False,
        "fields": ["soziale-dienste", "gesundheit"],
        "topics": ["Hilfen für Menschen mit Behinderung"],
        "town": "Finsterwalde",
        "contact_role": "Beratung für Familien",
        "description": (
            "<p>Der Verein öffnete bei der Abschlussveranstaltung am 26.02.2013 seine Räume "
            "und stellte seine Tätigkeitsfelder und sein Engagement im Netzwerk vor.</p>"
        ),
    },
]

# The job centre's sites with a contact person for single parents (since January 2013).
CONTACT_POINT_TOWNS = [
    ("jobcenter-finsterwalde", "Finsterwalde"),
    ("jobcenter-herzberg", "Herzberg"),
    ("jobcenter-bad-liebenwerda", "Bad Liebenwerda"),
]
CONTACT_POINT_NOTES = (
    "Seit Januar 2013 gibt es an diesem Standort eine feste Ansprechperson für "
    "Alleinerziehende. Bitte vereinbaren Sie einen Termin."
)
OPENING_HOURS = [
    ("Montag bis Freitag", "nach Vereinbarung"),
    ("Dienstag", f"9:00–12:00 und 13:00–18:00 Uhr {SAMPLE_MARK}"),
]
# Sample people: the names German forms use for "anyone", marked as examples.
SAMPLE_PEOPLE = ["Erika Mustermann", "Max Mustermann"]


def sample_phone(town: str, number: int) -> str:
    """A town's area code and a subscriber number no one has: "03531 000001"."""
    return f"{TOWNS[town][1]} {number:06d}"


def sample_email(local: str) -> str:
    return f"{local}@{SAMPLE_DOMAIN}"


def sample_address(town: str, number: int) -> dict[str, str]:
    """Street, postcode and town: the town and its postcode are real, the street is not."""
    return {"street": f"{SAMPLE_STREET} {number}", "postcode": TOWNS[town][0], "town": town}


def sample_person(role: str, town: str, number: int) -> dict[str, Any]:
    """One public contact person; the name says it is an example."""
    name = SAMPLE_PEOPLE[number % len(SAMPLE_PEOPLE)]
    local = name.lower().replace(" ", ".")
    return {
        "name": f"{name} {SAMPLE_MARK}",
        "role": role,
        "phone": sample_phone(town, 100 + number),
        "email": sample_email(f"{local}.{number}"),
        "is_public": True,
        "consent_given_on": SAMPLE_CONSENT_DATE,
    }
