"""The workflow "Freigabe durch die Koordination" and the coordinator groups' rights.

Creates the task (the groups "Redaktion" and "Moderation", where they exist, may
always approve) and the workflow, assigns it to every handout index page and to the
partner snippet, and gives each policy field's coordinator group its rights. The
same function runs when a policy field or a handout index page is saved later
(moderation.signals), so both ways give the same result.
"""

from django.db import migrations

from moderation.permissions import WORKFLOW_NAME, set_up_moderation


def forwards(apps, schema_editor):
    set_up_moderation(apps)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("moderation", "PolicyFieldApprovalTask").objects.filter(
        name=WORKFLOW_NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_policy_field_approval_task"),
        ("partners", "0003_moderated_entries_consent_and_checks"),
        ("documents", "0006_steps_label"),
        # The editorial groups carry their German names from here on.
        ("home", "0005_german_editor_groups_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
