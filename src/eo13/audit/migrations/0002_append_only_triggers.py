"""The database itself refuses UPDATE and DELETE on audit entries (eo13.audit.guards)."""

from django.db import migrations

from eo13.audit.guards import apply_guards


def forwards(apps, schema_editor):
    apply_guards(schema_editor.execute, schema_editor.connection.vendor, True)


def backwards(apps, schema_editor):
    apply_guards(schema_editor.execute, schema_editor.connection.vendor, False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
