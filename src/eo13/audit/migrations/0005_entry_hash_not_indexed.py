"""The entry's hash loses its unique index and that index's LIKE twin (issue 14).

Each index put every audited write on a random page (the hashes are random), so after each checkpoint every write
logged a full 8 KB page image per index: 70 % of a decision's WAL, and random writes for the disk. Nothing reads an
entry by its hash; `eo13 audit-verify` finds a fork by the chain's links.
"""

from django.db import migrations, models

from eo13.audit.guards import apply_checkpoint_guards, apply_guards


def guards(apps, schema_editor):
    # SQLite alters a column by rebuilding the table, which drops its triggers: put them back.
    vendor = schema_editor.connection.vendor
    apply_guards(schema_editor.execute, vendor, True)
    apply_checkpoint_guards(schema_editor.execute, vendor, True)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_issue14_chains")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, guards),  # undone last: the guards after the rebuild
        migrations.AlterField(model_name="auditentry", name="hash", field=models.CharField(max_length=64)),
        migrations.RunPython(guards, migrations.RunPython.noop),
    ]
