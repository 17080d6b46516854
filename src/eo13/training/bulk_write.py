"""Bulk writes for the imports: prepared before the transaction, run inside it as a few statements (issue 9,
Medium 7). Row-by-row Python never runs while SQLite's write lock is held."""

from typing import Any

from django.db import connection

from eo13.training.models import Completion


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


class VersionedUpdate:
    """Changed roster rows as one prepared ``UPDATE ... WHERE id = %s AND version = %s`` run with executemany.

    Not ``bulk_update``: its CASE expressions are evaluated per row and per case on SQLite (quadratic), which
    held the write lock for minutes on a large roster."""

    def __init__(self, model: Any, fields: list[str], now: Any, rows: list[Any]) -> None:
        qn = connection.ops.quote_name
        meta = model._meta
        sets = ", ".join(f"{qn(meta.get_field(f).column)} = %s" for f in [*fields, "updated_at", "version"])
        where = f"{qn(str(meta.pk.column))} = %s AND {qn('version')} = %s"
        # Identifiers come from the model's own metadata; every value is a parameter.
        self.sql = f"UPDATE {qn(meta.db_table)} SET {sets} WHERE {where}"  # noqa: S608
        prep = [meta.get_field(f) for f in [*fields, "updated_at"]]
        self.params = [
            [
                *(field.get_db_prep_value(getattr(row, field.attname), connection) for field in prep[:-1]),
                prep[-1].get_db_prep_value(now, connection),
                row.version + 1,
                row.pk,
                row.version,
            ]
            for row in rows
        ]

    def run(self) -> None:
        execute_all(self.sql, self.params)


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
