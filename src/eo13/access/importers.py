"""Importing the City property registry from a COLP CSV: all or nothing (INTERFACES §5).

Every row is checked first; any bad row means nothing changes, and each bad row is reported with its line number.
Re-importing updates records in place by their COLP ``uid``. The write is bulk INSERT and UPDATE statements through
the cursor rather than one model object per row: the real file has about 17,000 rows, and building ORM objects and
their SQL was most of the import's time (issue 10).
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from eo13.access.colp import REQUIRED_COLUMNS
from eo13.access.colp_rows import USED, check_row, prepare_place_texts, row_values
from eo13.access.models import CityProperty
from eo13.accounts.actors import ActorOrJob
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.spreadsheet import csv_problem

MAX_ROWS = 200_000
BATCH = 2_000
# The City's build adds a GEOM column holding each parcel's whole geometry; it is ignored, but it must be readable.
# The csv module's limit is raised while a COLP file is read (and put back after); every other column keeps the
# usual limit, checked row by row.
GEOMETRY_COLUMNS = frozenset({"GEOM", "geom", "the_geom"})
FIELD_LIMIT = 131_072


@dataclass
class ImportResult:
    created: int
    updated: int
    errors: list[tuple[int, str]]
    sha256: str


@dataclass(frozen=True)
class _Plan:
    """The statements an import runs and their rows, prepared before the write transaction (issue 9, Medium 7)."""

    statements: tuple[tuple[str, list[tuple[Any, ...]]], ...]
    created: int


def _columns(values: list[dict[str, Any]]) -> tuple[list[str], list[str], str]:
    """The field names of a row (``uid`` first, then ``updated_at``), their quoted columns, and the quoted table."""
    meta = CityProperty._meta
    q = connection.ops.quote_name
    names = [*values[0], "updated_at"]
    assert names[0] == "uid"  # the update's parameters leave it out
    fields = {f.attname: str(f.column) for f in meta.concrete_fields}
    return names, [q(fields[n]) for n in names], q(meta.db_table)


def _plan(values: list[dict[str, Any]]) -> _Plan:
    """Insert the new records and update the known ones (by ``uid``), in batches, through the connection's cursor.
    Plain INSERT and UPDATE statements: SQLite's upsert path was several times slower for the same rows.
    Everything is read and compared here, outside the transaction, so SQLite's write lock is held only for the
    writes themselves."""
    if not values:
        return _Plan((), 0)
    _, columns, table = _columns(values)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    # Only the model's own table and column names are formatted in; every value is a parameter.
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    sets, pk = ", ".join(f"{c} = %s" for c in columns[1:]), connection.ops.quote_name("id")
    update = f"UPDATE {table} SET {sets} WHERE {pk} = %s"  # noqa: S608
    # What is stored already: a re-import rewrites only the records whose values changed (index updates are the
    # slow part of an UPDATE), yet reports every known record as updated. Read raw, without the ORM's converters
    # (issue 14): SQLite gives its booleans as 0 and 1, which compare equal to False and True.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns[0]}, {pk}, {', '.join(columns[1:-1])} FROM {table}")  # noqa: S608
        stored = {row[0]: row[1:] for row in cursor.fetchall()}
    fresh = []
    changed = []
    for v in values:
        row = tuple(v.values())
        old = stored.get(row[0])
        if old is None:
            fresh.append((*row, now))
        elif row[1:] != old[1:]:
            changed.append((*row[1:], now, old[0]))
    return _Plan(((insert, fresh), (update, changed)), len(fresh))


def _apply(plan: _Plan) -> None:
    with connection.cursor() as cursor:
        for batch_sql, rows in plan.statements:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(batch_sql, rows[start : start + BATCH])


def _upsert_postgresql(values: list[dict[str, Any]]) -> int:
    """PostgreSQL (issue 14): new records go by ``COPY`` straight into the registry; known ones go by ``COPY`` into a
    temporary table, then one ``INSERT ... ON CONFLICT`` rewrites those whose values changed. Returns how many were
    new. (A record someone adds meanwhile breaks the unique ``uid``: the import fails and nothing changes.)"""
    names, columns, table = _columns(values)
    now = timezone.now()
    listed = ", ".join(columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns[0]} FROM {table}")  # noqa: S608
        known = {row[0] for row in cursor.fetchall()}
        fresh = [v for v in values if v["uid"] not in known]
        _copy(cursor, f"COPY {table} ({listed}) FROM STDIN", fresh, now)
        if len(fresh) == len(values):
            return len(fresh)
        # The temporary table takes the registry's own column types; it goes at the end of the transaction.
        cursor.execute(
            f"CREATE TEMPORARY TABLE eo13_colp_rows ON COMMIT DROP AS SELECT {listed} FROM {table} WITH NO DATA"  # noqa: S608
        )
        _copy(cursor, f"COPY eo13_colp_rows ({listed}) FROM STDIN", [v for v in values if v["uid"] in known], now)
        settable = columns[1:]
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in settable)
        compared = [c for n, c in zip(names[1:], settable, strict=True) if n != "updated_at"]
        old = ", ".join(f"{table}.{c}" for c in compared)
        new = ", ".join(f"EXCLUDED.{c}" for c in compared)
        cursor.execute(
            f"INSERT INTO {table} ({listed}) SELECT {listed} FROM eo13_colp_rows "  # noqa: S608
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {sets} WHERE ({old}) IS DISTINCT FROM ({new})"
        )
        cursor.execute("DROP TABLE eo13_colp_rows")  # now: a caller's outer transaction may import again
    return len(fresh)


def _copy(cursor: Any, sql: str, values: list[dict[str, Any]], now: Any) -> None:
    if not values:
        return
    with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for v in values:
            copy.write_row((*v.values(), now))


def import_properties(
    data: bytes, *, actor: ActorOrJob, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> ImportResult:
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportResult(0, 0, [(1, "the file is not UTF-8 text")], digest)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        return ImportResult(0, 0, [(reader.line_num or 1, csv_problem(exc))], digest)
    missing = [c for c in REQUIRED_COLUMNS if c not in fieldnames]
    if missing:
        return ImportResult(0, 0, [(1, f"missing columns: {', '.join(missing)}")], digest)
    errors: list[tuple[int, str]] = []
    rows: list[dict[str, str]] = []
    limit = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        _check_rows(reader, progress, rows, errors)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte: name the line, import nothing
        errors.append((reader.reader.line_num + 1, csv_problem(exc)))  # the line being read when it failed
    finally:
        csv.field_size_limit(limit)
    if errors:
        return ImportResult(0, 0, errors, digest)
    return _save(rows, digest=digest, actor=actor)


def _check_rows(
    reader: csv.DictReader[str],
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None,
    rows: list[dict[str, str]],
    errors: list[tuple[int, str]],
) -> None:
    """The rows as DictReader reads them (blank lines skipped, a missing field empty, a repeated column name its last
    value), read from its underlying reader without a dict per row (issue 14)."""
    header = list(reader.fieldnames or [])
    where = {name: i for i, name in enumerate(header)}  # a repeated name: the last one, as in DictReader
    used = [(name, where.get(name)) for name in USED]
    limited = sorted(i for name, i in where.items() if name not in GEOMETRY_COLUMNS)
    width = len(header)
    lines = reader.reader
    seen: dict[str, int] = {}
    for fields in progress(lines) if progress else lines:
        if not fields:
            continue
        line = lines.line_num
        if len(fields) > width:
            errors.append((line, "the row has more fields than the header"))
            continue
        if len(rows) >= MAX_ROWS:
            errors.append((line, f"the file has more than {MAX_ROWS} rows"))
            break
        n = len(fields)
        if max(map(len, fields)) > FIELD_LIMIT and any(len(fields[i]) > FIELD_LIMIT for i in limited if i < n):
            errors.append((line, f"a field is longer than {FIELD_LIMIT:,} characters"))
            continue
        g = {name: fields[i].strip() if i is not None and i < n else "" for name, i in used}
        problem = check_row(g)
        uid = g["uid"]
        if problem is None and uid in seen:
            problem = f"uid {uid!r} repeats line {seen[uid]}"
        if problem:
            errors.append((line, problem))
            continue
        seen[uid] = line
        rows.append(g)


def _save(rows: list[dict[str, str]], *, digest: str, actor: ActorOrJob) -> ImportResult:
    agencies = {code.upper(): pk for code, pk in Agency.objects.values_list("code", "id")}
    prepare_place_texts(text for r in rows for text in (r["ADDRESS"], r["PARCELNAME"]))
    values = [row_values(r, agencies) for r in rows]
    if connection.vendor == "postgresql" and values:
        with transaction.atomic():
            created = _upsert_postgresql(values)
            _audit(actor, digest, created, len(rows) - created)
        return ImportResult(created, len(rows) - created, [], digest)
    plan = _plan(values)
    created, updated = plan.created, len(rows) - plan.created
    with transaction.atomic():
        _apply(plan)
        _audit(actor, digest, created, updated)
    return ImportResult(created, updated, [], digest)


def _audit(actor: ActorOrJob, digest: str, created: int, updated: int) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.PROPERTIES_IMPORT,
        model="access.CityProperty",
        changes={"file_sha256": {"new": digest}, "created": {"new": created}, "updated": {"new": updated}},
    )
