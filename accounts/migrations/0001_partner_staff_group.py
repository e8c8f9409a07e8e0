"""The group "Partner-Mitarbeitende", the role of partner staff.

documents' migration 0003 created it first and stays as history; this one
makes sure a database has it whatever ran before, so it is idempotent and
leaves the group in place when reversed.
"""

from django.db import migrations

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"


def ensure_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PARTNER_STAFF_GROUP)


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(ensure_group, migrations.RunPython.noop)]
