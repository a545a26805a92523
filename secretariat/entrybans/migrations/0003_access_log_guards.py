from django.db import migrations


def install(apps, schema_editor):
    from secretariat.entrybans import guards

    guards.install(schema_editor.connection)


def remove(apps, schema_editor):
    from secretariat.entrybans import guards

    guards.remove(schema_editor.connection)


class Migration(migrations.Migration):
    # The TRUNCATE trigger reuses the journal's refusing function.
    dependencies = [
        ("entrybans", "0002_listing_signature"),
        ("journal", "0002_append_only_triggers"),
    ]

    operations = [migrations.RunPython(install, remove)]
