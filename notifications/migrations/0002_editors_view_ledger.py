"""Editors ("Redaktion", "Moderation") may look at the notification ledger: "view" permission
on Mail and HandoutChange, as for the render ledger (documents 0003)."""

from django.db import migrations

EDITOR_GROUPS = ("Redaktion", "Moderation", "Editors", "Moderators")
VIEW_MODELS = {"mail": "Benachrichtigung (E-Mail)", "handoutchange": "Geänderte Handlungsanleitung"}


def forwards(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    permissions = []
    for model, label in VIEW_MODELS.items():
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="notifications", model=model
        )
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {label}"},
        )
        permissions.append(permission)
    for group in group_model.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("home", "0005_german_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
