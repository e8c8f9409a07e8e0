"""Wagtail's default groups and workflow get German names.

Wagtail creates the groups "Editors" and "Moderators" and the workflow "Moderators
approval" in English; editors saw "In Moderators approval einreichen". Renaming keeps
every permission, membership and page assignment. A name is only changed while the old
one exists and the new one is free, so the migration does nothing on a database that
has no such groups or was renamed by hand, and running it again changes nothing.
"""

from django.db import migrations

GROUPS = {"Editors": "Redaktion", "Moderators": "Moderation"}
WORKFLOWS = {"Moderators approval": "Freigabe"}
TASKS = {"Moderators approval": "Freigabe durch die Moderation"}


def _rename(model, names: dict[str, str]) -> None:
    for old, new in names.items():
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def _reverse(names: dict[str, str]) -> dict[str, str]:
    return {new: old for old, new in names.items()}


def to_german(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), GROUPS)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS)


def to_english(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), _reverse(GROUPS))
    _rename(apps.get_model("wagtailcore", "Workflow"), _reverse(WORKFLOWS))
    _rename(apps.get_model("wagtailcore", "Task"), _reverse(TASKS))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_print_identity"),
        # Both grant the default groups permissions by their English names first.
        ("documents", "0003_access_groups_and_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
