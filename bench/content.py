"""What the benchmarks render: a reference handout and synthetic handouts.

The records come from ``demo.synthetic`` and are published through the demo's one
rule (``save_revision().publish()``), so every render runs through the real
publish -> RenderJob -> Celery -> WeasyPrint -> PdfVersion path. All names say
"Messdaten" (benchmark data); the contact data is the demo's marked sample data.
Django is set up by the harness (Stack), so the demo modules are imported when used.
"""

from __future__ import annotations

from bench.harness import Stack, log

REFERENCE_SLUG = "messdaten-referenz-handlungsanleitung"
REFERENCE_PARTNERS = 30
TARGET_PAGES = 5


def partner(slug: str, name: str, full: bool = True):
    """A live partner record (created once per run); ``full`` adds address, e-mail, persons."""
    from demo import synthetic
    from demo.publish import Changes

    return synthetic.partner(slug, name, Changes(), complete=full)


def publish_handout(slug: str, title: str, body: list[dict], summary: str = "", contacts=()):
    """Create or update a handout and publish it; returns the specific page."""
    from demo import synthetic
    from demo.publish import Changes

    values = {
        "title": title,
        "target_group": "Alleinerziehende (Messdaten)",
        "summary": summary,
        "body": body,
        "contacts": list(contacts),
    }
    return synthetic.handout(slug, values, Changes())


def reference_body(sections: int, image) -> list[dict]:
    from demo import streams, synthetic

    body = []
    for number in range(1, sections + 1):
        body.append(streams.heading(f"Abschnitt {number}: Beratung im Alltag"))
        body += [synthetic.filler_paragraph(130, seed=number * 10 + k) for k in range(3)]
        body.append(streams.heading(f"Arbeitsschritte {number}", "h3"))
        body.append(streams.steps("So gehen Sie vor", synthetic.WORK_STEPS))
        if number == 1:
            alt = "Farbverlauf als Platzhalter für ein Foto"
            body.append(streams.figure(image, alt, "Netzwerktreffen (Messdaten)"))
            body.append(streams.note("Hinweis", synthetic.CONSENT_NOTE))
    return body


def reference_handout(stack: Stack):
    """The reference handout: 5 pages, headings, text, a list of 30 partners, one photo.

    The handout blocks have no table; the 30 partners are the contact list that the
    print template sets at the end. Text sections are added until the PDF has 5 pages.
    """
    if "reference" in stack.memo:
        return stack.memo["reference"]
    from demo import streams
    from demo.images import photo_like
    from documents.rendering import render_revision

    partners = [
        partner(f"messdaten-partner-{n:02d}", f"Messdaten-Partner {n:02d}", full=False)
        for n in range(1, REFERENCE_PARTNERS + 1)
    ]
    image = photo_like("Messdaten-Foto", "Foto: Messdaten")
    sections, pages = 1, 0
    for _attempt in range(6):
        page = publish_handout(
            REFERENCE_SLUG,
            "Referenz-Handlungsanleitung (Messdaten)",
            reference_body(sections, image),
            summary="Referenzdokument für die Leistungsmessung.",
            # The partner list: one contact block per partner at the end of the PDF.
            contacts=[streams.partner(p, "Beratung und Vermittlung") for p in partners],
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
    from demo import streams, synthetic

    sizes = stack.sizes
    mass = partner("messdaten-massenpartner", "Messdaten-Massenpartner")
    scale = partner("messdaten-skalierungspartner", "Messdaten-Skalierungspartner")
    dedupe = partner("messdaten-dublettenpartner", "Messdaten-Dublettenpartner")
    pages = memo.get("pages", [])
    for number in range(len(pages) + 1, count + 1):
        body = [*synthetic.typical_body(number), streams.partner(mass, "Erste Anlaufstelle")]
        if number <= sizes.scaling_handouts:
            body.append(streams.partner(scale, "Weiterbildung"))
        if number <= sizes.dedupe_k:
            body.append(streams.partner(dedupe, "Kinderbetreuung"))
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
    """Change what every referencing PDF prints (phone number), as the snippet editor does.

    ``marker`` is digits: the entry's phone check refuses anything else."""
    obj.phone = f"03531 {marker}"  # digits only: the phone check of every partner entry
    obj.save_revision().publish()
