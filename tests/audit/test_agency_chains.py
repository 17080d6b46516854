"""Per-agency audit chains joined by signed checkpoints (issue 14): writers of different agencies share no lock,
and the checkpoints tie the chains together so a removed tail or a forged checkpoint is caught."""

import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.checkpoints import BadCheckpoint, canonical, checkpoint_read
from eo13.audit.guards import guards_off
from eo13.audit.models import AuditChainHead, AuditCheckpoint, AuditEntry
from eo13.audit.services import audit_record
from eo13.audit.tasks import audit_checkpoint
from eo13.audit.verify import verify_chain


def _write(agency: str, n: int) -> list[AuditEntry]:
    out = []
    for i in range(n):
        with transaction.atomic():
            out.append(
                audit_record(
                    actor="test", action=AuditAction.ADMIN_CHANGE, model="t.Thing", object_id=str(i), agency_code=agency
                )
            )
    return out


def _mixed() -> dict[str, list[AuditEntry]]:
    return {"ACS": _write("ACS", 3), "DOE": _write("DOE", 4), "": _write("", 2), "ACS2": _write("ACS", 1)}


@pytest.mark.django_db(transaction=True)
def test_each_agency_writes_its_own_chain_and_all_verify(capsys):
    entries = _mixed()
    heads = {h.chain: h.count for h in AuditChainHead.objects.all()}
    assert heads == {"ACS": 4, "DOE": 4, "city": 2}
    assert entries["DOE"][0].prev_hash == "0" * 64  # each chain starts at its own beginning
    assert entries["ACS2"][0].prev_hash == entries["ACS"][-1].hash  # and continues past other agencies' writes
    call_command("audit-verify")
    assert "intact: 10 entries" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_tampering_in_one_agencys_chain_names_that_entry(capsys):
    entries = _mixed()
    victim = entries["DOE"][1]
    guards_off(connection)
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET object_id = 'hidden' WHERE seq = %s", [victim.seq])
    result = verify_chain()
    assert not result.ok and result.broken_seq == victim.seq and "changed" in result.reason
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify")
    assert exit_info.value.code == 1
    assert f"entry #{victim.seq}" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_moving_an_entry_to_another_agencys_chain_is_caught():
    entries = _mixed()
    moved = entries["DOE"][-1]
    guards_off(connection)
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET chain = 'ACS', agency_code = 'ACS' WHERE seq = %s", [moved.seq])
    result = verify_chain()
    assert not result.ok and result.broken_seq == moved.seq


@pytest.mark.django_db(transaction=True)
def test_removing_the_end_of_one_chain_is_caught_by_its_head_and_by_the_checkpoint():
    entries = _mixed()
    call_command("audit-checkpoint")
    guards_off(connection)
    with connection.cursor() as c:
        c.execute("DELETE FROM audit_auditentry WHERE seq = %s", [entries["DOE"][-1].seq])
    result = verify_chain()
    assert not result.ok and "removed from the end of the log (DOE)" in result.reason

    # The head rewound too, as an insider would: the signed checkpoint still holds the chain's length.
    with connection.cursor() as c:
        c.execute(
            "UPDATE audit_auditchainhead SET count = 3, last_hash = %s WHERE chain = 'DOE'", [entries["DOE"][2].hash]
        )
    result = verify_chain()
    assert not result.ok and "shorter than signed checkpoint #" in result.reason and "DOE" in result.reason


@pytest.mark.django_db(transaction=True)
def test_checkpoints_are_signed_and_chained_and_a_forged_one_is_refused(tmp_path, capsys):
    _mixed()
    call_command("audit-checkpoint")
    _write("DOE", 1)
    out = tmp_path / "cp.json"
    call_command("audit-checkpoint", output=str(out))
    first, second = AuditCheckpoint.objects.order_by("seq")
    assert second.prev_hash == first.hash
    saved = json.loads(out.read_text())
    assert saved["chains"]["DOE"]["count"] == 5 and checkpoint_read(out.read_text())["heads"]["DOE"][0] == 5
    assert verify_chain().ok

    # A checkpoint that claims a chain was shorter, signed by anyone but the audit key's holder, is refused ...
    forged = {k: v for k, v in saved.items() if k not in ("signature", "public_key")}
    forged["chains"]["DOE"]["count"] = 4
    with pytest.raises(BadCheckpoint):
        checkpoint_read(json.dumps({**forged, "signature": saved["signature"]}))
    # ... and so is one slipped into the database.
    body = canonical({**forged, "prev": second.hash})
    with connection.cursor() as c:
        c.execute(
            "INSERT INTO audit_auditcheckpoint (at, body, prev_hash, hash, signature) VALUES (%s, %s, %s, %s, %s)",
            [second.at, body, second.hash, "f" * 64, saved["signature"]],
        )
    result = verify_chain()
    assert not result.ok and result.checkpoint_seq is not None and "signature" in result.reason
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify")
    assert exit_info.value.code == 1 and f"checkpoint #{result.checkpoint_seq}" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_the_worker_checkpoints_only_when_something_was_written():
    _write("ACS", 2)
    assert audit_checkpoint.call(reschedule=False)["written"]
    assert not audit_checkpoint.call(reschedule=False)["written"]  # nothing new: no checkpoint
    _write("DOE", 1)
    assert audit_checkpoint.call(reschedule=False)["written"]
    assert AuditCheckpoint.objects.count() == 2 and verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_checkpoints_cannot_be_changed_or_deleted():
    _write("ACS", 1)
    call_command("audit-checkpoint")
    from django.db import DatabaseError

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditCheckpoint.objects.update(signature="0" * 128)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditCheckpoint.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_writers_of_two_agencies_do_not_share_a_lock():
    """One agency's writer holds its chain's lock, uncommitted; another agency's writer still finishes."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time into the whole database")
    holding, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def slow_acs() -> None:
        try:
            with transaction.atomic():
                audit_record(actor="a", action=AuditAction.ADMIN_CHANGE, agency_code="ACS")
                holding.set()
                assert release.wait(20)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def quick_doe() -> None:
        try:
            with connection.cursor() as c:
                c.execute("SET lock_timeout = '3s'")  # would fail, not hang, if it waited on ACS's lock
            with transaction.atomic():
                audit_record(actor="b", action=AuditAction.ADMIN_CHANGE, agency_code="DOE")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    _write("ACS", 1)
    _write("DOE", 1)  # both heads exist
    a = threading.Thread(target=slow_acs)
    a.start()
    assert holding.wait(20)
    b = threading.Thread(target=quick_doe)
    b.start()
    b.join(15)
    doe_done = not b.is_alive() and AuditEntry.objects.filter(chain="DOE").count() == 2
    release.set()
    a.join(20)
    assert not errors, errors
    assert doe_done  # DOE's entry committed while ACS's writer still held ACS's head
    assert AuditEntry.objects.filter(chain="ACS").count() == 2 and verify_chain().ok
