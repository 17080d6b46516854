"""Bulk writes for the imports: prepared before the transaction, run inside it as a few statements (issue 9,
Medium 7). Row-by-row Python never runs while SQLite's write lock is held.

On PostgreSQL the roster's rows travel by ``COPY`` (issue 14): new people straight into the table, changed people
into a temporary table joined by one ``UPDATE``. Elsewhere they are prepared statements run with executemany."""

import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection

from eo13.training.models import Completion, RosterPerson

Progress = Callable[[Iterable[Any]], Iterable[Any]]
# The columns a roster import sets, in the order of roster_plan's tuples.
_FIELDS = ("display_name", "work_email", "role_group", "public_facing", "active")


class ImportRaced(Exception):
    """A row changed between preparing the import and writing it."""


def execute_all(sql: str, params: list[list[Any]]) -> None:
    """One prepared UPDATE for many rows; each must match exactly one row (its id and the value it was read with)."""
    if not params:
        return
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
        # -1: the driver does not count rows for executemany; the unique constraints still guard inserts.
        if cursor.rowcount not in (-1, len(params)):
            raise ImportRaced


def column(model: Any, name: str) -> str:
    """The quoted column of a model's field (by field or attribute name), from the model's own metadata."""
    for f in model._meta.concrete_fields:
        if name in (f.name, f.attname):
            return connection.ops.quote_name(str(f.column))
    raise LookupError(name)


def _copy(cursor: Any, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """PostgreSQL ``COPY ... FROM STDIN``; a unique or foreign key violation comes back as Django's IntegrityError."""
    with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def insert_people(rows: list[tuple[Any, ...]], now: Any, progress: Progress | None = None) -> None:
    """New roster people, each ``(agency_id, staff_id, display_name, work_email, role_group, public_facing)``:
    active, at version 1. A person someone else added meanwhile breaks the unique constraint (IntegrityError)."""
    if not rows:
        return
    qn = connection.ops.quote_name
    meta = RosterPerson._meta
    names = ["agency_id", "staff_id", *_FIELDS[:-1], "active", "created_at", "updated_at", "version"]
    columns = ", ".join(column(RosterPerson, n) for n in names)
    table = qn(meta.db_table)
    stream = progress(rows) if progress else rows
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Identifiers come from the model's own metadata; the rows travel as COPY data.
            _copy(cursor, f"COPY {table} ({columns}) FROM STDIN", ((*r, True, now, now, 1) for r in stream))
            return
        at = connection.ops.adapt_datetimefield_value(now)
        marks = ", ".join(["%s"] * len(names))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(sql, [(*r, True, at, at, 1) for r in stream])


class CopySink:
    """PostgreSQL: new roster people sent by ``COPY`` while the file is still being read, so the database stores
    rows while Python checks the next ones (issue 14). Opened inside the import's transaction; ``pause`` ends the
    current COPY so the connection can run another statement (reading an agency's stored roster), and the next
    ``write`` starts a new one."""

    def __init__(self, now: Any) -> None:
        self.now = now
        self._cursor: Any = None
        self._stack: contextlib.ExitStack | None = None
        self._copy: Any = None

    def write(self, row: tuple[Any, ...]) -> None:
        if self._copy is None:
            self._stack = contextlib.ExitStack()
            self._stack.enter_context(connection.wrap_database_errors)
            self._cursor = self._stack.enter_context(connection.cursor())
            self._copy = self._stack.enter_context(self._cursor.cursor.copy(_insert_copy_sql()))
        self._copy.write_row((*row, True, self.now, self.now, 1))

    def pause(self) -> None:
        if self._stack is not None:
            stack, self._stack, self._copy = self._stack, None, None
            stack.close()  # finishes the COPY; a unique violation surfaces here as IntegrityError

    def abort(self) -> None:
        """Leave without finishing the COPY (the transaction is rolled back after)."""
        if self._stack is not None:
            stack, self._stack, self._copy = self._stack, None, None
            with contextlib.suppress(Exception):
                stack.__exit__(RuntimeError, RuntimeError("import abandoned"), None)


def _insert_copy_sql() -> str:
    qn = connection.ops.quote_name
    names = ["agency_id", "staff_id", *_FIELDS[:-1], "active", "created_at", "updated_at", "version"]
    columns = ", ".join(column(RosterPerson, n) for n in names)
    return f"COPY {qn(RosterPerson._meta.db_table)} ({columns}) FROM STDIN"


class VersionedUpdate:
    """Changed roster rows, each ``(id, version read, display_name, work_email, role_group, public_facing,
    active)``, written only where the version is still the one read; otherwise ImportRaced (and the import rolls
    back). ``updated_at`` becomes ``now`` and the version goes up by one.

    Not ``bulk_update``: its CASE expressions are evaluated per row and per case on SQLite (quadratic), which
    held the write lock for minutes on a large roster. On PostgreSQL the rows go by COPY into a temporary table
    and one ``UPDATE ... FROM`` writes them all."""

    def __init__(self, now: Any, rows: list[tuple[Any, ...]]) -> None:
        self.now = now
        self.rows = rows

    def run(self) -> None:
        if not self.rows:
            return
        if connection.vendor == "postgresql":
            self._run_postgresql()
            return
        qn = connection.ops.quote_name
        meta = RosterPerson._meta
        sets = ", ".join(f"{column(RosterPerson, f)} = %s" for f in [*_FIELDS, "updated_at", "version"])
        where = f"{column(RosterPerson, 'id')} = %s AND {qn('version')} = %s"
        # Identifiers come from the model's own metadata; every value is a parameter.
        sql = f"UPDATE {qn(meta.db_table)} SET {sets} WHERE {where}"  # noqa: S608
        at = connection.ops.adapt_datetimefield_value(self.now)
        execute_all(sql, [[*r[2:], at, r[1] + 1, r[0], r[1]] for r in self.rows])

    def _run_postgresql(self) -> None:
        qn = connection.ops.quote_name
        table = qn(RosterPerson._meta.db_table)
        sets = ", ".join(f"{qn(f)} = c.{qn(f)}" for f in _FIELDS)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE eo13_roster_changes (id bigint, version integer, display_name text, "
                "work_email text, role_group text, public_facing boolean, active boolean) ON COMMIT DROP"
            )
            _copy(cursor, "COPY eo13_roster_changes FROM STDIN", self.rows)
            cursor.execute(
                f"UPDATE {table} AS r SET {sets}, {qn('updated_at')} = %s, {qn('version')} = r.{qn('version')} + 1 "  # noqa: S608
                f"FROM eo13_roster_changes AS c WHERE r.{qn('id')} = c.id AND r.{qn('version')} = c.version",
                [self.now],
            )
            if cursor.rowcount != len(self.rows):
                raise ImportRaced
            # Dropped now, not only at commit: a caller's outer transaction may run another import.
            cursor.execute("DROP TABLE eo13_roster_changes")


def completion_updates(changed: list[tuple[Any, ...]]) -> tuple[str, list[list[Any]]]:
    qn = connection.ops.quote_name
    meta = Completion._meta
    day_field, at_field = meta.get_field("completed_on"), meta.get_field("recorded_at")
    sql = (
        f"UPDATE {qn(meta.db_table)} SET {qn('completed_on')} = %s, {qn('recorded_at')} = %s "  # noqa: S608
        f"WHERE {qn(str(meta.pk.column))} = %s AND {qn('completed_on')} = %s"
    )
    params = [
        [
            day_field.get_db_prep_value(day, connection),
            at_field.get_db_prep_value(now, connection),
            pk,
            day_field.get_db_prep_value(old, connection),
        ]
        for day, now, pk, old in changed
    ]
    return sql, params
