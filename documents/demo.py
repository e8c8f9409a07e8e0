"""Demo handout guidelines from the network's facts (idempotent: existing pages stay)."""

from __future__ import annotations

from typing import Any, TextIO

from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from accounts.roles import PARTNER_STAFF_GROUP
from documents.models import HandoutIndexPage, HandoutPage

INDEX_SLUG = "handlungsanleitungen"


def _heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _para(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _steps(title: str, steps: list[str]) -> dict:
    return {"type": "steps", "value": {"title": title, "steps": steps}}


def _note(title: str, html: str) -> dict:
    return {"type": "note", "value": {"title": title, "text": html}}


HANDOUTS: list[dict[str, Any]] = [
    {
        "slug": "alleinerziehende-gut-beraten",
        "title": "Alleinerziehende gut beraten",
        "target_group": "Alleinerziehende Mütter und Väter im Landkreis Elbe-Elster",
        "summary": (
            "Was Alleinerziehende im Alltag tragen, und wie Mitarbeitende der Partner sie "
            "ohne Umwege zu passenden Hilfen im Netzwerk führen."
        ),
        "policy_fields": ["ausbildung-arbeit", "soziale-dienste"],
        "only_for_partner_staff": False,
        "partners": ["jobcenter-elbe-elster", "eepl-gmbh"],
        "contact_points": [
            "jobcenter-finsterwalde",
            "jobcenter-herzberg",
            "jobcenter-bad-liebenwerda",
        ],
        "body": [
            _heading("Vielfalt der Lebensform"),
            _para(
                "<p>Alleinerziehend ist keine einheitliche Lage: Alter der Kinder, Arbeitszeiten, "
                "Wohnort und Unterstützung durch Familie unterscheiden sich stark. Fragen Sie "
                "nach, statt vorauszusetzen.</p>"
            ),
            _steps(
                "Im ersten Gespräch",
                [
                    "Betreuungszeiten der Kinder klären, bevor Termine vereinbart werden.",
                    "Nach dem dringendsten Anliegen fragen und dieses zuerst angehen.",
                    "Zuständige Partner im Netzwerk nennen und den Kontakt anbieten.",
                ],
            ),
            _para(
                "<p>Seit Januar 2013 gibt es im Jobcenter Elbe-Elster an den Standorten "
                "Finsterwalde, Herzberg und Bad Liebenwerda feste Ansprechpersonen für "
                "Alleinerziehende.</p>"
            ),
        ],
    },
    {
        "slug": "erstansprache-bei-suchtproblemen",
        "title": "Erstansprache bei Suchtproblemen",
        "target_group": "Alleinerziehende, bei denen ein Suchtproblem sichtbar wird",
        "summary": (
            "Wie Mitarbeitende ein mögliches Suchtproblem respektvoll ansprechen und an "
            "Fachstellen vermitteln – aufbereitet aus dem Vortrag beim Netzwerktreffen."
        ),
        "policy_fields": ["gesundheit", "soziale-dienste"],
        "only_for_partner_staff": True,
        "partners": ["horizont-sozialwerk"],
        "contact_points": [],
        "body": [
            _heading("Haltung"),
            _para(
                "<p>Sprechen Sie beobachtetes Verhalten an, nicht Vermutungen. Eine Sucht ist "
                "eine Erkrankung; Scham verhindert oft, dass Hilfe gesucht wird.</p>"
            ),
            _steps(
                "Ablauf der Erstansprache",
                [
                    "Einen ruhigen, ungestörten Rahmen wählen.",
                    "Konkrete Beobachtungen benennen und nachfragen.",
                    "Hilfsangebote aufzeigen, ohne Druck aufzubauen.",
                    "Einen Folgetermin anbieten.",
                ],
            ),
            _note(
                "Kinder im Blick behalten",
                "<p>Wenn das Wohl der Kinder gefährdet sein könnte, gelten die Verfahren Ihrer "
                "Organisation zum Kinderschutz.</p>",
            ),
        ],
    },
    {
        "slug": "familie-und-beruf-vereinbaren",
        "title": "Familie und Beruf vereinbaren – mit familienfreundlichen Arbeitgebern",
        "target_group": "Alleinerziehende auf dem Weg in Ausbildung und Arbeit",
        "summary": (
            "Anregungen aus der Podiumsdiskussion „Familienfreundliche Referenzregion "
            "Elbe-Elster“: wie Partner Arbeitgeber und Alleinerziehende zusammenbringen."
        ),
        "policy_fields": ["ausbildung-arbeit", "fort-und-weiterbildung"],
        "only_for_partner_staff": False,
        "partners": ["eg-projektagentur", "ibs-cemes", "sanitaetshaus-kroeger"],
        "contact_points": [],
        "body": [
            _heading("Potenzial Alleinerziehende"),
            _para(
                "<p>Alleinerziehende bringen Organisationstalent und Verlässlichkeit mit. "
                "Familienfreundliche Arbeitszeiten machen dieses Potenzial für Betriebe "
                "nutzbar.</p>"
            ),
            _steps(
                "Was Sie Arbeitgebern empfehlen können",
                [
                    "Teilzeit- und Gleitzeitmodelle anbieten.",
                    "Betriebliche Kinderbetreuung prüfen, etwa eine Betriebskita.",
                    "Flexible Betreuung zu Hause in Rand- und Regelzeiten nutzen.",
                ],
            ),
            _para(
                "<p>Für Arbeit suchende Alleinerziehende gibt es im Netzwerk eine "
                "IHK-zertifizierte, berufsorientierte Weiterbildung in Teilzeit.</p>"
            ),
        ],
    },
]


def _home() -> Page | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def load_index(stdout: TextIO) -> HandoutIndexPage | None:
    home = _home()
    if home is None:
        stdout.write("documents: keine Startseite gefunden, Handlungsanleitungen übersprungen.")
        return None
    index = HandoutIndexPage.objects.child_of(home).first()
    if index is None:
        index = HandoutIndexPage(
            title="Handlungsanleitungen",
            slug=INDEX_SLUG,
            intro=(
                "Anleitungen für Mitarbeitende der Netzwerkpartner zum Umgang mit der "
                "Zielgruppe. Einige sind nur nach Anmeldung sichtbar."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("documents: Übersicht „Handlungsanleitungen“ angelegt.")
    return index


def _contacts(spec: dict) -> list[dict]:
    from partners.models import ContactPoint, Partner

    blocks = [
        {"type": "partner", "value": {"partner": p.pk, "note": ""}}
        for p in Partner.objects.filter(slug__in=spec["partners"]).order_by("name")
    ]
    blocks += [
        {"type": "contact_point", "value": {"contact_point": c.pk, "note": ""}}
        for c in ContactPoint.objects.filter(slug__in=spec["contact_points"]).order_by("name")
    ]
    return blocks


def _create_handout(index: HandoutIndexPage, spec: dict) -> HandoutPage:
    from partners.models import PolicyField

    page = HandoutPage(
        title=spec["title"],
        slug=spec["slug"],
        target_group=spec["target_group"],
        summary=spec["summary"],
        only_for_partner_staff=spec["only_for_partner_staff"],
        body=spec["body"],
        contacts=_contacts(spec),
    )
    index.add_child(instance=page)
    page.policy_fields.set(PolicyField.objects.filter(slug__in=spec.get("policy_fields", [])))
    page.save_revision().publish()
    return page


def load(stdout: TextIO) -> None:
    Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)
    index = load_index(stdout)
    if index is None:
        return
    created = 0
    for spec in HANDOUTS:
        if not HandoutPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            _create_handout(index, spec)
            created += 1
    if created:
        stdout.write(f"documents: {created} Handlungsanleitung(en) angelegt.")


def load_synthetic(n: int, stdout: TextIO) -> None:
    """n clearly marked example handouts for load tests."""
    index = load_index(stdout)
    if index is None:
        return
    existing = set(HandoutPage.objects.child_of(index).values_list("slug", flat=True))
    created = 0
    for number in range(1, n + 1):
        slug = f"beispiel-handlungsanleitung-{number:03d}"
        if slug in existing:
            continue
        spec = {
            "slug": slug,
            "title": f"Beispiel-Handlungsanleitung {number:03d} (Testdaten)",
            "target_group": "Testdaten",
            "summary": "Automatisch erzeugte Beispielseite für Lasttests.",
            "only_for_partner_staff": number % 3 == 0,
            "partners": [],
            "contact_points": [],
            "body": [_para(f"<p>Beispielinhalt Nummer {number}. Keine echten Angaben.</p>")],
        }
        _create_handout(index, spec)
        created += 1
    if created:
        stdout.write(f"documents: {created} Beispiel-Handlungsanleitung(en) angelegt.")
