"""Editors and moderators may read reported barriers and mark them as done.

Permissions are normally created after all migrations ran, so they are
created here if missing.
"""

from django.db import migrations

ACTIONS = (("view", "Can view"), ("change", "Can change"))
GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    content_type, _ = content_type_model.objects.get_or_create(
        app_label="home", model="accessibilityfeedback"
    )
    permissions = [
        permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_accessibilityfeedback",
            defaults={"name": f"{label} Barriere-Meldung"},
        )[0]
        for action, label in ACTIONS
    ]
    for group in group_model.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    permissions = permission_model.objects.filter(
        content_type__app_label="home",
        codename__in=[f"{action}_accessibilityfeedback" for action, _ in ACTIONS],
    )
    for group in group_model.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_accessibilitystatementpage_legalpage_newsindexpage_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
