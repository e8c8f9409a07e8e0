"""Demo identity of the PDFs: placeholder logos, sample publisher and imprint.

Self-contained, so it can move with the rest of the demo content. The logos
are plain graphics that say "Platzhalter-Logo" in large letters; they do not
imitate the ESF's or the ministry's marks. Publisher and address are visibly
sample data. Idempotent: a value an editor has set is left alone, and a second
run changes nothing.
"""

from __future__ import annotations

import io
from typing import TextIO

from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.models import Site

from home.models import CustomImage, FunderLogo, SiteSettings, StandardPage

FONT = "fonts/source-sans-3-latin-700-normal.woff2"
NETWORK_LOGO = ("Platzhalter-Logo UNA Elbe-Elster", "UNA Elbe-Elster", (27, 77, 62))
FUNDER_LOGOS = [
    ("Platzhalter-Logo Europäischer Sozialfonds (ESF)", "ESF", (70, 70, 70)),
    ("Platzhalter-Logo Bundesministerium für Arbeit und Soziales", "BMAS", (70, 70, 70)),
]
PUBLISHER = {
    "publisher_name": "Netzwerkkoordination UNA Elbe-Elster (Beispielangabe)",
    "publisher_address": (
        "Beispielstraße 1\n04916 Beispielstadt\nTelefon 03535 000000 (Beispiel)\n"
        "E-Mail netzwerk@example.org (Beispiel)"
    ),
    "imprint_text": (
        "Verantwortlich für den Inhalt: Vorname Name (Beispielangabe).\n"
        "Dieses Impressum enthält Beispieldaten der Demo und ist vor der Nutzung zu ersetzen."
    ),
}
SUMMARY_SLUG = "kurzfassung"
SUMMARY_PDF_INTRO = "Das Projekt UNA – Unterstützungsnetzwerk für Alleinerziehende – in Kürze."


def _logo_png(name: str, colour: tuple[int, int, int]) -> bytes:
    """A wide light box with the name and a clear "Platzhalter-Logo" under it."""
    width, height = 720, 240
    image = PILImage.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline=colour, width=6)
    path = finders.find(FONT)
    big = ImageFont.truetype(path, 84 if len(name) < 6 else 64)
    small = ImageFont.truetype(path, 40)
    draw.text((width // 2, 100), name, font=big, fill=colour, anchor="mm")
    draw.text((width // 2, 185), "Platzhalter-Logo", font=small, fill=(120, 120, 120), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _logo(title: str, name: str, colour: tuple[int, int, int]) -> CustomImage:
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        png = _logo_png(name, colour)
        image = CustomImage(
            title=title,
            description=f"{title}: kein echtes Logo, nur für die Demo",
            file=ImageFile(io.BytesIO(png), name=f"platzhalter-logo-{name.lower()[:12]}.png"),
        )
        image.save()
    return image


def _summary_print_intro(stdout: TextIO) -> None:
    """The Kurzfassung's web intro points at its PDF; the PDF gets its own sentence."""
    page = StandardPage.objects.filter(slug=SUMMARY_SLUG).first()
    if page is not None and not page.pdf_intro:
        page.pdf_intro = SUMMARY_PDF_INTRO
        page.save_revision().publish()
        stdout.write("home: Einleitung der Kurzfassung für das PDF gesetzt.")


def load(stdout: TextIO) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    changed = [name for name, value in PUBLISHER.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, PUBLISHER[name])
    if settings.network_logo_id is None:
        settings.network_logo = _logo(*NETWORK_LOGO)
        changed.append("network_logo")
    if changed:
        settings.save()
    if not settings.funder_logos.exists():
        for order, (title, name, colour) in enumerate(FUNDER_LOGOS):
            FunderLogo.objects.create(
                settings=settings, sort_order=order, name=title, logo=_logo(title, name, colour)
            )
        changed.append("funder_logos")
    if changed:
        stdout.write("home: Herausgeber und Platzhalter-Logos für die PDFs eingetragen.")
    _summary_print_intro(stdout)


def load_synthetic(n: int, stdout: TextIO) -> None:
    """Nothing extra for load tests: every page shares the site's identity."""
