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
from eo13.access.colp_rows import check_row, clean, row_values
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


def _plan(values: list[dict[str, Any]]) -> _Plan:
    """Insert the new records and update the known ones (by ``uid``), in batches, through the connection's cursor.
    Plain INSERT and UPDATE statements: SQLite's upsert path was several times slower for the same rows.
    Everything is read and compared here, outside the transaction, so SQLite's write lock is held only for the
    writes themselves."""
    if not values:
        return _Plan((), 0)
    meta = CityProperty._meta
    q = connection.ops.quote_name
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    names = [*values[0], "updated_at"]
    fields = {f.attname: str(f.column) for f in meta.concrete_fields}
    columns = [q(fields[n]) for n in names]
    table = q(meta.db_table)
    # Only the model's own table and column names are formatted in; every value is a parameter.
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    settable = [c for n, c in zip(names, columns, strict=True) if n != "uid"]
    update = f"UPDATE {table} SET {', '.join(f'{c} = %s' for c in settable)} WHERE {q('id')} = %s"  # noqa: S608
    # What is stored already: a re-import rewrites only the records whose values changed (index updates are the
    # slow part of an UPDATE), yet reports every known record as updated.
    stored = {row[0]: row[1:] for row in CityProperty.objects.values_list("uid", "id", *names[1:-1])}
    fresh = [(*v.values(), now) for v in values if v["uid"] not in stored]
    changed = []
    for v in values:
        old = stored.get(v["uid"])
        if old is not None and tuple(v.values())[1:] != old[1:]:
            changed.append((*list(v.values())[1:], now, old[0]))
    assert names[0] == "uid"  # the update's parameters leave it out
    return _Plan(((insert, fresh), (update, changed)), len(fresh))


def _apply(plan: _Plan) -> None:
    with connection.cursor() as cursor:
        for batch_sql, rows in plan.statements:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(batch_sql, rows[start : start + BATCH])


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
        errors.append((reader.line_num + 1, csv_problem(exc)))  # the line being read when it failed
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
    seen: dict[str, int] = {}
    for row in progress(reader) if progress else reader:
        line = reader.line_num
        if None in row:
            errors.append((line, "the row has more fields than the header"))
            continue
        if len(rows) >= MAX_ROWS:
            errors.append((line, f"the file has more than {MAX_ROWS} rows"))
            break
        if any(len(v or "") > FIELD_LIMIT for k, v in row.items() if k not in GEOMETRY_COLUMNS):
            errors.append((line, f"a field is longer than {FIELD_LIMIT:,} characters"))
            continue
        g = clean(row)
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
    plan = _plan([row_values(r, agencies) for r in rows])
    created, updated = plan.created, len(rows) - plan.created
    with transaction.atomic():
        _apply(plan)
        audit_record(
            actor=actor,
            action=AuditAction.PROPERTIES_IMPORT,
            model="access.CityProperty",
            changes={"file_sha256": {"new": digest}, "created": {"new": created}, "updated": {"new": updated}},
        )
    return ImportResult(created, updated, [], digest)
