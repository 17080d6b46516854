"""The audit log is append-only and hash-chained (DESIGN "Nothing lost, nothing leaked")."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.guards import guards_off
from eo13.audit.models import AuditEntry, AuditLogIsAppendOnly
from eo13.audit.services import audit_record
from eo13.audit.verify import verify_chain


def _write(n: int) -> list[AuditEntry]:
    out = []
    for i in range(n):
        with transaction.atomic():
            out.append(
                audit_record(
                    actor="test",
                    action=AuditAction.ADMIN_CHANGE,
                    model="t.Thing",
                    object_id=str(i),
                    changes={"status": {"old": "open", "new": "done"}},
                )
            )
    return out


def _drop_guard_triggers() -> None:
    # Someone with database rights goes around the application: the append-only triggers come off first.
    guards_off(connection)


@pytest.mark.django_db(transaction=True)
def test_intact_chain_verifies_and_counts(capsys):
    _write(5)
    call_command("audit-verify")
    assert "intact: 5 entries" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "tamper, broken_seq_index, reason",
    [
        (
            'UPDATE audit_auditentry SET changes = \'{"status": {"old": "open", "new": "hidden"}}\' WHERE seq = %s',
            2,
            "changed",
        ),
        ("UPDATE audit_auditentry SET actor_username = 'someone-else' WHERE seq = %s", 2, "changed"),
        ("DELETE FROM audit_auditentry WHERE seq = %s", 3, "link"),
    ],
)
def test_tampering_behind_the_logs_back_is_named(tamper, broken_seq_index, reason, capsys):
    entries = _write(5)
    _drop_guard_triggers()
    with connection.cursor() as c:
        c.execute(tamper, [entries[2].seq])
    result = verify_chain()
    assert not result.ok
    assert result.broken_seq == entries[broken_seq_index].seq
    assert reason in result.reason
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify")
    assert exit_info.value.code == 1
    assert f"entry #{entries[broken_seq_index].seq}" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_removing_the_newest_entry_is_detected():
    entries = _write(3)
    _drop_guard_triggers()
    with connection.cursor() as c:
        c.execute("DELETE FROM audit_auditentry WHERE seq = %s", [entries[-1].seq])
    result = verify_chain()
    assert not result.ok and "removed" in result.reason


@pytest.mark.django_db
def test_application_cannot_change_or_delete_entries():
    (entry,) = _write(1)
    entry.action = "forged"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()


@pytest.mark.django_db
def test_database_refuses_update_and_delete_even_in_bulk():
    _write(2)
    from django.db import DatabaseError

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.update(action="forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(action="forged").count() == 0


@pytest.mark.django_db(transaction=True)
def test_audit_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        audit_record(actor="test", action=AuditAction.ADMIN_OTHER)


@pytest.mark.django_db
def test_free_text_in_changes_is_scrubbed():
    with transaction.atomic():
        e = audit_record(actor="test", action=AuditAction.ADMIN_OTHER, changes={"note": {"new": "SSN 123-45-6789"}})
    assert "123-45-6789" not in str(e.changes)
