"""Placeholder graphics of the demo: every glyph drawn, redrawn when stale, uploads kept."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image

from demo import images
from demo.content import site as content
from home.models import CustomImage

pytestmark = pytest.mark.django_db


def _notdef_mask(font) -> bytes:
    return bytes(font.getmask("\u0416"))  # Cyrillic: not in the latin subset


def test_placeholder_font_draws_every_letter_of_the_demo_labels():
    """Pillow's built-in font has no "ü": "für" came out as "f□r" on the hero image."""
    labels = ["Netzwerk für Alleinerziehende", "PLATZHALTER"]
    labels += [label for _caption, _credit, label in content.CLOSING_PHOTOS]
    for weight in images.PLACEHOLDER_FONTS:
        font = images.placeholder_font(40, weight)
        missing = _notdef_mask(font)
        for char in set("".join(labels)) - {" "}:
            assert bytes(font.getmask(char)) != missing, f"no glyph for {char!r} ({weight})"


def test_placeholder_graphic_of_an_older_demo_is_drawn_again(root_page):
    call_command("load_demo", stdout=io.StringIO())
    hero = CustomImage.objects.get(title="Titelbild Netzwerk (Platzhalter)")
    current = _stored_bytes(hero)
    hero.file = ImageFile(io.BytesIO(_png_with_box_glyph()), name="platzhalter-alt.png")
    hero.file_hash = ""
    hero.save()

    call_command("load_demo", stdout=io.StringIO())
    hero.refresh_from_db()
    assert _stored_bytes(hero) == current
    assert hero.file.name.startswith("original_images/platzhalter-")
    name = hero.file.name
    call_command("load_demo", stdout=io.StringIO())
    hero.refresh_from_db()
    assert hero.file.name == name, "a second run must not draw it again"


def test_uploaded_replacement_of_a_placeholder_is_kept(root_page):
    call_command("load_demo", stdout=io.StringIO())
    hero = CustomImage.objects.get(title="Titelbild Netzwerk (Platzhalter)")
    hero.file = ImageFile(io.BytesIO(_png_with_box_glyph()), name="echtes-foto.png")
    hero.save()
    name = hero.file.name
    call_command("load_demo", stdout=io.StringIO())
    hero.refresh_from_db()
    assert hero.file.name == name


def _stored_bytes(image: CustomImage) -> bytes:
    with image.file.storage.open(image.file.name) as stored:
        return stored.read()


def _png_with_box_glyph() -> bytes:
    """Stands for a graphic an older demo drew (or a photo an editor uploaded)."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 200, 200)).save(buffer, format="PNG")
    return buffer.getvalue()
