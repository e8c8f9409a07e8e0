"""What the benchmarks render: a reference handout and synthetic handouts.

Everything is created through the models and published as an editor would
(``save_revision().publish()``), so every render runs through the real
publish -> RenderJob -> Celery -> WeasyPrint -> PdfVersion path. All names
say "Messdaten" (benchmark data); no real-looking organisations or people.
"""

from __future__ import annotations

import io
import random

from bench.harness import Stack, log

TEXT = (
    "Alleinerziehende Mütter und Väter tragen Erwerbsarbeit, Kinderbetreuung und Haushalt "
    "allein. Mitarbeitende der Netzwerkpartner nehmen sich Zeit, fragen nach der Lage der "
    "Familie und nennen die passende Stelle im Netzwerk, statt auf Zuständigkeiten zu "
    "verweisen. Termine richten sich nach den Betreuungszeiten der Kinder; Unterlagen werden "
    "in einfacher Sprache erklärt, und niemand wird ohne nächsten Schritt verabschiedet. "
)
REFERENCE_SLUG = "messdaten-referenz-handlungsanleitung"
REFERENCE_PARTNERS = 30
TARGET_PAGES = 5


def _heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def _para(words: int = 120, seed: int = 0) -> dict:
    sentences = TEXT.split(". ")
    rng = random.Random(seed)
    text = ""
    while len(text.split()) < words:
        text += rng.choice(sentences).strip().rstrip(".") + ". "
    return {"type": "paragraph", "value": f"<p>{text.strip()}</p>"}


def _steps(title: str) -> dict:
    steps = [
        "Betreuungszeiten der Kinder klären, bevor ein Termin vereinbart wird.",
        "Das dringendste Anliegen zuerst angehen.",
        "Die passende Stelle im Netzwerk nennen und den Kontakt anbieten.",
        "Den nächsten Schritt schriftlich mitgeben.",
    ]
    return {"type": "steps", "value": {"title": title, "steps": steps}}


def _note() -> dict:
    text = "<p>Persönliche Angaben nur mit Einwilligung weitergeben.</p>"
    return {"type": "note", "value": {"title": "Hinweis", "text": text}}


def _partner(partner, note: str = "") -> dict:
    return {"type": "partner", "value": {"partner": partner.pk, "note": note}}


def partner(slug: str, name: str, town: str = "Finsterwalde", full: bool = True):
    """A live partner record (created once per run); ``full`` adds street and e-mail."""
    from partners.models import Partner

    found = Partner.objects.filter(slug=slug).first()
    if found:
        return found
    found = Partner(name=name, slug=slug, town=town, phone="03531 0000", live=True)
    if full:
        found.street, found.postcode, found.email = "Musterstraße 1", "03238", f"{slug}@example.org"
    found.save()
    return found


def photo():
    """One photo-like JPEG (gradient and noise), about 1600 x 1000 pixels."""
    from django.core.files.images import ImageFile
    from PIL import Image, ImageFilter
    from wagtail.images import get_image_model

    model = get_image_model()
    found = model.objects.filter(title="Messdaten-Foto").first()
    if found:
        return found
    width, height = 1600, 1000
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 40).filter(ImageFilter.GaussianBlur(2))
    rgb = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG", quality=85)
    image = model(title="Messdaten-Foto", credit="Foto: Messdaten")
    image.file = ImageFile(buffer, name="messdaten-foto.jpg")
    image.save()
    return image


def handout_index():
    from wagtail.models import Site

    from documents.models import HandoutIndexPage

    index = HandoutIndexPage.objects.first()
    if index is None:
        home = Site.objects.get(is_default_site=True).root_page
        index = HandoutIndexPage(title="Handlungsanleitungen", slug="handlungsanleitungen")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def publish_handout(
    slug: str, title: str, body: list[dict], summary: str = "", contacts: list[dict] = ()
):
    """Create or update a handout and publish it; returns the specific page."""
    from documents.models import HandoutPage

    page = HandoutPage.objects.filter(slug=slug).first()
    if page is None:
        page = HandoutPage(
            title=title,
            slug=slug,
            target_group="Alleinerziehende (Messdaten)",
            summary=summary,
            body=body,
            contacts=list(contacts),
            live=False,
        )
        handout_index().add_child(instance=page)
    else:
        page.body = body
        page.contacts = list(contacts)
        page.summary = summary
    page.save_revision().publish()
    return page


def reference_body(sections: int, image) -> list[dict]:
    body = []
    for number in range(1, sections + 1):
        body.append(_heading(f"Abschnitt {number}: Beratung im Alltag"))
        body += [_para(130, seed=number * 10 + k) for k in range(3)]
        body.append(_heading(f"Arbeitsschritte {number}", "h3"))
        body.append(_steps("So gehen Sie vor"))
        if number == 1:
            body.append(
                {
                    "type": "figure",
                    "value": {
                        "image": image.pk,
                        "alt_text": "Farbverlauf als Platzhalter für ein Foto",
                        "caption": "Netzwerktreffen (Messdaten)",
                    },
                }
            )
            body.append(_note())
    return body


def reference_handout(stack: Stack):
    """The reference handout: 5 pages, headings, text, a list of 30 partners, one photo.

    The handout blocks have no table; the 30 partners are the contact list that the
    print template sets at the end. Text sections are added until the PDF has 5 pages.
    """
    if "reference" in stack.memo:
        return stack.memo["reference"]
    from documents.rendering import render_revision

    partners = [
        partner(f"messdaten-partner-{n:02d}", f"Messdaten-Partner {n:02d}", full=False)
        for n in range(1, REFERENCE_PARTNERS + 1)
    ]
    image = photo()
    sections, pages = 1, 0
    for _attempt in range(6):
        page = publish_handout(
            REFERENCE_SLUG,
            "Referenz-Handlungsanleitung (Messdaten)",
            reference_body(sections, image),
            summary="Referenzdokument für die Leistungsmessung.",
            # The partner list: one contact block per partner at the end of the PDF.
            contacts=[_partner(p, "Beratung und Vermittlung") for p in partners],
        )
        pages = render_revision(page.get_latest_revision()).page_count
        if pages >= TARGET_PAGES:
            break
        sections += 1
    log(f"reference handout: {sections} sections, {pages} PDF pages, page id {page.pk}")
    stack.memo["reference"] = page
    return page


def synthetic_handouts(stack: Stack, count: int) -> dict:
    """``count`` short handouts; all refer to partner "mass", the first ones to others.

    Returns the pages and the partners whose change re-renders a known subset:
    ``mass`` (all), ``scale`` (first scaling_handouts), ``dedupe`` (first dedupe_k).
    """
    memo = stack.memo.setdefault("synthetic", {})
    if memo.get("count", 0) >= count:
        return memo
    sizes = stack.sizes
    mass = partner("messdaten-massenpartner", "Messdaten-Massenpartner")
    scale = partner("messdaten-skalierungspartner", "Messdaten-Skalierungspartner")
    dedupe = partner("messdaten-dublettenpartner", "Messdaten-Dublettenpartner")
    pages = memo.get("pages", [])
    for number in range(len(pages) + 1, count + 1):
        # About two printed pages: the size of a typical handout.
        body = [
            _heading("Worum es geht"),
            *[_para(130, seed=number * 7 + k) for k in range(3)],
            _heading("Im Gespräch"),
            _para(130, seed=number * 7 + 3),
            _steps("So gehen Sie vor"),
            _note(),
            _partner(mass, "Erste Anlaufstelle"),
        ]
        if number <= sizes.scaling_handouts:
            body.append(_partner(scale, "Weiterbildung"))
        if number <= sizes.dedupe_k:
            body.append(_partner(dedupe, "Kinderbetreuung"))
        pages.append(
            publish_handout(
                f"messdaten-handlungsanleitung-{number:03d}",
                f"Messdaten-Handlungsanleitung {number:03d}",
                body,
            )
        )
    memo.update(count=count, pages=pages, mass=mass, scale=scale, dedupe=dedupe)
    log(f"{count} synthetic handouts published")
    return memo


def change_partner(obj, marker: str) -> None:
    """Change what every referencing PDF prints (phone number), as the snippet editor does."""
    obj.phone = f"03531 {marker}"
    obj.save_revision().publish()
