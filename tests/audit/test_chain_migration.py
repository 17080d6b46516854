"""An installation's single audit chain, written before per-agency chains, still verifies after migration 0004
(issue 14): its entries become the City-wide chain, its head that chain's head, and new entries extend it."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from eo13.audit.actions import AuditAction
from eo13.audit.chain import entry_hash
from eo13.audit.models import AuditChainHead, AuditEntry
from eo13.audit.services import audit_record
from eo13.audit.verify import verify_chain

BEFORE = [("audit", "0003_issue9a")]


def _latest():
    """Every audit migration, as an upgrade runs them (0004 and those after it): the test database is left as the
    other tests expect it."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes("audit")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_a_single_chain_written_before_agency_chains_still_verifies(tmp_path, capsys):
    old_apps = _migrate(BEFORE)
    try:
        entry_model = old_apps.get_model("audit", "AuditEntry")
        head_model = old_apps.get_model("audit", "AuditChainHead")
        prev = "0" * 64
        for i, agency in enumerate(["ACS", "", "DOE"]):
            fields = {
                "at": dt.datetime(2026, 6, 1, 12, i, tzinfo=dt.UTC),
                "actor_id": None,
                "actor_username": "system",
                "action": "admin.change",
                "model": "t.Thing",
                "object_id": str(i),
                "agency_code": agency,
                "changes": {"n": {"new": i}},
            }
            digest = entry_hash(prev_hash=prev, **fields)  # the hash as the single chain wrote it
            entry_model.objects.create(prev_hash=prev, hash=digest, **fields)
            prev = digest
        head_model.objects.create(id=1, last_hash=prev, count=3)
    finally:
        _migrate(_latest())

    assert {h.chain: h.count for h in AuditChainHead.objects.all()} == {"city": 3}
    assert set(AuditEntry.objects.values_list("chain", "format")) == {("city", 1)}
    assert verify_chain().ok
    with transaction.atomic():
        audit_record(actor="test", action=AuditAction.ADMIN_CHANGE, agency_code="ACS")
        audit_record(actor="test", action=AuditAction.ADMIN_CHANGE)  # extends the old chain
    call_command("audit-verify")
    assert "intact: 5 entries" in capsys.readouterr().out
    assert AuditChainHead.objects.get(chain="city").count == 4
