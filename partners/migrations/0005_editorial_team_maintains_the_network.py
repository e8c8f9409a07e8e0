"""The editorial team ("Redaktion", "Moderation") maintains the network's snippets.

They add, change, publish, lock and delete partners and contact points and keep the
policy fields; partner accounts (memberships) stay with the superusers. Coordinators get
their narrower rights from the moderation app. Groups that do not exist are left alone.
"""

from django.db import migrations

EDITORIAL_GROUPS = ("Redaktion", "Moderation")
ACTIONS = {
    "partner": ("add", "change", "delete", "publish", "lock", "unlock", "view"),
    "contactpoint": ("add", "change", "delete", "publish", "view"),
    "policyfield": ("add", "change", "view"),
}


def _permissions(apps):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    found = []
    for model, actions in ACTIONS.items():
        content_type, _ = content_type_model.objects.get_or_create(app_label="partners", model=model)
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            found.append(permission)
    return found


def forwards(apps, schema_editor):
    permissions = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    permissions = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_entry_confirmations_and_reminders"),
        # The groups carry their German names from here on.
        ("home", "0005_german_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
