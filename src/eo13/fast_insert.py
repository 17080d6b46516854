"""One INSERT for a model instance without building the query each time (issue 14, the decision API's hot path).

``insert(obj)`` does what ``obj.save(force_insert=True)`` does for a plain model (each field's ``pre_save`` and
``get_db_prep_save``, the new primary key read back), from a statement written once per model and database. It
sends no ``pre_save``/``post_save`` signals: use it only for models that no receiver listens to (the audit entry
and the decision log), on the hot paths where Django's per-call query building cost more than the statement.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import Field, Model


@cache
def _statement(model: type[Model], vendor: str, returning: bool) -> tuple[str, list[Field[Any, Any]]]:
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    sql = f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({", ".join(["%s"] * len(fields))})'  # noqa: S608
    if returning:
        sql += f' RETURNING "{meta.pk.column}"'
    return sql, fields


def insert(obj: Model, using: str | None = None) -> None:
    using = using or router.db_for_write(type(obj), instance=obj)
    connection = connections[using]
    returning = bool(connection.features.can_return_columns_from_insert)
    sql, fields = _statement(type(obj), connection.vendor, returning)
    values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        pk = cursor.fetchone()[0] if returning else cursor.lastrowid
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = using
