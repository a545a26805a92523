"""Notifications: reconstructed ones (numbered only from their source) and a stable reference.

Every notification stored before this migration was numbered by the system, so its reference is
its number.
"""

from django.db import migrations, models


def references_are_numbers(apps, schema_editor):  # type: ignore[no-untyped-def]
    Notification = apps.get_model("depositary", "Notification")
    for row in Notification.objects.all():
        row.reference = row.number
        row.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [
        ("depositary", "0004_position_reports"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="reconstructed",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="notification",
            name="sources",
            field=models.JSONField(
                blank=True, default=list, help_text="what a reconstruction rests on"
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="number",
            field=models.CharField(blank=True, max_length=30, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name="notification",
            name="seq",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="notification",
            name="reference",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.RunPython(references_are_numbers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="notification",
            name="reference",
            field=models.CharField(max_length=200, unique=True),
        ),
    ]
