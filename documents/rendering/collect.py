"""Find what a page's StreamFields refer to: partners, contact points, images."""

from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model

CONTACT_MODELS = ("partners.Partner", "partners.ContactPoint")


def _walk(value: Any) -> Iterator[Any]:
    if isinstance(value, StreamValue):
        for child in value:
            yield from _walk(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from _walk(child)
    elif isinstance(value, models.Model):
        yield value


def referenced_objects(page: models.Model) -> list[models.Model]:
    """Model instances chosen in any StreamField of the page, in order, without duplicates."""
    seen: set[tuple[str, Any]] = set()
    found = []
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for obj in _walk(getattr(page, field.name)):
            key = (obj._meta.label, obj.pk)
            if key not in seen:
                seen.add(key)
                found.append(obj)
    return found


def contacts(page: models.Model) -> list[models.Model]:
    """Partners and contact points whose contact blocks the print shows.

    Their contact persons are fetched in one query per model: a handout that
    lists 30 partners would otherwise cost 30 queries per render.
    """
    found = [obj for obj in referenced_objects(page) if obj._meta.label in CONTACT_MODELS]
    for label in CONTACT_MODELS:
        prefetch_related_objects([o for o in found if o._meta.label == label], "contact_persons")
    return found


def image_credits(page: models.Model) -> list[str]:
    """Photographer credits of every image the page shows (the image model's ``credit``)."""
    image_model = get_image_model()
    credits = []
    for obj in referenced_objects(page):
        credit = getattr(obj, "credit", "") if isinstance(obj, image_model) else ""
        if credit and credit not in credits:
            credits.append(credit)
    return credits
