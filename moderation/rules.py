"""Who moderates what: the one place that relates accounts, objects and policy fields.

A partner entry or a handout belongs to the policy fields in its ``policy_fields``.
Each field's coordinator group ("Koordination <Feld>") edits and approves in that
field; the central editorial team ("Redaktion", "Moderation") and superusers may
always. The workflow task (moderation.models), the admin guards (moderation.admin)
and the notifications (moderation.notifications) all ask these functions, and so may
code outside the admin, such as the partners' self-service.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.roles import is_active_account, is_editor
from partners.models import PolicyField

#: The central editorial team: may always edit and approve, in every field.
EDITORIAL_GROUPS = ("Redaktion", "Moderation")


def has_admin_access(user) -> bool:
    """May this account use the Wagtail admin? Wagtail's workflow mails link into the admin,
    so only these requesters get them; the self-service mails everybody else itself."""
    return is_editor(user)


def editorial_groups() -> QuerySet[Group]:
    """The groups of the central editorial team that exist in this database."""
    return Group.objects.filter(name__in=EDITORIAL_GROUPS)


def is_editorial_team(user, groups: Iterable[Group] | None = None) -> bool:
    """Superusers and members of ``groups`` (default: the editorial team)."""
    if not is_active_account(user):
        return False
    if user.is_superuser:
        return True
    ids = [group.pk for group in (editorial_groups() if groups is None else groups)]
    return user.groups.filter(pk__in=ids).exists()


def coordinated_fields(user) -> QuerySet[PolicyField]:
    """The policy fields whose coordinator group this account belongs to."""
    if not is_active_account(user):
        return PolicyField.objects.none()
    return PolicyField.objects.filter(coordinator_group__user=user).distinct()


def is_coordinator(user) -> bool:
    return coordinated_fields(user).exists()


def is_moderated(obj) -> bool:
    """Objects with policy fields (partner entries, handouts) are moderated by field."""
    return hasattr(_specific(obj), "policy_fields")


def object_fields(obj, *revisions) -> set[PolicyField]:
    """The policy fields ``obj`` belongs to: those of its saved (live) row and those the
    given revisions give it, so moving an entry from one field to another needs both
    fields' coordinators."""
    fields = set(_fields_of(_specific(obj)))
    for revision in revisions:
        if revision is not None:
            fields |= set(_fields_of(revision.as_object()))
    return fields


def moderation_fields(obj) -> set[PolicyField]:
    """The fields of ``obj`` and of the revisions in its workflow, if it is in one."""
    task_state = getattr(_specific(obj), "current_workflow_task_state", None)
    return task_state_fields(task_state) if task_state else object_fields(obj)


def task_state_fields(task_state) -> set[PolicyField]:
    """The fields of the object a task state moderates: of the live object, of the revision
    submitted and of a later draft saved while it waits (that one is what gets published)."""
    obj = task_state.workflow_state.content_object
    latest = _specific(obj).get_latest_revision()
    later = latest if latest is not None and latest.pk != task_state.revision_id else None
    return object_fields(obj, task_state.revision, later)


def may_edit(user, obj) -> bool:
    """May ``user`` edit ``obj`` in the admin? The editorial team always; a coordinator only
    handouts and partner entries in one of the fields they coordinate (not, say, the
    handout index their page permissions also reach); everyone else as Wagtail's
    permissions say: this rule only narrows coordinators."""
    if is_editorial_team(user):
        return True
    mine = set(coordinated_fields(user))
    if not mine:
        return True
    return is_moderated(obj) and bool(mine & moderation_fields(obj))


def field_choice_error(user, fields: Iterable[PolicyField]) -> str | None:
    """Why ``user`` may not give an object these policy fields, or None. A coordinator keeps
    at least one field of their own, so they are never shut out of what they just wrote."""
    if is_editorial_team(user):
        return None
    mine = set(coordinated_fields(user))
    if not mine or mine & set(fields or ()):
        return None
    names = ", ".join(field.name for field in sorted(mine, key=lambda field: field.sort_order))
    return _("Bitte wählen Sie mindestens ein Politikfeld, das Sie koordinieren: %(fields)s.") % {
        "fields": names
    }


def may_moderate(user, obj, always_groups: Iterable[Group] | None = None) -> bool:
    """May ``user`` take part in the moderation of ``obj`` (lock it, request changes)?"""
    if is_editorial_team(user, always_groups):
        return True
    return bool(set(coordinated_fields(user)) & moderation_fields(obj))


def pending_fields(task_state) -> set[PolicyField]:
    """The fields of a task state whose coordinators have not approved yet."""
    approved = set(task_state.approved_fields.all())
    return task_state_fields(task_state) - approved


def fields_user_may_approve(user, task_state) -> set[PolicyField]:
    """The still pending fields of ``task_state`` that ``user`` coordinates."""
    return pending_fields(task_state) & set(coordinated_fields(user))


def may_approve(user, task_state, always_groups: Iterable[Group] | None = None) -> bool:
    """The editorial team may always approve; a coordinator while a field of theirs waits."""
    if is_editorial_team(user, always_groups):
        return True
    return bool(fields_user_may_approve(user, task_state))


def _specific(obj):
    """Wagtail hands pages around as plain ``Page`` rows; the fields are on the subclass."""
    return getattr(obj, "specific", obj)


def _fields_of(obj) -> list[PolicyField]:
    manager = getattr(obj, "policy_fields", None)
    return list(manager.all()) if manager is not None else []
