"""The one rule every demo record follows: create or update, and publish only on change.

A record is found by its key (a slug, a title; pages also by their parent). Values
that already match are left alone, so a second ``load_demo`` saves nothing, makes no
revision and keeps every "zuletzt veröffentlicht" time. A record an editor changed
gets the demo values back and is published again, as the editor's "Veröffentlichen"
would (pages, partners and contact points through revisions; other records by save);
a draft waiting for approval in a workflow is left to its reviewers.

Values may name plain fields (``hero_image_id`` too), StreamFields (raw block data,
see ``demo.streams``), many-to-many fields (a list of objects), tag managers (a list
of names) and inline child relations (a list of dicts of the child's fields).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from django.db import models
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, WorkflowMixin

Record = TypeVar("Record", bound=models.Model)


class Changes(Counter):
    """What one load did, per outcome: "neu", "geändert", "unverändert"."""

    def summary(self) -> str:
        return ", ".join(f"{self[key]} {key}" for key in ("neu", "geändert", "unverändert"))


def _strip_ids(data: Any) -> Any:
    """Block data without the random block ids, for comparing content."""
    if isinstance(data, dict):
        return {key: _strip_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    return data


def _canonical_stream(value) -> list:
    """StreamValue -> JSON-like data in one normal form (no ids, all defaults filled)."""
    return [_strip_ids(child.get_prep_value()) for child in value] if value else []


def _child_rows(manager, names) -> list[tuple]:
    return [tuple(getattr(row, name) for name in names) for row in manager.all()]


def _differs(obj: models.Model, name: str, wanted: Any) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, TaggableManager):
        return sorted(tag.name for tag in getattr(obj, name).all()) != sorted(wanted)
    if field.many_to_many:
        return {item.pk for item in getattr(obj, name).all()} != {item.pk for item in wanted}
    if field.one_to_many:
        names = list(wanted[0]) if wanted else []
        current = _child_rows(getattr(obj, name), names)
        return current != [tuple(row[n] for n in names) for row in wanted]
    if isinstance(field, StreamField):
        return _canonical_stream(getattr(obj, name)) != _canonical_stream(field.to_python(wanted))
    return getattr(obj, name) != wanted


def _assign(obj: models.Model, name: str, wanted: Any) -> None:
    field = obj._meta.get_field(name)
    if isinstance(field, TaggableManager):
        getattr(obj, name).set(wanted, clear=True)
    elif field.one_to_many:
        setattr(obj, name, [field.related_model(**row) for row in wanted])
    else:
        setattr(obj, name, wanted)


def _find(model: type[Record], key: dict[str, Any], parent: Page | None) -> Record | None:
    found = model.objects.child_of(parent) if parent is not None else model.objects
    return found.filter(**key).first()


def _is_plain(field_name: str, model: type[models.Model]) -> bool:
    field = model._meta.get_field(field_name)
    return not (isinstance(field, TaggableManager) or field.many_to_many or field.one_to_many)


def sync(
    model: type[Record],
    key: dict[str, Any],
    values: dict[str, Any],
    changes: Changes,
    *,
    parent: Page | None = None,
) -> Record:
    """Create or update one record; publish (or save) it only when something differs."""
    obj = _find(model, key, parent)
    created = obj is None
    if created:
        plain = {name: value for name, value in values.items() if _is_plain(name, model)}
        obj = model(**key, **plain)
        changed = list(values)
    else:
        changed = [name for name, value in values.items() if _differs(obj, name, value)]
    for name in changed:
        _assign(obj, name, values[name])
    if created and parent is not None:
        parent.add_child(instance=obj)
    # A draft waiting in a workflow is the reviewers' to publish, not the demo's.
    in_moderation = isinstance(obj, WorkflowMixin) and obj.current_workflow_state is not None
    needs_publish = (
        isinstance(obj, DraftStateMixin)
        and not in_moderation
        and (not obj.live or obj.has_unpublished_changes)
    )
    if changed or needs_publish:
        if not isinstance(obj, Page):
            obj.save()
        if isinstance(obj, DraftStateMixin):
            obj.save_revision().publish()
            obj.refresh_from_db()
    changes["neu" if created else "geändert" if changed or needs_publish else "unverändert"] += 1
    return obj


def sync_single(
    model: type[Page], default_parent: Page, default_slug: str, values: dict, changes: Changes
) -> Page:
    """A page type the site has once (a directory, an index): found wherever it was moved."""
    existing = model.objects.first()
    parent = existing.get_parent() if existing else default_parent
    key = {"slug": existing.slug if existing else default_slug}
    return sync(model, key, values, changes, parent=parent)
