"""A user's memberships with their agencies, read by one statement written once (issue 14).

Every request that checks a role reads the user's memberships. Through the ORM (``select_related("agency")`` and the
model's ordering) Django built the same query again on every request, which cost more than a decision: about 1 ms
of a 2.7 ms decision request on SQLite. This reads the same rows, in the same order, into the same model objects
(each column through the converters Django's compiler would apply, the agency cached on its membership), from a
statement built once per database.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import Field

from eo13.accounts.models import Membership
from eo13.agencies.models import Agency


@cache
def _statement(vendor: str) -> tuple[str, list[Field[Any, Any]], list[Field[Any, Any]]]:
    m, a = Membership._meta, Agency._meta
    m_fields, a_fields = list(m.concrete_fields), list(a.concrete_fields)

    def q(name: str | None) -> str:
        return f'"{name}"'  # both engines quote names this way, as fast_insert does

    columns = [f"{q(m.db_table)}.{q(f.column)}" for f in m_fields] + [
        f"{q(a.db_table)}.{q(f.column)}" for f in a_fields
    ]
    mt, at = q(m.db_table), q(a.db_table)
    agency_fk = f"{mt}.{q('agency_id')}"
    # Membership's ordering (agency code, then role): the first membership is the user's primary one.
    sql = (
        f"SELECT {', '.join(columns)} FROM {mt} INNER JOIN {at} ON ({agency_fk} = {at}.{q('id')})"  # noqa: S608
        f" WHERE {mt}.{q('user_id')} = %s ORDER BY {at}.{q('code')} ASC, {mt}.{q('role')} ASC"
    )
    return sql, m_fields, a_fields


def _converters(fields: list[Field[Any, Any]], connection: Any) -> list[tuple[Any, list[Any]]]:
    out = []
    for f in fields:
        col = f.get_col(f.model._meta.db_table)
        out.append((col, connection.ops.get_db_converters(col) + col.get_db_converters(connection)))
    return out


def _convert(values: tuple[Any, ...], converters: list[tuple[Any, list[Any]]], connection: Any) -> list[Any]:
    out = []
    for value, (col, funcs) in zip(values, converters, strict=True):
        for func in funcs:
            value = func(value, col, connection)
        out.append(value)
    return out


def memberships_read(user_pk: int) -> list[Membership]:
    """The user's memberships, each with its agency already loaded, ordered by agency code and role."""
    using = router.db_for_read(Membership)
    connection = connections[using]
    sql, m_fields, a_fields = _statement(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_pk])
        rows = cursor.fetchall()
    if not rows:
        return []
    # Kept on the connection: its converters are its own backend's methods, and working them out cost a third of
    # the read.
    converters = getattr(connection, "_eo13_membership_converters", None)
    if converters is None:
        converters = (_converters(m_fields, connection), _converters(a_fields, connection))
        connection._eo13_membership_converters = converters  # type: ignore[attr-defined]
    m_conv, a_conv = converters
    m_names = [f.attname for f in m_fields]
    a_names = [f.attname for f in a_fields]
    cache_agency = Membership._meta.get_field("agency").set_cached_value
    found = []
    n = len(m_fields)
    for row in rows:
        membership = Membership.from_db(using, m_names, _convert(row[:n], m_conv, connection))
        cache_agency(membership, Agency.from_db(using, a_names, _convert(row[n:], a_conv, connection)))
        found.append(membership)
    return found
