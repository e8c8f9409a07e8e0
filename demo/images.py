"""Images of the demo: placeholder graphics that say what they stand for.

The photos of the closing event are placeholder graphics drawn with Pillow in the
site's own font, carrying the original captions and photographer credits. A
graphic drawn by an older version of the demo is drawn again; a file an editor
uploaded in its place is left alone. ``photo_like`` makes a photo-sized JPEG for
benchmarks and layout tests, where a flat graphic would compress unrealistically.
"""

from __future__ import annotations

import hashlib
import io
import os

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont

from home.models import CustomImage

# The site's own font, shipped in its static files: it has every German glyph and draws
# the same on every machine (Pillow's built-in font has no "ü").
PLACEHOLDER_FONTS = {
    "regular": "fonts/source-sans-3-latin-400-normal.woff2",
    "bold": "fonts/source-sans-3-latin-700-normal.woff2",
}
PLACEHOLDER_PREFIX = "platzhalter-"


def placeholder_font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont:
    path = finders.find(PLACEHOLDER_FONTS[weight])
    if not path:
        raise ImproperlyConfigured(f"Schrift fehlt in den statischen Dateien: {PLACEHOLDER_FONTS}")
    return ImageFont.truetype(path, size)


def _fitting_font(draw: ImageDraw.ImageDraw, text: str, width: int, size: int):
    font = placeholder_font(size)
    while size > 20 and draw.textlength(text, font=font) > width:
        size -= 2
        font = placeholder_font(size)
    return font


def placeholder_png(label: str, width: int = 1200, height: int = 800) -> bytes:
    """A plain graphic that says it is a placeholder; the tint follows the label."""
    shade = int(hashlib.sha256(label.encode()).hexdigest()[:2], 16) % 24
    image = PILImage.new("RGB", (width, height), (222 - shade, 234 - shade // 2, 238))
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, width - 25, height - 25), outline=(0, 90, 112), width=4)
    draw.line((24, 24, width - 25, height - 25), fill=(150, 174, 182), width=3)
    draw.line((24, height - 25, width - 25, 24), fill=(150, 174, 182), width=3)
    box = (110, height // 2 - 120, width - 110, height // 2 + 120)
    draw.rectangle(box, fill=(255, 255, 255), outline=(0, 90, 112), width=2)
    centre = width // 2
    draw.text(
        (centre, height // 2 - 48),
        "PLATZHALTER",
        font=placeholder_font(40, "bold"),
        fill=(0, 90, 112),
        anchor="mm",
    )
    text = label[:60]
    font = _fitting_font(draw, text, box[2] - box[0] - 60, 54)
    draw.text((centre, height // 2 + 36), text, font=font, fill=(29, 29, 31), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _is_demo_placeholder(image: CustomImage) -> bool:
    return os.path.basename(image.file.name).startswith(PLACEHOLDER_PREFIX)


def sync_image(title: str, label: str, credit: str, description: str = "") -> CustomImage:
    """Find the placeholder image by title; keep its graphic, credit and description current."""
    image = CustomImage.objects.filter(title=title).first() or CustomImage(title=title)
    changed = (image.credit, image.description) != (credit, description)
    image.credit, image.description = credit, description
    if image.pk is None or _is_demo_placeholder(image):
        png = placeholder_png(label)
        digest = hashlib.sha1(png).hexdigest()  # noqa: S324 - Wagtail's file_hash is SHA-1
        if image.pk is None or image.get_file_hash() != digest:
            _replace_file(image, png, digest)
            changed = True
    if changed:
        image.save()
    return image


def _replace_file(image: CustomImage, png: bytes, digest: str) -> None:
    if image.pk is not None:
        image.renditions.all().delete()
        image.file.delete(save=False)
    slug = hashlib.sha256(image.title.encode()).hexdigest()[:12]
    image.file = ImageFile(io.BytesIO(png), name=f"{PLACEHOLDER_PREFIX}{slug}.png")
    image.file_hash, image.file_size = digest, len(png)


def photo_like(title: str, credit: str, width: int = 1600, height: int = 1000) -> CustomImage:
    """A photo-like JPEG (gradient and noise), found by title, made once."""
    found = CustomImage.objects.filter(title=title).first()
    if found:
        return found
    gradient = PILImage.linear_gradient("L").resize((width, height))
    noise = PILImage.effect_noise((width, height), 40).filter(ImageFilter.GaussianBlur(2))
    mirrored = gradient.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)
    buffer = io.BytesIO()
    PILImage.merge("RGB", (gradient, noise, mirrored)).save(buffer, "JPEG", quality=85)
    slug = hashlib.sha256(title.encode()).hexdigest()[:12]
    image = CustomImage(title=title, credit=credit)
    image.file = ImageFile(buffer, name=f"foto-{slug}.jpg")
    image.save()
    return image
