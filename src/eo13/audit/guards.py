"""Database triggers that refuse UPDATE and DELETE on audit entries, whatever the application does.

PostgreSQL's TRUNCATE (used only by test-database flushes) is not a row event and is not refused.
"""

from typing import Any

SQLITE_ON = [
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
]
SQLITE_OFF = ["DROP TRIGGER IF EXISTS audit_entry_no_update;", "DROP TRIGGER IF EXISTS audit_entry_no_delete;"]
POSTGRES_ON = [
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;",
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();",
]
POSTGRES_OFF = [
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_entry_append_only();",
]

# The same for signed checkpoints (issue 14). Kept apart from the lists above, which migrations 0002 and 0003 run
# before the checkpoint table exists.
CHECKPOINT_SQLITE_ON = [
    "CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_update BEFORE UPDATE ON audit_auditcheckpoint "
    "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;",
    "CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_delete BEFORE DELETE ON audit_auditcheckpoint "
    "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;",
]
CHECKPOINT_SQLITE_OFF = [
    "DROP TRIGGER IF EXISTS audit_checkpoint_no_update;",
    "DROP TRIGGER IF EXISTS audit_checkpoint_no_delete;",
]
CHECKPOINT_POSTGRES_ON = [
    "CREATE OR REPLACE FUNCTION audit_checkpoint_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit checkpoints are append-only'; END; $$ LANGUAGE plpgsql;",
    "DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_auditcheckpoint;",
    "CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_auditcheckpoint "
    "FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();",
]
CHECKPOINT_POSTGRES_OFF = [
    "DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_auditcheckpoint;",
    "DROP FUNCTION IF EXISTS audit_checkpoint_append_only();",
]


def apply_checkpoint_guards(execute: Any, vendor: str, on: bool) -> None:
    """As :func:`apply_guards`, for the checkpoint table (migration 0004 calls it)."""
    statements = {
        ("sqlite", True): CHECKPOINT_SQLITE_ON,
        ("sqlite", False): CHECKPOINT_SQLITE_OFF,
        ("postgresql", True): CHECKPOINT_POSTGRES_ON,
        ("postgresql", False): CHECKPOINT_POSTGRES_OFF,
    }.get((vendor, on), [])
    for sql in statements:
        execute(sql)


def apply_guards(execute: Any, vendor: str, on: bool) -> None:
    """Turn the triggers on or off through ``execute`` (a cursor's or a migration schema editor's). Public because
    migrations 0002 and 0003 call it: its statements must stay valid for them."""
    statements = {
        ("sqlite", True): SQLITE_ON,
        ("sqlite", False): SQLITE_OFF,
        ("postgresql", True): POSTGRES_ON,
        ("postgresql", False): POSTGRES_OFF,
    }.get((vendor, on), [])
    for sql in statements:
        execute(sql)


def guards_on(connection: Any) -> None:
    with connection.cursor() as c:
        apply_guards(c.execute, connection.vendor, True)
        apply_checkpoint_guards(c.execute, connection.vendor, True)


def guards_off(connection: Any) -> None:
    with connection.cursor() as c:
        apply_guards(c.execute, connection.vendor, False)
        apply_checkpoint_guards(c.execute, connection.vendor, False)
