"""Per-agency audit chains and signed checkpoints (issue 14).

Every existing entry stays where it is, in the City-wide chain ("city"), with format 1 (its hash does not cover a
chain name, so every old hash stays valid); the single head row becomes that chain's head.
"""

from django.db import migrations, models

from eo13.audit.guards import apply_checkpoint_guards, apply_guards

CITY = "city"
GENESIS = "0" * 64


def forwards(apps, schema_editor):
    old = apps.get_model("audit", "AuditLegacyHead")
    new = apps.get_model("audit", "AuditChainHead")
    head = old.objects.filter(id=1).first()
    if head is not None:
        new.objects.create(chain=CITY, last_hash=head.last_hash, count=head.count)


def backwards(apps, schema_editor):
    old = apps.get_model("audit", "AuditLegacyHead")
    new = apps.get_model("audit", "AuditChainHead")
    head = new.objects.filter(chain=CITY).first()
    if head is not None:
        old.objects.create(id=1, last_hash=head.last_hash, count=head.count)


def guards(apps, schema_editor):
    # SQLite adds the new columns by rebuilding the entry table, which drops its triggers: put them back.
    vendor = schema_editor.connection.vendor
    apply_guards(schema_editor.execute, vendor, True)
    apply_checkpoint_guards(schema_editor.execute, vendor, True)


def guards_reverse(apps, schema_editor):
    apply_checkpoint_guards(schema_editor.execute, schema_editor.connection.vendor, False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_issue9a")]

    operations = [
        migrations.AddField(model_name="auditentry", name="chain", field=models.CharField(default=CITY, max_length=20)),
        migrations.AddField(model_name="auditentry", name="format", field=models.PositiveSmallIntegerField(default=1)),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(fields=["chain", "seq"], name="audit_audit_chain_02a95d_idx"),
        ),
        migrations.RenameModel("AuditChainHead", "AuditLegacyHead"),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("chain", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("last_hash", models.CharField(default=GENESIS, max_length=64)),
                ("count", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel("AuditLegacyHead"),
        migrations.CreateModel(
            name="AuditCheckpoint",
            fields=[
                ("seq", models.BigAutoField(primary_key=True, serialize=False)),
                ("at", models.DateTimeField()),
                ("body", models.TextField()),
                ("prev_hash", models.CharField(max_length=64, unique=True)),
                ("hash", models.CharField(max_length=64, unique=True)),
                ("signature", models.CharField(max_length=200)),
            ],
            options={"ordering": ["seq"]},
        ),
        migrations.RunPython(guards, guards_reverse),
    ]
