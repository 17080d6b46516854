"""The entry's hash has no index (issue 14): a write touches no random page, and the chain still shows a fork.

A unique index on random hashes put every audited write on a random page of it (and of its LIKE twin), which after
each checkpoint logged a full page image per index: 8 KB of WAL a decision, and random writes for the disk. What
that index refused, a second entry with a hash already in the log, `eo13 audit-verify` refuses by the links."""

import pytest
from django.db import connection, transaction
from django.forms.models import model_to_dict

from eo13.audit.actions import AuditAction
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record
from eo13.audit.verify import verify_chain
from eo13.fast_insert import insert_row

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_index_covers_the_entrys_hash():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, AuditEntry._meta.db_table)
    assert not [name for name, c in constraints.items() if "hash" in c["columns"]]
    assert any(c["columns"] == ["chain", "seq"] for c in constraints.values())  # the walk of one chain still is


@pytest.mark.parametrize("copy_hash", [True, False])
def test_a_second_entry_after_the_same_one_is_a_fork_that_verify_reports(copy_hash):
    for i in range(3):
        with transaction.atomic():
            audit_record(actor="test", action=AuditAction.ADMIN_CHANGE, model="t.Thing", object_id=str(i))
    assert verify_chain().ok
    last = AuditEntry.objects.order_by("seq").last()
    row = model_to_dict(last, exclude=["seq", "actor"]) | {"actor_id": last.actor_id}
    if not copy_hash:
        row["hash"] = "f" * 64  # a second child of the same entry, with a hash of its own
    with transaction.atomic():
        insert_row(AuditEntry, row, "default")  # what the unique index refused for a copied hash; the log takes it
    result = verify_chain()
    assert not result.ok and "link" in result.reason and result.broken_seq == last.seq + 1
