"""Re-key an existing audit chain from plain SHA-256 to HMAC (issue 9, Medium 4).

Only a chain that verifies intact under the old hashing is re-keyed; a chain already broken is left exactly as it
is, so `eo13 audit-verify` still names the break.
"""

from django.db import migrations

from eo13.audit.chain import entry_hash, plain_entry_hash
from eo13.audit.guards import apply_guards

GENESIS = "0" * 64


def _fields(e, prev):
    return {
        "prev_hash": prev,
        "at": e.at,
        "actor_id": e.actor_id,
        "actor_username": e.actor_username,
        "action": e.action,
        "model": e.model,
        "object_id": e.object_id,
        "agency_code": e.agency_code,
        "changes": e.changes,
    }


def forwards(apps, schema_editor):
    entry_model = apps.get_model("audit", "AuditEntry")
    head_model = apps.get_model("audit", "AuditChainHead")
    entries = list(entry_model.objects.order_by("seq"))
    prev = GENESIS
    for e in entries:
        if e.prev_hash != prev or plain_entry_hash(**_fields(e, e.prev_hash)) != e.hash:
            return  # already keyed, or already broken: leave it for audit-verify to report
        prev = e.hash
    if not entries:
        return
    vendor = schema_editor.connection.vendor
    apply_guards(schema_editor.execute, vendor, False)
    prev = GENESIS
    for e in entries:
        new_hash = entry_hash(**_fields(e, prev))
        entry_model.objects.filter(seq=e.seq).update(prev_hash=prev, hash=new_hash)
        prev = new_hash
    head_model.objects.update_or_create(id=1, defaults={"last_hash": prev, "count": len(entries)})
    apply_guards(schema_editor.execute, vendor, True)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
