"""Partner staff group, page privacy of existing restricted handouts, editors' view permissions.

Editors (Wagtail's default groups "Editors" and "Moderators") may look at the
render ledger and the download audit: "view" permission on RenderJob,
PdfVersion and DownloadAuditEntry. Handouts already marked "nur für
Partner-Mitarbeitende" get the page privacy that HandoutPage.save() keeps in
step from now on (documents.access).
"""

from django.db import migrations

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"
EDITOR_GROUPS = ("Editors", "Moderators")
VIEW_MODELS = {
    "renderjob": "Render-Auftrag",
    "pdfversion": "PDF-Version",
    "downloadauditentry": "Download-Protokolleintrag",
}
GROUPS_RESTRICTION = "groups"


def _view_permissions(apps):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    permissions = []
    for model, label in VIEW_MODELS.items():
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="documents", model=model
        )
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {label}"},
        )
        permissions.append(permission)
    return permissions


def forwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    staff_group, _ = group_model.objects.get_or_create(name=PARTNER_STAFF_GROUP)
    permissions = _view_permissions(apps)
    for group in group_model.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)

    handout_model = apps.get_model("documents", "HandoutPage")
    restriction_model = apps.get_model("wagtailcore", "PageViewRestriction")
    editor_groups = list(
        group_model.objects.filter(
            permissions__codename="access_admin",
            permissions__content_type__app_label="wagtailadmin",
        ).distinct()
    )
    for page in handout_model.objects.filter(only_for_partner_staff=True):
        restriction = restriction_model.objects.filter(
            page_id=page.pk, restriction_type=GROUPS_RESTRICTION, groups=staff_group
        ).first()
        if restriction is None:
            restriction = restriction_model.objects.create(
                page_id=page.pk, restriction_type=GROUPS_RESTRICTION
            )
        restriction.groups.add(staff_group, *editor_groups)


def backwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    permissions = permission_model.objects.filter(
        content_type__app_label="documents",
        codename__in=[f"view_{model}" for model in VIEW_MODELS],
    )
    for group in group_model.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_download_audit"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
