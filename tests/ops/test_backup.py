"""eo13 backup and eo13 restore (issue 14): a backup restores into a fresh database with its evidence files, the
audit chain verifies there, and a backup whose files do not match their hashes is refused with nothing changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_event_record
from eo13.ops.backup import BackupError, backup_check
from tests.obligations.helpers import PDF

EO13 = [sys.executable, "-c", "from eo13.cli import main; main()"]


def _fresh_database(tmp_path: Path) -> tuple[str, str | None]:
    """A DATABASE_URL for a new empty database of the same kind as the test database, and its name to drop."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", None
    name = f"eo13_restore_{uuid.uuid4().hex[:8]}"
    host, port, user = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432, db.get("USER") or "postgres"
    admin = f"postgres://{user}@{host}:{port}/postgres"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    return f"postgres://{user}@{host}:{port}/{name}", name


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_fresh_database_and_the_audit_chain_verifies(tmp_path, make_user, settings):
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(media)}},
    }
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    evidence_add(
        actor=make_user("agency_lead", "ACS"),
        obligation=duty,
        name="audit.pdf",
        data=PDF,
        effective_date=date(2026, 5, 1),
    )

    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert len(manifest["files"]) == 1 and manifest["audit_entries"] > 0

    url, name = _fresh_database(tmp_path)
    env = dict(os.environ, DATABASE_URL=url, EO13_VAR_DIR=str(tmp_path / "restored-var"))
    try:
        out = subprocess.run([*EO13, "restore", str(folder)], env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        verify = subprocess.run([*EO13, "audit-verify"], env=env, capture_output=True, text=True, timeout=300)
        assert verify.returncode == 0, verify.stderr
        assert f"{manifest['audit_entries']} entries" in verify.stdout
        restored = tmp_path / "restored-var" / "media" / manifest["files"][0]["path"]
        assert restored.read_bytes() == PDF
        # A second restore into the same (no longer empty) database is refused.
        again = subprocess.run([*EO13, "restore", str(folder)], env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode != 0 and "not empty" in again.stderr
    finally:
        if name:
            subprocess.run(
                ["psql", url.rsplit("/", 1)[0] + "/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
                check=False,
            )


@pytest.mark.django_db(transaction=True)
def test_a_backup_with_a_changed_file_is_refused(tmp_path, make_user, settings):
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(media)}},
    }
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    evidence_add(
        actor=make_user("agency_lead", "ACS"),
        obligation=duty,
        name="audit.pdf",
        data=PDF,
        effective_date=date(2026, 5, 1),
    )
    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    (changed,) = (p for p in (folder / "files").rglob("*") if p.is_file())
    changed.write_bytes(PDF + b"tampered")
    with pytest.raises(BackupError, match="does not match the manifest"):
        backup_check(folder)
