"""Renditions follow their image's privacy (see ``home.models.images``)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction

from home.models.images import CustomImage, relocate_renditions


def on_restriction_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A collection restriction came or went: the renditions of its subtree move."""
    if not raw:
        _relocate_subtree(instance.collection_id)


def on_collection_saved(sender, instance: Collection, raw: bool = False, **kwargs) -> None:
    """A collection may have moved; the admin moves it after saving, in one transaction."""
    if not raw:
        transaction.on_commit(lambda: _relocate_subtree(instance.pk))


def _relocate_subtree(collection_id: int) -> None:
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is not None:
        relocate_renditions(Collection.objects.descendant_of(collection, inclusive=True))


def on_image_saved(sender, instance: CustomImage, raw: bool = False, **kwargs) -> None:
    if not raw:
        relocate_renditions([instance.collection], image=instance)


def connect() -> None:
    """Called from HomeConfig.ready()."""
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"home_renditions_restriction_{signal is post_save}",
        )
    post_save.connect(
        on_collection_saved, sender=Collection, dispatch_uid="home_renditions_collection"
    )
    post_save.connect(on_image_saved, sender=CustomImage, dispatch_uid="home_renditions_image")
