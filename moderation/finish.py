"""What happens when a workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail publishes the approved revision in the name of the last approver and checks
that this account may publish. Coordinators may not publish directly (they have
"add" and "change" only), so in a workflow with the coordination task the approval
itself is the permission: that task is approved only by the coordinators of every
field or by the editorial team (moderation.models). Other workflows keep Wagtail's
check. Wagtail imports this module while it loads its models, so it imports none.
"""

from __future__ import annotations

COORDINATION_TASK_TYPE = {"app_label": "moderation", "model": "policyfieldapprovaltask"}


def publish_approved(workflow_state, user=None) -> None:
    """Publish the object's latest revision, as Wagtail does, after the approvals."""
    coordinated = workflow_state.workflow.tasks.filter(
        content_type__app_label=COORDINATION_TASK_TYPE["app_label"],
        content_type__model=COORDINATION_TASK_TYPE["model"],
    ).exists()
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=coordinated)
