"""Visual regression check of the PDFs: first pages as images against committed references.

The references are ``<name>.png`` beside this file: the first page of each
reference PDF, rendered by pdftoppm at RESOLUTION dpi. A page differs when
more than MAX_DIFFERING of its pixels differ by more than PIXEL_THRESHOLD
(grey levels 0–255), which lets anti-aliasing noise pass and catches a line
that moved. To accept a deliberate change of the layout, render new
references with ``make pdf-references`` and commit the images.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

REFERENCES = Path(__file__).resolve().parent
RESOLUTION = 50
PIXEL_THRESHOLD = 48
MAX_DIFFERING = 0.002
UPDATE_VARIABLE = "PDF_REFERENCES"


def first_page(pdf: bytes) -> Image.Image:
    """Page 1 of ``pdf`` as a greyscale image (pdftoppm, fixed resolution)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        target = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile"]
            + ["-gray", str(source), str(target)],
            check=True,
            timeout=60,
        )
        with Image.open(target.with_suffix(".png")) as image:
            return image.convert("L")


def differing_fraction(image: Image.Image, reference: Image.Image) -> float:
    """Share of pixels that differ visibly; 1.0 if the page size changed."""
    if image.size != reference.size:
        return 1.0
    difference = ImageChops.difference(image.convert("L"), reference.convert("L"))
    histogram = difference.histogram()
    differing = sum(histogram[PIXEL_THRESHOLD + 1 :])
    return differing / (image.width * image.height)


def updating() -> bool:
    return os.environ.get(UPDATE_VARIABLE) == "update"


def compare_with_reference(name: str, pdf: bytes) -> float:
    """Differing fraction of ``pdf``'s first page against reference ``name``.

    With PDF_REFERENCES=update the page becomes the new reference instead.
    """
    image = first_page(pdf)
    path = REFERENCES / f"{name}.png"
    if updating() or not path.exists():
        if not updating():
            raise AssertionError(f"Referenzbild fehlt: {path}; `make pdf-references` erzeugt es.")
        image.save(path, optimize=True)
        return 0.0
    with Image.open(path) as reference:
        return differing_fraction(image, reference)
