"""Workflow mails of the moderation by policy field, in German (LANGUAGE_CODE "de").

- Submitted: the approvers of the object get Wagtail's task-submitted mail: the
  coordinator groups of its policy fields and the task's groups (the editorial team).
  Superusers are left out here because Wagtail's workflow-submitted mail already
  reaches them, so nobody gets two copies.
- Approved / changes requested: Wagtail's mails to the requester, with the reviewer's
  comment, go only to requesters with admin access, because they link into the admin.
  Partner staff who submit from the self-service get its own mail instead;
  ``moderation.rules.has_admin_access`` tells which case applies.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import (
    BaseGroupApprovalTaskStateEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from moderation import rules
from moderation.models import PolicyFieldApprovalTask, PolicyFieldApprovalTaskState

# Wagtail's own receivers of these signals (wagtail.admin.signal_handlers); ours take their
# place under the same ids, whichever app is ready first.
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"
SUBMITTED_UID = "moderation_policy_field_task_submitted_email_notification"


class PolicyFieldTaskSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Wagtail's "submitted for approval" mail to everyone who may approve this object."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs) -> bool:
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, PolicyFieldApprovalTask
        )

    def get_template_base_prefix(self, instance, **kwargs) -> str:
        # Wagtail's templates are named after TaskState, not after our subclass.
        return "task_state_"

    def get_recipient_users(self, task_state, **kwargs):
        fields = rules.task_state_fields(task_state)
        groups = [field.coordinator_group_id for field in fields if field.coordinator_group_id]
        groups += list(task_state.task.specific.groups.values_list("pk", flat=True))
        recipients = get_user_model().objects.filter(Q(groups__in=groups)).distinct()
        if settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS:
            recipients = recipients.exclude(is_superuser=True)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return set(recipients)


class AdminRequesterApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval mail, only to requesters who can open the admin link in it."""

    def get_recipient_users(self, workflow_state, **kwargs):
        users = super().get_recipient_users(workflow_state, **kwargs)
        return {user for user in users if rules.has_admin_access(user)}


class AdminRequesterRejectionEmailNotifier(WorkflowStateRejectionEmailNotifier):
    """Wagtail's "changes requested" mail (with the comment), only to admin users."""

    def get_recipient_users(self, workflow_state, **kwargs):
        users = super().get_recipient_users(workflow_state, **kwargs)
        return {user for user in users if rules.has_admin_access(user)}


task_submission_notifier = PolicyFieldTaskSubmissionEmailNotifier()
approval_notifier = AdminRequesterApprovalEmailNotifier()
rejection_notifier = AdminRequesterRejectionEmailNotifier()


def connect() -> None:
    """Connect our notifiers, replacing Wagtail's approval and rejection receivers."""
    task_submitted.connect(
        task_submission_notifier, sender=PolicyFieldApprovalTaskState, dispatch_uid=SUBMITTED_UID
    )
    for signal, notifier, uid in (
        (workflow_approved, approval_notifier, APPROVED_UID),
        (workflow_rejected, rejection_notifier, REJECTED_UID),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)
