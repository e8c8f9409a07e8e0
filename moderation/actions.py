"""Wagtail's edit and revert actions, narrowed by policy field for coordinators.

The admin's page editor asks moderation.rules through the ``before_edit_page`` hook;
everything else that changes a handout or partner entry goes through Wagtail's
action registry: the snippet editor, the API's page and snippet writes and reverts.
The actions registered here for every model with policy fields add the same rule
there, checked against the stored object, so a write cannot move an object into the
writer's field to pass.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.actions.edit import EditAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.registry import ActionRegistry
from wagtail.actions.revert_to_page_revision import RevertToPageRevisionAction
from wagtail.actions.revert_to_revision import RevertToRevisionAction
from wagtail.models import Page

from moderation import rules


class PolicyFieldGuard:
    """Adds "the user may edit this object by its policy fields" to Wagtail's check."""

    def user_has_permission(self) -> bool:
        return super().user_has_permission() and rules.may_edit(self.user, _stored(self.instance))


class GuardedEditAction(PolicyFieldGuard, EditAction):
    pass


class GuardedEditPageAction(PolicyFieldGuard, EditPageAction):
    pass


class GuardedRevertAction(PolicyFieldGuard, RevertToRevisionAction):
    pass


class GuardedRevertPageAction(PolicyFieldGuard, RevertToPageRevisionAction):
    pass


def register(registry: ActionRegistry) -> None:
    """``register_actions`` hook: the guarded actions for every model with policy fields."""
    for model in moderated_models():
        if issubclass(model, Page):
            registry.register(model, GuardedEditPageAction)
            registry.register(model, GuardedRevertPageAction)
        else:
            registry.register(model, GuardedEditAction)
            registry.register(model, GuardedRevertAction)


def moderated_models() -> list[type]:
    """Models that belong to policy fields (partner entries, handouts)."""
    return [
        model
        for model in apps.get_models()
        if any(field.name == "policy_fields" for field in model._meta.get_fields())
    ]


def _stored(instance):
    """The object as saved, not as the write would make it."""
    model = type(instance)
    return model._default_manager.filter(pk=instance.pk).first() or instance
