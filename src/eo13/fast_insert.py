"""One INSERT for a model's row from a statement written once (issue 14, the decision API's hot path).

``insert_row(model, row, using)`` does what ``Model.objects.create`` does for a plain model, without building the
query each time and preparing only the fields that need it. It sends no ``pre_save``/``post_save`` signals: use it
only for models that no receiver listens to (the audit entry and the decision log), on the hot paths where Django's
per-call query building cost more than the statement.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

# Plain values (text, numbers, booleans, keys, None) go to both drivers as they are; these need their field's own
# preparation (JSON to text or Jsonb, dates to the backend's form).
_PREPARED = frozenset({"JSONField", "DateField", "DateTimeField", "TimeField", "DecimalField", "UUIDField"})


@cache
def _columns(model: type[Model]) -> list[tuple[str, str, Field[Any, Any] | None]]:
    """Every column but the key: its quoted name, its attribute name, and the field that prepares its value (None
    for a plain value)."""
    return [
        (f'"{f.column}"', f.attname, f if f.get_internal_type() in _PREPARED else None)
        for f in model._meta.concrete_fields
        if not f.primary_key
    ]


@cache
def _statement(model: type[Model], returning: bool) -> str:
    """The INSERT for every column but the key."""
    meta = model._meta
    columns = insert_columns(model)
    marks = ", ".join(["%s"] * len(columns))
    sql = f'INSERT INTO "{meta.db_table}" ({", ".join(columns)}) VALUES ({marks})'  # noqa: S608  # names from the model
    if returning:
        sql += f' RETURNING "{meta.pk.column}"'
    return sql


class Encoded(str):
    """A JSON field's value already encoded as JSON text: written as it is instead of being encoded again (the
    decision API answers with the same text it logs)."""


def _as_is(text: str) -> str:
    return text


def _prepared(field: Field[Any, Any], value: Any, connection: BaseDatabaseWrapper) -> Any:
    if type(value) is not Encoded:
        return field.get_db_prep_save(value, connection)
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb  # as Django's own JSONField sends it, typed jsonb

        return Jsonb(value, dumps=_as_is)
    return str(value)  # SQLite keeps JSON as text


def insert_row(model: type[Model], row: dict[str, Any], using: str) -> Any:
    """One INSERT from ``row`` (every column but the key, by attribute name, as plain Python values); returns the
    new key. No ``pre_save``: ``auto_now`` fields must be in ``row``.

    For the decision log and the audit log, written on the City's busiest path: preparing every field through the
    ORM cost more than the statement, when only JSON and dates need it."""
    connection = connections[using]
    returning = bool(connection.features.can_return_columns_from_insert)
    with connection.cursor() as cursor:
        cursor.execute(_statement(model, returning), prepared_values(model, row, connection))
        return cursor.fetchone()[0] if returning else cursor.lastrowid


def insert_columns(model: type[Model]) -> list[str]:
    """The quoted columns :func:`prepared_values` gives values for, in order (every concrete column but the key)."""
    return [column for column, _, _ in _columns(model)]


def prepared_values(model: type[Model], row: dict[str, Any], connection: BaseDatabaseWrapper) -> list[Any]:
    """``row``'s values in :func:`insert_columns` order, each as the driver takes it."""
    return [
        row[name] if field is None else _prepared(field, row[name], connection) for _, name, field in _columns(model)
    ]
