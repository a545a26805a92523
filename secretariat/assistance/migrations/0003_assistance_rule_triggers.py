from django.db import migrations


def install(apps, schema_editor):
    from secretariat.assistance import guards

    guards.install(schema_editor.connection)


def remove(apps, schema_editor):
    from secretariat.assistance import guards

    guards.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("assistance", "0002_initial")]

    operations = [migrations.RunPython(install, remove)]
