"""Handout guidelines of the demo, from the talks and offers the old web page names.

Partners, contact points and policy fields are named by slug; ``demo.handouts``
turns them into references when it loads.
"""

from __future__ import annotations

from typing import Any

from demo.streams import heading, note, paragraph, steps

INDEX_SLUG = "handlungsanleitungen"
INDEX_TITLE = "Handlungsanleitungen"
INDEX_INTRO = (
    "Anleitungen für Mitarbeitende der Netzwerkpartner zum Umgang mit der "
    "Zielgruppe. Einige sind nur nach Anmeldung sichtbar."
)

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
            heading("Vielfalt der Lebensform"),
            paragraph(
                "<p>Alleinerziehend ist keine einheitliche Lage: Alter der Kinder, Arbeitszeiten, "
                "Wohnort und Unterstützung durch Familie unterscheiden sich stark. Fragen Sie "
                "nach, statt vorauszusetzen.</p>"
            ),
            steps(
                "Im ersten Gespräch",
                [
                    "Betreuungszeiten der Kinder klären, bevor Termine vereinbart werden.",
                    "Nach dem dringendsten Anliegen fragen und dieses zuerst angehen.",
                    "Zuständige Partner im Netzwerk nennen und den Kontakt anbieten.",
                ],
            ),
            paragraph(
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
            heading("Haltung"),
            paragraph(
                "<p>Sprechen Sie beobachtetes Verhalten an, nicht Vermutungen. Eine Sucht ist "
                "eine Erkrankung; Scham verhindert oft, dass Hilfe gesucht wird.</p>"
            ),
            steps(
                "Ablauf der Erstansprache",
                [
                    "Einen ruhigen, ungestörten Rahmen wählen.",
                    "Konkrete Beobachtungen benennen und nachfragen.",
                    "Hilfsangebote aufzeigen, ohne Druck aufzubauen.",
                    "Einen Folgetermin anbieten.",
                ],
            ),
            note(
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
            heading("Potenzial Alleinerziehende"),
            paragraph(
                "<p>Alleinerziehende bringen Organisationstalent und Verlässlichkeit mit. "
                "Familienfreundliche Arbeitszeiten machen dieses Potenzial für Betriebe "
                "nutzbar.</p>"
            ),
            steps(
                "Was Sie Arbeitgebern empfehlen können",
                [
                    "Teilzeit- und Gleitzeitmodelle anbieten.",
                    "Betriebliche Kinderbetreuung prüfen, etwa eine Betriebskita.",
                    "Flexible Betreuung zu Hause in Rand- und Regelzeiten nutzen.",
                ],
            ),
            paragraph(
                "<p>Für Arbeit suchende Alleinerziehende gibt es im Netzwerk eine "
                "IHK-zertifizierte, berufsorientierte Weiterbildung in Teilzeit.</p>"
            ),
        ],
    },
]
