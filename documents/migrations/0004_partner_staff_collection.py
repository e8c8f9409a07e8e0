"""The collection "Partner-Mitarbeitende" for images and documents of partner-staff material.

Its Wagtail collection privacy admits the group "Partner-Mitarbeitende" and
every group with admin access (the editors), like a handout marked "nur für
Partner-Mitarbeitende"; documents.access keeps the groups in step afterwards.
"""

from django.db import migrations

# The real model for its tree repair only, as Wagtail's own 0059 migration does: the
# historical model has no treebeard methods, and fix_tree touches only the tree fields.
from wagtail.models import Collection

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"
PARTNER_STAFF_COLLECTION = "Partner-Mitarbeitende"
GROUPS_RESTRICTION = "groups"
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(root, siblings) -> str:
    last = max((s.path[-STEP:] for s in siblings), default=None)
    number = int(last, 36) + 1 if last else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return root.path + digits.rjust(STEP, "0")


def forwards(apps, schema_editor):
    collection_model = apps.get_model("wagtailcore", "Collection")
    restriction_model = apps.get_model("wagtailcore", "CollectionViewRestriction")
    group_model = apps.get_model("auth", "Group")

    root = collection_model.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    children = collection_model.objects.filter(depth=2, path__startswith=root.path)
    collection = children.filter(name=PARTNER_STAFF_COLLECTION).first()
    if collection is None:
        collection = collection_model.objects.create(
            name=PARTNER_STAFF_COLLECTION,
            path=_next_child_path(root, children),
            depth=2,
            numchild=0,
        )
        root.numchild = children.count()
        root.save(update_fields=["numchild"])
        Collection.fix_tree(fix_paths=True)

    staff_group, _ = group_model.objects.get_or_create(name=PARTNER_STAFF_GROUP)
    editor_groups = group_model.objects.filter(
        permissions__codename="access_admin",
        permissions__content_type__app_label="wagtailadmin",
    ).distinct()
    restriction = restriction_model.objects.filter(
        collection=collection, restriction_type=GROUPS_RESTRICTION, groups=staff_group
    ).first() or restriction_model.objects.create(
        collection=collection, restriction_type=GROUPS_RESTRICTION
    )
    restriction.groups.add(staff_group, *editor_groups)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_access_groups_and_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
