"""The audit chain is keyed, and signed checkpoints catch a rewrite behind them (issue 9, Medium 4)."""

import hashlib
import json

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.chain import canonical_body
from eo13.audit.guards import guards_off
from eo13.audit.models import GENESIS_HASH, AuditEntry
from eo13.audit.services import audit_record
from eo13.audit.verify import verify_chain


def _write(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        with transaction.atomic():
            audit_record(actor="test", action=AuditAction.ADMIN_CHANGE, model="t.Thing", object_id=str(i))


def _rewrite_with_plain_sha256(mutate) -> None:
    """What someone with database write access could do before: change entries, then recompute every hash and the
    head with plain SHA-256 so each link checks out. The entries become single-chain ones (format 1), as every
    entry was before per-agency chains."""
    guards_off(connection)
    prev = GENESIS_HASH
    rows = list(AuditEntry.objects.order_by("seq"))
    with connection.cursor() as c:
        for e in rows:
            action = mutate(e)
            body = canonical_body(
                prev_hash=prev,
                at=e.at,
                actor_id=e.actor_id,
                actor_username=e.actor_username,
                action=action,
                model=e.model,
                object_id=e.object_id,
                agency_code=e.agency_code,
                changes=e.changes,
            )
            digest = hashlib.sha256(body.encode()).hexdigest()
            c.execute(
                "UPDATE audit_auditentry SET action = %s, prev_hash = %s, hash = %s, format = 1 WHERE seq = %s",
                [action, prev, digest, e.seq],
            )
            prev = digest
        c.execute("UPDATE audit_auditchainhead SET last_hash = %s WHERE chain = 'city'", [prev])


@pytest.mark.django_db(transaction=True)
def test_a_chain_recomputed_with_plain_sha256_fails_verification(capsys):
    _write(4)
    _rewrite_with_plain_sha256(lambda e: "thing.hidden" if e.object_id == "1" else e.action)
    result = verify_chain()
    assert not result.ok and result.count == 0 and "changed" in result.reason
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify")
    assert exit_info.value.code == 1


def _rewrite_keyed(keep: int, extra: int, *, drop_checkpoints: bool = True) -> None:
    """An insider who also holds the audit key: drops entries after the first ``keep`` (and, unless told not to,
    every checkpoint stored in the database) and writes new ones."""
    guards_off(connection)
    doomed = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))[keep:]
    with connection.cursor() as c:
        for seq in doomed:
            c.execute("DELETE FROM audit_auditentry WHERE seq = %s", [seq])
        if drop_checkpoints:
            c.execute("DELETE FROM audit_auditcheckpoint")
        last = AuditEntry.objects.order_by("-seq").first()
        c.execute(
            "UPDATE audit_auditchainhead SET last_hash = %s, count = %s WHERE chain = 'city'",
            [last.hash if last else GENESIS_HASH, keep],
        )
    _write(extra, start=100)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "keep, extra, reason",
    [
        (2, 0, "shorter than the signed checkpoint"),  # entries removed and the head rewound
        (2, 3, "differs from the signed checkpoint"),  # the tail replaced with other entries, same length or more
    ],
)
def test_a_rewrite_behind_a_checkpoint_is_detected(tmp_path, capsys, keep, extra, reason):
    _write(4)
    checkpoint = tmp_path / "checkpoint.json"
    call_command("audit-checkpoint", output=str(checkpoint))
    saved = json.loads(checkpoint.read_text())
    assert saved["count"] == 4 and saved["chains"]["city"]["count"] == 4 and len(saved["signature"]) == 128
    _rewrite_keyed(keep, extra)
    assert verify_chain().ok  # without any checkpoint the rewritten chain looks intact
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify", checkpoint=str(checkpoint))
    assert exit_info.value.code == 1
    assert reason in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "keep, extra, reason",
    [(2, 0, "shorter than signed checkpoint #"), (2, 3, "differs from signed checkpoint #")],
)
def test_the_stored_checkpoint_catches_a_rewrite_without_any_file(keep, extra, reason):
    _write(4)
    call_command("audit-checkpoint")
    _rewrite_keyed(keep, extra, drop_checkpoints=False)
    result = verify_chain()
    assert not result.ok and reason in result.reason


@pytest.mark.django_db(transaction=True)
def test_a_chain_that_grew_after_the_checkpoint_verifies(tmp_path, capsys):
    _write(3)
    checkpoint = tmp_path / "checkpoint.json"
    call_command("audit-checkpoint", output=str(checkpoint))
    _write(2, start=10)
    call_command("audit-verify", checkpoint=str(checkpoint))
    assert "intact: 5 entries, extends the checkpoint" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "edit",
    [
        lambda d: {**d, "count": 1},  # an edited checkpoint no longer matches its signature
        lambda d: {**d, "signature": "0" * 64},
        lambda d: {"nothing": "here"},
    ],
)
def test_a_forged_or_broken_checkpoint_is_refused(tmp_path, capsys, edit):
    _write(2)
    checkpoint = tmp_path / "checkpoint.json"
    call_command("audit-checkpoint", output=str(checkpoint))
    checkpoint.write_text(json.dumps(edit(json.loads(checkpoint.read_text()))))
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify", checkpoint=str(checkpoint))
    assert exit_info.value.code == 2
    assert "checkpoint" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_checkpoint_without_a_file_goes_to_the_log(caplog, capsys):
    _write(1)
    with caplog.at_level("WARNING", logger="eo13.audit"):
        call_command("audit-checkpoint")
    assert any("audit checkpoint" in r.getMessage() for r in caplog.records)
    assert json.loads(capsys.readouterr().out)["count"] == 1


@pytest.mark.django_db(transaction=True)
def test_the_key_comes_from_eo13_audit_key_not_the_database(settings):
    _write(2)
    assert verify_chain().ok
    settings.EO13_AUDIT_KEY = "a-different-key-held-outside-the-database"
    assert not verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_re_keys_an_intact_plain_chain_and_leaves_a_broken_one_alone():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("eo13.audit.migrations.0003_issue9a")
    apps = _AppsAsAt0003(apps)
    _write(3)
    _rewrite_with_plain_sha256(lambda e: e.action)  # what an existing installation's chain looks like
    assert not verify_chain().ok
    with connection.schema_editor() as editor:
        migration.forwards(apps, editor)
    assert verify_chain().ok and verify_chain().count == 3

    _rewrite_with_plain_sha256(lambda e: e.action)
    guards_off(connection)
    with connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET action = 'forged' WHERE object_id = '1'")
    with connection.schema_editor() as editor:
        migration.forwards(apps, editor)
    assert AuditEntry.objects.filter(action="forged").exists() and not verify_chain().ok


class _AppsAsAt0003:
    """Migration 0003 ran when there was one head row (id 1); today that row is the City-wide chain's head."""

    def __init__(self, apps):
        self.apps = apps

    def get_model(self, app_label, name):
        model = self.apps.get_model(app_label, name)
        if name != "AuditChainHead":
            return model

        class Objects:
            @staticmethod
            def update_or_create(id, defaults):
                return model.objects.update_or_create(chain="city", defaults=defaults)

        return type("Head", (), {"objects": Objects})
