"""Which offices each change to the board touched (issue 14: the first view after a change counts only those).

The triggers of 0005 now also number the commits that change the board (BoardVersion.seq) and write one BoardChange
row per commit and office: the office of a duty that was added, changed or deleted (both offices when a duty moves),
an office itself, or None for "anything" (an event, whose date the progress chart reads, or a table emptied).

PostgreSQL: the same deferred constraint trigger, still run at COMMIT. It takes the version row's lock first, once a
transaction, then writes the change rows, so the numbers follow the order of the commits: a reader that sees number
N sees every change up to N. Transaction-local settings remember what this transaction already wrote (the number
and token, and each office). SQLite: row triggers; one writer at a time, so each row is its own numbered change.

Both keep the last 5,000 commits' rows; a board cached from before then is counted again in full. A version row
made anew (its table emptied) starts the numbering again, and the notes of the old numbering are dropped with it.
"""

import importlib

from django.db import migrations, models

_0005 = importlib.import_module("eo13.obligations.migrations.0005_boardversion")
KEEP = 5000  # commits whose changes stay readable
PRUNE_EVERY = 500

# Fixed names only: nothing from outside goes into these statements.
_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION obligations_board_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        tx text := txid_current()::text;
        mark text := current_setting('eo13.board_changed', true);
        v_seq bigint;
        v_token text;
        offices integer[];
        office integer;
        seen text;
    BEGIN
        IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME = 'obligations_obligationevent' THEN
            offices := ARRAY[NULL::integer];
        ELSIF TG_TABLE_NAME = 'agencies_agency' THEN
            offices := ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END];
        ELSIF TG_OP = 'INSERT' THEN
            offices := ARRAY[NEW.agency_id];
        ELSIF TG_OP = 'DELETE' OR OLD.agency_id = NEW.agency_id THEN
            offices := ARRAY[OLD.agency_id];
        ELSE
            offices := ARRAY[OLD.agency_id, NEW.agency_id];
        END IF;
        IF mark IS NULL OR split_part(mark, ':', 1) <> tx THEN
            INSERT INTO obligations_boardversion (id, seq, token)
            VALUES (1, 1, md5(random()::text || clock_timestamp()::text))
            ON CONFLICT (id) DO UPDATE SET seq = obligations_boardversion.seq + 1, token = EXCLUDED.token
            RETURNING seq, token INTO v_seq, v_token;
            PERFORM set_config('eo13.board_changed', tx || ':' || v_seq || ':' || v_token, true);
            IF v_seq = 1 THEN  -- the version row made anew: older notes belong to another numbering
                DELETE FROM obligations_boardchange;
            END IF;
            IF mod(v_seq, {PRUNE_EVERY}) = 0 THEN
                DELETE FROM obligations_boardchange WHERE seq <= v_seq - {KEEP};
            END IF;
        ELSE
            v_seq := split_part(mark, ':', 2)::bigint;
            v_token := split_part(mark, ':', 3);
        END IF;
        FOREACH office IN ARRAY offices LOOP
            seen := 'eo13.board_office_' || COALESCE(office::text, 'all');
            IF current_setting(seen, true) IS DISTINCT FROM tx THEN
                INSERT INTO obligations_boardchange (seq, token, agency_id) VALUES (v_seq, v_token, office);
                PERFORM set_config(seen, tx, true);
            END IF;
        END LOOP;
        RETURN NULL;
    END $$
"""  # noqa: S608 (fixed names and numbers only)
POSTGRESQL = [_FUNCTION]
POSTGRESQL_REVERSE = [_0005._FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")]

_BUMP = """
    DELETE FROM obligations_boardchange WHERE NOT EXISTS (SELECT 1 FROM obligations_boardversion);
    INSERT INTO obligations_boardversion (id, seq, token) VALUES (1, 1, lower(hex(randomblob(16))))
    ON CONFLICT (id) DO UPDATE SET seq = seq + 1, token = excluded.token;
"""


def _note(office: str, when: str = "") -> str:
    into = "INSERT INTO obligations_boardchange (seq, token, agency_id)"
    return f"{into} SELECT seq, token, {office} FROM obligations_boardversion WHERE id = 1{when};"  # noqa: S608


_SQLITE_NOTES = {
    ("obligations_obligation", "INSERT"): _note("NEW.agency_id"),
    ("obligations_obligation", "UPDATE"): _note("OLD.agency_id")
    + _note("NEW.agency_id", " AND NEW.agency_id IS NOT OLD.agency_id"),
    ("obligations_obligation", "DELETE"): _note("OLD.agency_id"),
    ("agencies_agency", "INSERT"): _note("NEW.id"),
    ("agencies_agency", "UPDATE"): _note("OLD.id"),
    ("agencies_agency", "DELETE"): _note("OLD.id"),
    **{("obligations_obligationevent", e): _note("NULL") for e in ("INSERT", "UPDATE", "DELETE")},
}
SQLITE = [
    f"CREATE TRIGGER board_changed_{t}_{e.lower()} AFTER {e} ON {t} BEGIN" + _BUMP + notes + " END"
    for (t, e), notes in _SQLITE_NOTES.items()
]
_PRUNE = f"DELETE FROM obligations_boardchange WHERE seq <= NEW.seq - {KEEP};"  # noqa: S608
SQLITE.append(
    "CREATE TRIGGER board_change_pruned AFTER UPDATE OF seq ON obligations_boardversion "
    f"WHEN NEW.seq - NEW.seq / {PRUNE_EVERY} * {PRUNE_EVERY} = 0 BEGIN {_PRUNE} END"  # no %: Django formats SQL
)
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS board_change_pruned", *_0005.SQLITE_REVERSE]
# SQLite checks every trigger when Django rebuilds a table to add a column, so 0005's triggers (which name the
# version table) go before the rebuild and these come after it.
SQLITE_BEFORE = _0005.SQLITE_REVERSE
SQLITE_BEFORE_REVERSE = [s for s in _0005.SQLITE if s.startswith("CREATE TRIGGER")]


_run = _0005._run  # runs the statements for the database in use


class Migration(migrations.Migration):
    dependencies = [("obligations", "0005_boardversion")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE_BEFORE}), _run({"sqlite": SQLITE_BEFORE_REVERSE})),
        migrations.CreateModel(
            name="BoardChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.BigIntegerField(db_index=True)),
                ("token", models.CharField(max_length=40)),
                ("agency_id", models.IntegerField(null=True)),
            ],
        ),
        migrations.AddField(model_name="boardversion", name="seq", field=models.BigIntegerField(default=0)),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
