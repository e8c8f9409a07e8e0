from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_pipeline_counters"),
    ]

    operations = [
        migrations.AddField(
            model_name="renderjob",
            name="cause_model",
            field=models.CharField(
                blank=True,
                help_text="Bei einer Abhängigkeit: das Modell des geänderten Eintrags",
                max_length=100,
                verbose_name="Auslöser (Modell)",
            ),
        ),
        migrations.AddField(
            model_name="renderjob",
            name="cause_name",
            field=models.CharField(
                blank=True,
                help_text="Name des geänderten Eintrags zum Zeitpunkt der Änderung",
                max_length=255,
                verbose_name="Auslöser",
            ),
        ),
        migrations.AddField(
            model_name="renderjob",
            name="cause_object_id",
            field=models.CharField(blank=True, max_length=40, verbose_name="Auslöser (Nr.)"),
        ),
    ]
