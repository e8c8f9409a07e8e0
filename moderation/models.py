"""The workflow task "Freigabe durch die Koordination": approval by policy field.

A change to a partner entry or a handout is approved by the coordinator group of
each policy field it belongs to; the task's groups (the central editorial team) may
always approve, and one approval of theirs completes the task. Coordinators'
approvals are collected per field on the task state until every field has one.
Who may do what is answered by moderation.rules.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

from moderation import rules
from partners.models import PolicyField

FIELD_APPROVAL_ACTION = "moderation.approve_field"


class PolicyFieldApprovalTaskState(TaskState):
    """A task state that remembers which fields' coordinators approved already."""

    approved_fields = models.ManyToManyField(
        PolicyField,
        verbose_name=_("freigegeben für Politikfelder"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Stand der Freigabe durch die Koordination")
        verbose_name_plural = _("Stände der Freigabe durch die Koordination")


class PolicyFieldApprovalTask(AbstractGroupApprovalTask):
    """Approval by the coordinators of each policy field; ``groups`` may always approve."""

    task_state_class = PolicyFieldApprovalTaskState

    def user_can_access_editor(self, obj, user) -> bool:
        return rules.may_moderate(user, obj, self.groups.all())

    def locked_for_user(self, obj, user) -> bool:
        return not rules.may_moderate(user, obj, self.groups.all())

    def user_can_lock(self, obj, user) -> bool:
        return rules.may_moderate(user, obj, self.groups.all())

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        task_state = _current_task_state(obj, self)
        if task_state is None or not rules.may_moderate(user, obj, self.groups.all()):
            return []
        actions = [("reject", _("Request changes"), True)]
        if rules.may_approve(user, task_state, self.groups.all()):
            actions.append(("approve", _("Approve"), False))
            actions.append(("approve", _("Approve with comment"), True))
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """In-progress states of this task that wait for an approval ``user`` may give."""
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if rules.is_editorial_team(user, self.groups.all()):
            return states
        if not rules.is_coordinator(user):
            return TaskState.objects.none()
        specific = PolicyFieldApprovalTaskState.objects.filter(pk__in=states.values("pk"))
        ids = [state.pk for state in specific if rules.fields_user_may_approve(user, state)]
        return states.filter(pk__in=ids)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """The editorial team approves at once; a coordinator approves their fields, and the
        task is approved when no field waits any more."""
        if action_name != "approve" or rules.is_editorial_team(user, self.groups.all()):
            return super().on_action(task_state, user, action_name, **kwargs)
        fields = rules.fields_user_may_approve(user, task_state)
        task_state.approved_fields.add(*fields)
        waiting = rules.pending_fields(task_state)
        if not waiting:
            return super().on_action(task_state, user, action_name, **kwargs)
        _log_field_approval(task_state, user, fields, waiting, kwargs.get("comment", ""))
        return None

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Die Koordination jedes Politikfelds des Inhalts gibt frei; die gewählten "
            "Gruppen (die Redaktion) können immer allein freigeben."
        )

    class Meta:
        verbose_name = _("Freigabe durch die Koordination der Politikfelder")
        verbose_name_plural = _("Freigaben durch die Koordination der Politikfelder")


def _current_task_state(obj, task) -> PolicyFieldApprovalTaskState | None:
    state = getattr(getattr(obj, "specific", obj), "current_workflow_task_state", None)
    if state is None or state.task_id != task.pk:
        return None
    return state.specific


def _log_field_approval(task_state, user, fields, waiting, comment: str) -> None:
    """A partial approval stands in the object's history, with who still has to approve."""
    log(
        instance=task_state.revision.as_object(),
        action=FIELD_APPROVAL_ACTION,
        user=user,
        revision=task_state.revision,
        data={
            "fields": sorted(field.name for field in fields),
            "waiting": sorted(field.name for field in waiting),
            "task_state_id": task_state.pk,
            "comment": comment,
        },
    )
