"""A fresh `make run` loads the migrated SQLite snapshot instead of replaying every migration (issue 14). These
tests keep the snapshot honest: it must equal what the migrations make, and a database made from it must be one
that `migrate` sees as fully migrated, with the audit log's append-only guards in place."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eo13.ops.fresh_schema import SNAPSHOT

ROOT = Path(__file__).resolve().parents[2]
EO13 = str(Path(sys.executable).with_name("eo13"))


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(EO13_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="eo13.settings", EO13_DEMO="1")
    return env


def test_the_snapshot_is_what_the_migrations_make():
    made = subprocess.run(
        ["bash", "scripts/schema-snapshot.sh", "--print"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert made == SNAPSHOT.read_text(encoding="utf-8"), (
        "src/eo13/ops/sqlite_fresh.sql no longer matches the migrations: run `make schema-snapshot` and commit it"
    )


def test_bootstrap_fills_an_empty_database_from_the_snapshot(tmp_path):
    env = _env(tmp_path)
    subprocess.run([EO13, "bootstrap", "--migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    # migrate --check exits 1 when any migration is unapplied.
    subprocess.run([EO13, "migrate", "--check"], env=env, cwd=ROOT, check=True, capture_output=True)
    db = sqlite3.connect(tmp_path / "eo13.sqlite3")
    applied = db.execute("SELECT applied FROM django_migrations").fetchall()
    assert applied and all(a[0] != "@applied@" for a in applied)
    assert db.execute("SELECT count(*) FROM agencies_agency").fetchone()[0] > 50
    assert db.execute("SELECT count(*) FROM accounts_user WHERE username LIKE 'demo-%'").fetchone()[0] == 7
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM audit_auditentry")  # the append-only trigger came with the snapshot


@pytest.mark.django_db
def test_a_database_with_tables_is_never_filled_from_the_snapshot():
    """Only an empty database is made from the snapshot; any other is left to `migrate`, untouched."""
    from django.db import connection

    from eo13.ops.fresh_schema import load_if_fresh

    before = connection.introspection.table_names()
    assert load_if_fresh() is False
    assert connection.introspection.table_names() == before
