"""Model objects from rows of a hand-written statement, converted as Django's compiler would (issue 14).

The hot reads of every API request (a token with its user, a user's memberships) are plain SQL written once. Each
column still goes through the converters the ORM would apply (booleans and datetimes on SQLite, JSON, ...), so the
objects are the ones a queryset would have built. Working out those converters cost a third of a read, so they
are kept on the connection: they are that backend's own methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Field, Model

Converters = list[tuple[Any, list[Any]]]


def quoted(name: str | None) -> str:
    return f'"{name}"'  # both engines quote names this way, as fast_insert does


def columns(fields: Sequence[Field[Any, Any]], alias: str | None = None) -> list[str]:
    """``alias."column"`` for each field (the table's own name when no alias is given)."""
    prefix = alias or quoted(fields[0].model._meta.db_table)
    return [f"{prefix}.{quoted(f.column)}" for f in fields]


def converters(key: str, fields: Sequence[Field[Any, Any]], connection: Any) -> Converters:
    """The converters for ``fields`` on ``connection``, worked out once per connection and ``key``."""
    kept: dict[str, Converters] = connection.__dict__.setdefault("_eo13_row_converters", {})
    found = kept.get(key)
    if found is None:
        found = []
        for f in fields:
            col = f.get_col(f.model._meta.db_table)
            found.append((col, connection.ops.get_db_converters(col) + col.get_db_converters(connection)))
        kept[key] = found
    return found


def convert(values: Sequence[Any], conv: Converters, connection: Any) -> list[Any]:
    out = []
    for value, (col, funcs) in zip(values, conv, strict=True):
        for func in funcs:
            value = func(value, col, connection)
        out.append(value)
    return out


def build[M: Model](
    model: type[M], using: str, fields: Sequence[Field[Any, Any]], values: Sequence[Any], conv: Converters, conn: Any
) -> M:
    """One model object from its row, as a queryset would have built it."""
    return model.from_db(using, [f.attname for f in fields], convert(values, conv, conn))
