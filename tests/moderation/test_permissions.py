"""The moderation set-up: workflow, assignments and rights, from the migration and later."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupPagePermission, Workflow, WorkflowContentType, WorkflowPage

from moderation.models import PolicyFieldApprovalTask
from moderation.permissions import WORKFLOW_NAME, set_up_moderation
from partners.models import Partner
from tests.factories import HandoutIndexPageFactory, PolicyFieldFactory

pytestmark = pytest.mark.django_db


def rights(group) -> set[str]:
    model = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    pages = {
        (p.page_id, p.permission.codename) for p in GroupPagePermission.objects.filter(group=group)
    }
    return model | {f"page {page}:{codename}" for page, codename in pages}


def test_migration_made_task_and_workflow_for_the_editorial_team():
    task = PolicyFieldApprovalTask.objects.get(name=WORKFLOW_NAME)
    assert {group.name for group in task.groups.all()} == {"Redaktion", "Moderation"}
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert list(workflow.tasks.specific()) == [task]
    partner_type = ContentType.objects.get_for_model(Partner)
    assert WorkflowContentType.objects.get(content_type=partner_type).workflow == workflow


def test_new_policy_field_gets_the_coordinators_rights(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    field = PolicyFieldFactory(name="Neues Feld (Test)", slug="neues-feld")
    assert field.coordinator_group.name == "Koordination Neues Feld (Test)"
    assert rights(field.coordinator_group) == {
        "wagtailadmin.access_admin",
        "partners.change_partner",
        f"page {index.pk}:add_page",
        f"page {index.pk}:change_page",
    }


def test_new_handout_index_gets_workflow_and_rights_of_existing_fields(home_page):
    field = PolicyFieldFactory(name="Feld vorher (Test)", slug="feld-vorher")
    index = HandoutIndexPageFactory(parent=home_page)
    assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
    assert f"page {index.pk}:change_page" in rights(field.coordinator_group)
    assert f"page {index.pk}:publish_page" not in rights(field.coordinator_group)


def test_setting_up_again_changes_nothing_and_keeps_a_hand_made_assignment(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    field = PolicyFieldFactory(name="Feld (Test)", slug="feld-test")
    other = Workflow.objects.create(name="Handverlesen")
    WorkflowPage.objects.filter(page=index).update(workflow=other)
    before = rights(field.coordinator_group)
    set_up_moderation(apps)
    set_up_moderation(apps)
    assert rights(field.coordinator_group) == before
    assert WorkflowPage.objects.get(page=index).workflow == other
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert PolicyFieldApprovalTask.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_renamed_field_keeps_its_rights(home_page):
    HandoutIndexPageFactory(parent=home_page)
    field = PolicyFieldFactory(name="Alt (Test)", slug="alt")
    before = rights(field.coordinator_group)
    field.name = "Neu (Test)"
    field.save()
    field.coordinator_group.refresh_from_db()
    assert field.coordinator_group.name == "Koordination Neu (Test)"
    assert rights(field.coordinator_group) == before


def test_migration_sets_up_existing_fields_and_index(home_page):
    """The data migration with its historical models gives what the run-time set-up gives."""
    index = HandoutIndexPageFactory(parent=home_page)
    field = PolicyFieldFactory(name="Bestand (Test)", slug="bestand")
    wanted = rights(field.coordinator_group)
    field.coordinator_group.permissions.clear()
    GroupPagePermission.objects.filter(group=field.coordinator_group).delete()
    WorkflowPage.objects.filter(page=index).delete()
    migration = importlib.import_module("moderation.migrations.0002_coordination_workflow")
    state = MigrationExecutor(connection).loader.project_state(
        ("moderation", "0002_coordination_workflow")
    )
    migration.forwards(state.apps, None)
    assert rights(field.coordinator_group) == wanted
    assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
