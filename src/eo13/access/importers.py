"""Importing the City property registry from a COLP CSV: all or nothing (INTERFACES §5).

Every row is checked first; any bad row means nothing changes, and each bad row is reported with its line number.
Re-importing updates records in place by their COLP ``uid``. The write is one bulk upsert (``INSERT ... ON CONFLICT
(uid) DO UPDATE``, which SQLite and PostgreSQL both run) rather than one model object per row: the real file has
about 17,000 rows and building ORM objects for them was most of the import's time.
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
from eo13.agencies.models import Agency
from eo13.audit.services import audit_record

MAX_ROWS = 200_000
BATCH = 2_000
# The City's build adds a GEOM column holding each parcel's whole geometry; it is ignored, but it must be readable.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class ImportResult:
    created: int
    updated: int
    errors: list[tuple[int, str]]
    sha256: str


def _upsert(values: list[dict[str, Any]]) -> None:
    """One bulk upsert by ``uid``, in batches, through the connection's cursor."""
    if not values:
        return
    meta = CityProperty._meta
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    names = [*values[0], "updated_at"]
    q = connection.ops.quote_name
    columns = [q(meta.get_field(n.removesuffix("_id") if n.endswith("_id") else n).column) for n in names]
    updates = ", ".join(f"{c} = excluded.{c}" for n, c in zip(names, columns, strict=True) if n != "uid")
    sql = (
        f"INSERT INTO {q(meta.db_table)} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({q('uid')}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(values), BATCH):
            cursor.executemany(sql, [(*v.values(), now) for v in values[start : start + BATCH]])


def import_properties(
    data: bytes, *, actor: Any, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> ImportResult:
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportResult(0, 0, [(1, "the file is not UTF-8 text")], digest)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return ImportResult(0, 0, [(1, f"missing columns: {', '.join(missing)}")], digest)
    errors: list[tuple[int, str]] = []
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    try:
        for row in progress(reader) if progress else reader:
            line = reader.line_num
            if None in row:
                errors.append((line, "the row has more fields than the header"))
                continue
            if len(rows) >= MAX_ROWS:
                errors.append((line, f"the file has more than {MAX_ROWS} rows"))
                break
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
    except csv.Error as exc:
        errors.append((reader.line_num, f"the file is not valid CSV: {exc}"))
    if errors:
        return ImportResult(0, 0, errors, digest)
    agencies = {code.upper(): pk for code, pk in Agency.objects.values_list("code", "id")}
    values = [row_values(r, agencies) for r in rows]
    with transaction.atomic():
        before = CityProperty.objects.count()
        _upsert(values)
        created = CityProperty.objects.count() - before
        updated = len(values) - created
        audit_record(
            actor=actor,
            action="properties.import",
            model="access.CityProperty",
            changes={"file_sha256": {"new": digest}, "created": {"new": created}, "updated": {"new": updated}},
        )
    return ImportResult(created, updated, [], digest)
