"""Synthetic content for load and layout tests: many records, every one labelled as such.

``load_demo --synthetic N`` adds N example pages, partners and handouts (titles say
"Testdaten"). Benchmarks build their own measured documents from the same pieces
(``partner``, ``handout``, ``typical_body``), so there is one way to make test data
and it is the one editors' content takes: published through ``demo.publish``.
"""

from __future__ import annotations

import random

from demo import streams
from demo.content import network
from demo.content.site import SYNTHETIC_BODY
from demo.handouts import index_page
from demo.pages import home_page
from demo.publish import Changes, sync
from documents.models import HandoutPage
from home.models import StandardPage
from partners.models import Partner, PolicyField

PAGES_PARENT_SLUG = "testdaten"
TOWNS = list(network.TOWNS)
FILLER = (
    "Alleinerziehende Mütter und Väter tragen Erwerbsarbeit, Kinderbetreuung und Haushalt "
    "allein. Mitarbeitende der Netzwerkpartner nehmen sich Zeit, fragen nach der Lage der "
    "Familie und nennen die passende Stelle im Netzwerk, statt auf Zuständigkeiten zu "
    "verweisen. Termine richten sich nach den Betreuungszeiten der Kinder; Unterlagen werden "
    "in einfacher Sprache erklärt, und niemand wird ohne nächsten Schritt verabschiedet. "
)
WORK_STEPS = [
    "Betreuungszeiten der Kinder klären, bevor ein Termin vereinbart wird.",
    "Das dringendste Anliegen zuerst angehen.",
    "Die passende Stelle im Netzwerk nennen und den Kontakt anbieten.",
    "Den nächsten Schritt schriftlich mitgeben.",
]
NOT_REAL = "Keine echten Angaben."
CONSENT_NOTE = "<p>Persönliche Angaben nur mit Einwilligung weitergeben.</p>"


def filler_paragraph(words: int = 120, seed: int = 0) -> dict:
    """A paragraph of about ``words`` words, the same for the same seed."""
    sentences = FILLER.split(". ")
    rng = random.Random(seed)  # noqa: S311 - filler text, not security
    text = ""
    while len(text.split()) < words:
        text += rng.choice(sentences).strip().rstrip(".") + ". "
    return streams.paragraph(f"<p>{text.strip()}</p>")


def typical_body(number: int) -> list[dict]:
    """About two printed pages: the size of a typical handout."""
    return [
        streams.heading("Worum es geht"),
        *[filler_paragraph(130, seed=number * 7 + k) for k in range(3)],
        streams.heading("Im Gespräch"),
        filler_paragraph(130, seed=number * 7 + 3),
        streams.steps("So gehen Sie vor", WORK_STEPS),
        streams.note("Hinweis", CONSENT_NOTE),
    ]


def partner(
    slug: str,
    name: str,
    changes: Changes,
    *,
    number: int = 0,
    complete: bool = True,
    fields: list[PolicyField] = (),
    topics: list[str] = (),
) -> Partner:
    """A published example partner with sample contact data; ``complete=False``: town and
    phone only (a sparse entry, as real ones often start)."""
    town = TOWNS[number % len(TOWNS)]
    values = {
        "name": name,
        "role": Partner.Role.PARTNER,
        "town": town,
        "phone": network.sample_phone(town, 500 + number),
        "description": "<p>Automatisch erzeugter Beispieleintrag, keine echte Organisation.</p>",
        "policy_fields": list(fields),
        "topics": list(topics),
    }
    if complete:
        values |= network.sample_address(town, 500 + number)
        values |= {
            "email": network.sample_email(slug),
            "website": f"https://{slug}.{network.SAMPLE_DOMAIN}/",
            "contact_persons": [network.sample_person("Beratung", town, number)],
        }
    return sync(Partner, {"slug": slug}, values, changes)


def handout(slug: str, values: dict, changes: Changes) -> HandoutPage:
    """A published handout below the handout index (made when the site has none)."""
    return sync(HandoutPage, {"slug": slug}, values, changes, parent=index_page(changes))


def load_pages(n: int, changes: Changes) -> str:
    parent = sync(
        StandardPage,
        {"slug": PAGES_PARENT_SLUG},
        {"title": "Testdaten", "intro": "Beispielseiten für Last- und Layouttests."},
        changes,
        parent=home_page(changes),
    )
    for i in range(1, n + 1):
        values = {
            "title": f"Beispielseite {i:03d} (Testdaten)",
            "intro": "Diese Seite ist ein Beispiel und gehört nicht zum Netzwerk.",
            "body": [streams.paragraph(SYNTHETIC_BODY)],
        }
        sync(StandardPage, {"slug": f"beispielseite-{i:03d}"}, values, changes, parent=parent)
    return f"Website: {n} Beispielseiten (Testdaten)."


def load_partners(n: int, changes: Changes) -> str:
    fields = list(PolicyField.objects.order_by("sort_order"))
    for i in range(1, n + 1):
        chosen = [fields[i % len(fields)]] if fields else []
        name = f"Beispielpartner {i:03d} (Testdaten)"
        slug = f"beispielpartner-{i:03d}"
        partner(slug, name, changes, number=i, fields=chosen, topics=["Testdaten"])
    return f"Netzwerk: {n} Beispielpartner (Testdaten)."


def load_handouts(n: int, changes: Changes) -> str:
    for number in range(1, n + 1):
        values = {
            "title": f"Beispiel-Handlungsanleitung {number:03d} (Testdaten)",
            "target_group": "Testdaten",
            "summary": "Automatisch erzeugte Beispielseite für Lasttests.",
            "only_for_partner_staff": number % 3 == 0,
            "body": [streams.paragraph(f"<p>Beispielinhalt Nummer {number}. {NOT_REAL}</p>")],
        }
        handout(f"beispiel-handlungsanleitung-{number:03d}", values, changes)
    return f"Handlungsanleitungen: {n} Beispiele (Testdaten)."


def load(n: int, changes: Changes) -> list[str]:
    """N example partners, pages and handouts (in this order: pages may list partners)."""
    return [load_partners(n, changes), load_pages(n, changes), load_handouts(n, changes)]
