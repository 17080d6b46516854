"""The board's version token and the triggers that change it (issue 14: the board page, its counts cached under it).

The triggers that change :class:`eo13.obligations.models.BoardVersion`'s token whenever the board could change:
a duty, an event that started duties (the progress chart counts by its date) or an office (its code and kind).

PostgreSQL: a deferred constraint trigger, so it runs at COMMIT (after every lock the transaction takes for its own
work, so it adds no lock order that could deadlock with the audit chain heads) and at most once a transaction (a
transaction-local setting remembers it ran). A plain trigger covers TRUNCATE. SQLite: plain row triggers; SQLite
lets one writer into the database at a time, so there is no lock order to mind.

A token, not a counter: a database restored from a backup must never find, under a number it reaches again, counts
that a later state of the data left in the cache.
"""

from typing import Any

from django.db import migrations, models

# Fixed names only: nothing from outside goes into these statements.
TABLES = ("obligations_obligation", "obligations_obligationevent", "agencies_agency")

_FUNCTION = """
    CREATE FUNCTION obligations_board_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('eo13.board_changed', true) IS DISTINCT FROM txid_current()::text THEN
            INSERT INTO obligations_boardversion (id, token) VALUES (1, md5(random()::text || clock_timestamp()::text))
            ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
            PERFORM set_config('eo13.board_changed', txid_current()::text, true);
        END IF;
        RETURN NULL;
    END $$
"""
POSTGRESQL = [_FUNCTION]
POSTGRESQL_REVERSE = []
for _table in TABLES:
    POSTGRESQL += [
        "CREATE CONSTRAINT TRIGGER obligations_board_changed AFTER INSERT OR UPDATE OR DELETE ON "
        + _table
        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION obligations_board_changed()",
        "CREATE TRIGGER obligations_board_truncated AFTER TRUNCATE ON "
        + _table
        + " FOR EACH STATEMENT EXECUTE FUNCTION obligations_board_changed()",
    ]
    POSTGRESQL_REVERSE += [
        "DROP TRIGGER IF EXISTS obligations_board_truncated ON " + _table,
        "DROP TRIGGER IF EXISTS obligations_board_changed ON " + _table,
    ]
POSTGRESQL_REVERSE.append("DROP FUNCTION IF EXISTS obligations_board_changed()")

_SQLITE_BUMP = """
    INSERT INTO obligations_boardversion (id, token) VALUES (1, lower(hex(randomblob(16))))
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
"""
SQLITE = [
    f"CREATE TRIGGER board_changed_{t}_{e.lower()} AFTER {e} ON {t} BEGIN" + _SQLITE_BUMP + "END"
    for t in TABLES
    for e in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS board_changed_{t}_{e}" for t in TABLES for e in ("insert", "update", "delete")
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("obligations", "0004_board_indexes_issue14"), ("agencies", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="BoardVersion",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=40)),
            ],
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
