"""New policy fields and handout index pages get the moderation set-up (moderation.permissions)."""

from django.apps import apps
from django.db.models.signals import post_save

from moderation import permissions
from partners.models import PolicyField


def policy_field_saved(sender, instance: PolicyField, **kwargs) -> None:
    """A policy field's coordinator group gets the coordinators' rights."""
    if instance.coordinator_group_id and not kwargs.get("raw"):
        permissions.grant_coordinator_permissions(apps, instance.coordinator_group_id)


def handout_index_saved(sender, instance, created: bool, **kwargs) -> None:
    """A new handout index gets the workflow and the coordinators' page permissions."""
    if created and not kwargs.get("raw"):
        permissions.set_up_moderation(apps)


def connect() -> None:
    post_save.connect(
        policy_field_saved, sender=PolicyField, dispatch_uid="moderation_policy_field"
    )
    # By label: documents sits above moderation in the layer order.
    post_save.connect(
        handout_index_saved, sender="documents.HandoutIndexPage", dispatch_uid="moderation_index"
    )
