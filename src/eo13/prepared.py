"""Prepared statements for the few plain statements every API request runs (issue 14).

Through Django's cursor PostgreSQL parses and plans each statement anew: for the token's four-table read the plan
took 0.15 ms and the read itself 0.04 ms. A statement sent here is prepared once per connection (psycopg keeps the
name) and then only executed. Elsewhere (SQLite) it goes through Django's cursor as any statement.

Statements sent here are logged with the others when Django logs queries (DEBUG, or a test counting them).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


def fetch_all(connection: BaseDatabaseWrapper, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Run ``sql`` (``%s`` placeholders, written once in code) with ``params``; its rows."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
    import psycopg  # only where PostgreSQL is in use

    connection.ensure_connection()
    started = time.monotonic()
    with connection.wrap_database_errors:
        # A server-binding cursor whatever Django's own factory is: client-side binding cannot prepare.
        server_cursor = psycopg.Cursor(connection.connection)
        server_cursor.execute(sql, params, prepare=True)
        rows: list[tuple[Any, ...]] = server_cursor.fetchall()
    logged(connection, sql, started, params)
    return rows


def logged(connection: BaseDatabaseWrapper, sql: str, started: float, params: Sequence[Any] = ()) -> None:
    """Note a statement run past Django's cursor in its query log, as Django's debug cursor does: with its values
    written in, as Django logs its own statements."""
    if connection.queries_logged:
        if params:
            import psycopg  # only where PostgreSQL is in use; the log only, never the statement run

            sql = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
        connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})
