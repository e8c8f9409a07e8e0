"""The moderation set-up: one workflow, and the rights of every coordinator group.

The same functions run in the data migration (with the migration's historical
``apps``) and at run time (with Django's registry): a policy field saved later, or a
handout index page created after the migration (as ``load_demo`` does on a fresh
database), gets exactly what the migration gave the existing ones. Everything is
created only when missing, so calling them again changes nothing, and a workflow an
editor assigned by hand is kept.
"""

from __future__ import annotations

from django.apps.registry import Apps

#: The name of the task and of the workflow that contains it.
WORKFLOW_NAME = "Freigabe durch die Koordination"
EDITORIAL_GROUPS = ("Redaktion", "Moderation")
#: Coordinators write handouts and partner entries; publishing is the workflow's job.
PAGE_PERMISSIONS = ("add_page", "change_page")
MODEL_PERMISSIONS = (
    ("wagtailadmin", "admin", "access_admin"),
    ("partners", "partner", "change_partner"),
)


def set_up_moderation(apps: Apps) -> None:
    """Workflow and assignments, then the rights of every coordinator group."""
    assign_workflow(apps)
    policy_field_model = apps.get_model("partners", "PolicyField")
    for field in policy_field_model.objects.exclude(coordinator_group=None):
        grant_coordinator_permissions(apps, field.coordinator_group_id)


def coordination_workflow(apps: Apps):
    """The workflow "Freigabe durch die Koordination" with its one task."""
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    task_model = apps.get_model("moderation", "PolicyFieldApprovalTask")
    content_type = _content_type(apps, "moderation", "policyfieldapprovaltask")
    task = task_model.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = task_model.objects.create(name=WORKFLOW_NAME, content_type=content_type)
        group_model = apps.get_model("auth", "Group")
        task.groups.add(*group_model.objects.filter(name__in=EDITORIAL_GROUPS))
    workflow = workflow_model.objects.get_or_create(name=WORKFLOW_NAME)[0]
    apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    return workflow


def assign_workflow(apps: Apps) -> None:
    """The workflow moderates the handout index's subtree and every partner entry."""
    workflow = coordination_workflow(apps)
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    for index_id in _handout_index_ids(apps):
        workflow_page_model.objects.get_or_create(page_id=index_id, defaults={"workflow": workflow})
    apps.get_model("wagtailcore", "WorkflowContentType").objects.get_or_create(
        content_type=_content_type(apps, "partners", "partner"), defaults={"workflow": workflow}
    )


def grant_coordinator_permissions(apps: Apps, group_id: int) -> None:
    """Admin access, "change" on partner entries, "add" and "change" (not "publish") on the
    handout index's subtree: coordinators write and approve, the workflow publishes."""
    group = apps.get_model("auth", "Group").objects.get(pk=group_id)
    for app_label, model, codename in MODEL_PERMISSIONS:
        group.permissions.add(_permission(apps, app_label, model, codename))
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    for index_id in _handout_index_ids(apps):
        for codename in PAGE_PERMISSIONS:
            page_permission_model.objects.get_or_create(
                group=group,
                page_id=index_id,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )


def _handout_index_ids(apps: Apps) -> list[int]:
    return list(
        apps.get_model("documents", "HandoutIndexPage").objects.values_list("pk", flat=True)
    )


def _content_type(apps: Apps, app_label: str, model: str):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    return content_type_model.objects.get_or_create(app_label=app_label, model=model)[0]


def _permission(apps: Apps, app_label: str, model: str, codename: str):
    return apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=_content_type(apps, app_label, model),
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )[0]
