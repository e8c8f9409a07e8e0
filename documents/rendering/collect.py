"""Find what a page refers to: partners and contact points to print, images to embed."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from documents import access

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


@dataclass(frozen=True)
class Contact:
    """A partner or contact point to print, with what the page says it is responsible for."""

    obj: models.Model
    notes: tuple[str, ...] = ()


def _notes(page: models.Model) -> dict[tuple[str, Any], list[str]]:
    """The "Wofür zuständig" notes of the page's partner and contact point blocks, per object."""
    notes: dict[tuple[str, Any], list[str]] = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for struct in _structs(getattr(page, field.name)):
                note = str(struct.get("note") or "").strip()
                for child in struct.values():
                    if isinstance(child, models.Model) and note:
                        found = notes.setdefault((child._meta.label, child.pk), [])
                        if note not in found:
                            found.append(note)
    return notes


def _structs(value: Any) -> Iterator[StructValue]:
    if isinstance(value, StructValue):
        yield value
        for child in value.values():
            yield from _structs(child)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _structs(child.value)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from _structs(child)


def contacts(page: models.Model) -> list[Contact]:
    """Partners and contact points whose contact blocks the print shows, with their notes.

    Their contact persons are fetched in one query per model: a handout that
    lists 30 partners would otherwise cost 30 queries per render.
    """
    found = [obj for obj in referenced_objects(page) if obj._meta.label in CONTACT_MODELS]
    for label in CONTACT_MODELS:
        prefetch_related_objects([o for o in found if o._meta.label == label], "contact_persons")
    notes = _notes(page)
    return [Contact(obj, tuple(notes.get((obj._meta.label, obj.pk), ()))) for obj in found]


def _image_ids(obj: models.Model) -> Iterator[str]:
    """Primary keys of images ``obj`` refers to, in field order.

    The same places Wagtail's ReferenceIndex looks: foreign keys, every field
    with ``extract_references`` (StreamFields, including image embeds in rich
    text, and RichTextFields) and child objects such as gallery images.
    """
    image_model = get_image_model()
    for field in obj._meta.get_fields():
        if field.is_relation and field.many_to_one and field.concrete:
            related = field.related_model
            if isinstance(related, type) and issubclass(related, image_model):
                value = field.value_from_object(obj)
                if value is not None:
                    yield str(value)
        elif hasattr(field, "extract_references") and field.concrete:
            value = field.value_from_object(obj)
            if value is not None:
                for model, object_id, _path, _content in field.extract_references(value):
                    if isinstance(model, type) and issubclass(model, image_model):
                        yield str(object_id)
    if isinstance(obj, ClusterableModel):
        for relation in get_all_child_relations(obj):
            for child in getattr(obj, relation.get_accessor_name()).all():
                yield from _image_ids(child)


def referenced_images(page: models.Model) -> list[models.Model]:
    """The images ``page`` (a revision's page object) shows, in order, without duplicates."""
    ids = list(dict.fromkeys(_image_ids(page)))
    found = get_image_model().objects.in_bulk([int(pk) for pk in ids if pk.isdigit()])
    return [found[int(pk)] for pk in ids if pk.isdigit() and int(pk) in found]


def embeddable_media(page: models.Model, images: list[models.Model]) -> frozenset[str]:
    """Storage names the render of ``page`` may read: its images' originals and renditions.

    Call after the print template ran, so the renditions it created are listed.
    Each image must pass :func:`documents.access.may_embed_in_pdf` for this page.
    """
    allowed = [image for image in images if access.may_embed_in_pdf(image, page)]
    if not allowed:
        return frozenset()
    renditions = get_image_model().get_rendition_model().objects.filter(image__in=allowed)
    names = {image.file.name for image in allowed}
    names.update(renditions.values_list("file", flat=True))
    return frozenset(filter(None, names))


def image_credits(images: list[models.Model]) -> list[str]:
    """Photographer credits of the given images (the image model's ``credit``), no repeats."""
    credits = []
    for image in images:
        credit = getattr(image, "credit", "")
        if credit and credit not in credits:
            credits.append(credit)
    return credits
