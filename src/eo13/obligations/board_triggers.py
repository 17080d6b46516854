"""The triggers that change :class:`eo13.obligations.models.BoardVersion`'s token on every change to a duty.

PostgreSQL: a deferred constraint trigger, so it runs at COMMIT (after every lock the transaction takes for its own
work, so it adds no lock order that could deadlock with the audit chain heads) and at most once a transaction (a
transaction-local setting remembers it ran). A plain trigger covers TRUNCATE. SQLite: plain row triggers; SQLite
lets one writer into the database at a time, so there is no lock order to mind.

A token, not a counter: a database restored from a backup must never find, under a number it reaches again, counts
that a later state of the data left in the cache.
"""

POSTGRESQL = [
    """
    CREATE FUNCTION obligations_board_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('eo13.board_changed', true) IS DISTINCT FROM txid_current()::text THEN
            INSERT INTO obligations_boardversion (id, token) VALUES (1, md5(random()::text || clock_timestamp()::text))
            ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
            PERFORM set_config('eo13.board_changed', txid_current()::text, true);
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE CONSTRAINT TRIGGER obligations_board_changed AFTER INSERT OR UPDATE OR DELETE ON obligations_obligation
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION obligations_board_changed()
    """,
    """
    CREATE TRIGGER obligations_board_truncated AFTER TRUNCATE ON obligations_obligation
    FOR EACH STATEMENT EXECUTE FUNCTION obligations_board_changed()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS obligations_board_truncated ON obligations_obligation",
    "DROP TRIGGER IF EXISTS obligations_board_changed ON obligations_obligation",
    "DROP FUNCTION IF EXISTS obligations_board_changed()",
]

_SQLITE_BUMP = """
    INSERT INTO obligations_boardversion (id, token) VALUES (1, lower(hex(randomblob(16))))
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
"""
SQLITE = [
    "CREATE TRIGGER obligations_board_changed_insert AFTER INSERT ON obligations_obligation BEGIN"
    + _SQLITE_BUMP
    + "END",
    "CREATE TRIGGER obligations_board_changed_update AFTER UPDATE ON obligations_obligation BEGIN"
    + _SQLITE_BUMP
    + "END",
    "CREATE TRIGGER obligations_board_changed_delete AFTER DELETE ON obligations_obligation BEGIN"
    + _SQLITE_BUMP
    + "END",
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS obligations_board_changed_{e}" for e in ("insert", "update", "delete")]
