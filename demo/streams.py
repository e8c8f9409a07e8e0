"""StreamField data for the demo, benchmarks and browser tests, in one form.

Every builder returns the raw JSON form ``{"type": name, "value": ...}`` that a
StreamField accepts on assignment and that ``demo.publish`` compares, so texts read
as content and block names are spelled once. References (pages, partners, images)
take the model instance and store its primary key, as the chooser blocks do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models


def block(name: str, value: Any) -> dict[str, Any]:
    return {"type": name, "value": value}


def paragraph(html: str) -> dict[str, Any]:
    return block("paragraph", html)


def heading(text: str, level: str = "h2") -> dict[str, Any]:
    return block("heading", {"text": text, "level": level})


def steps(title: str, items: Iterable[str]) -> dict[str, Any]:
    return block("steps", {"title": title, "steps": list(items)})


def note(title: str, html: str) -> dict[str, Any]:
    return block("note", {"title": title, "text": html})


def figure(image: models.Model, alt_text: str, caption: str = "") -> dict[str, Any]:
    return block("figure", {"image": image.pk, "alt_text": alt_text, "caption": caption})


def partner_list(heading_text: str, partners: Iterable[models.Model]) -> dict[str, Any]:
    value = {"heading": heading_text, "partners": [p.pk for p in partners], "policy_field": None}
    return block("partner_list", value)


def partner(obj: models.Model, note_text: str = "") -> dict[str, Any]:
    """A contact block naming a partner, with its "Wofür zuständig" note."""
    return block("partner", {"partner": obj.pk, "note": note_text})


def contact_point(obj: models.Model, note_text: str = "") -> dict[str, Any]:
    return block("contact_point", {"contact_point": obj.pk, "note": note_text})


def call_to_action(title: str, text: str, page: models.Model, link_text: str) -> dict[str, Any]:
    value = {
        "title": title,
        "text": text,
        "link_page": page.pk,
        "link_url": "",
        "link_text": link_text,
    }
    return block("call_to_action", value)


def talk(title: str, speaker: str = "") -> dict[str, Any]:
    return block("talk", {"title": title, "speaker": speaker})


def opening_hours(days: str, hours: str) -> dict[str, Any]:
    return block("row", {"days": days, "hours": hours})
