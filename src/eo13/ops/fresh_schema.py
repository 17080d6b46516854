"""A fresh SQLite database from a committed snapshot instead of replaying every migration (issue 14: `make run`).

Replaying the 85 migrations renders Django's model state again after each one, which costs 8–11 s of a fresh
`make run`; the result is always the same schema and reference rows. Like Rails' ``db:schema:load``, a fresh
database is made from ``sqlite_fresh.sql``, the dump of a database that went through every migration, taken when
the migrations last changed. The dump is used only when it was made from exactly the migrations on disk (its
fingerprint), and ``tests/ops/test_fresh_schema.py`` migrates a database the slow way and fails when the two
differ, so the snapshot cannot go stale unnoticed. Regenerate it with ``make schema-snapshot``.

PostgreSQL always migrates the normal way: production databases are never fresh and the dump is SQLite's dialect.
"""

from __future__ import annotations

import hashlib
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from django.db import connections
from django.db.migrations.loader import MigrationLoader

SNAPSHOT = Path(__file__).with_name("sqlite_fresh.sql")
APPLIED_PLACEHOLDER = "@applied@"
_FINGERPRINT_LINE = "-- migrations: "
# The applied-at time is the only thing that differs between two migrations of an empty database.
_APPLIED = re.compile(r"^(INSERT INTO \"django_migrations\" VALUES\(\d+,'[^']*','[^']*',)'[^']*'\);$")


def migration_fingerprint(database: str = "default") -> str:
    """SHA-256 over every migration's name and, for the project's own apps, its file's bytes."""
    loader = MigrationLoader(connections[database], ignore_no_migrations=True, load=True)
    digest = hashlib.sha256()
    for app_label, name in sorted(loader.disk_migrations):
        digest.update(f"{app_label}.{name}\n".encode())
        module = loader.disk_migrations[app_label, name].__module__
        if module.startswith("eo13."):
            source = sys.modules[module].__file__  # the loader has imported every migration
            if source:
                digest.update(Path(source).read_bytes())
    return digest.hexdigest()


def dump(database: str = "default") -> str:
    """The migrated database as SQL, with the applied-at times made neutral and the fingerprint on top."""
    connection = connections[database]
    connection.ensure_connection()
    lines = [_FINGERPRINT_LINE + migration_fingerprint(database)]
    for line in connection.connection.iterdump():
        lines.append(_APPLIED.sub(rf"\1'{APPLIED_PLACEHOLDER}');", line))
    return "\n".join(lines) + "\n"


def _is_empty(database: str) -> bool:
    with connections[database].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return bool(cursor.fetchone()[0] == 0)


def load_if_fresh(database: str = "default") -> bool:
    """Fill an empty SQLite database from the snapshot; True when it did. Anything else is left to `migrate`."""
    connection = connections[database]
    if connection.vendor != "sqlite" or not SNAPSHOT.exists() or not _is_empty(database):
        return False
    text = SNAPSHOT.read_text(encoding="utf-8")
    first, _, script = text.partition("\n")
    if first != _FINGERPRINT_LINE + migration_fingerprint(database):
        return False  # the migrations changed since the snapshot: replay them
    applied = datetime.now(UTC).isoformat(sep=" ").replace("+00:00", "")
    connection.ensure_connection()
    # The dump writes tables in name order, so a row may name a table that comes later: keys are checked after.
    raw = connection.connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        raw.executescript(script.replace(APPLIED_PLACEHOLDER, applied))
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
    if raw.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise RuntimeError("The SQLite snapshot breaks a foreign key; run `make schema-snapshot` again.")
    return True
