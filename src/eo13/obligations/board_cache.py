"""The board's counts, kept in the cache until something on the board changes (issue 14: the board page at most 2×
one raw query).

Counting every office's duties is most of the board page. The counts change only when a duty, an event or an office
does, and then a database trigger gives :class:`eo13.obligations.models.BoardVersion` a new token (see the migration
that made it, obligations/migrations/0005_boardversion.py). Counts are kept under the token they were counted at, so
a change is seen on the very next view, from any process. The token is read before counting, so counts kept under a
token are never older than it.

Not kept: inside a transaction (the caller may have changed duties it has not committed, and on PostgreSQL the token
changes only at COMMIT), and for anyone who does not see every office (their counts are their own).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connections

from eo13.accounts.policy import has_role
from eo13.obligations.models import BoardVersion
from eo13.obligations.policy import OBLIGATION_POLICY

KEEP_SECONDS = 3600
_SEES_ALL = OBLIGATION_POLICY.read_all | OBLIGATION_POLICY.write_all  # as OBLIGATION_POLICY.visible
_TOKEN = f'SELECT "token" FROM "{BoardVersion._meta.db_table}" WHERE "id" = 1'  # noqa: S608


def _token(using: str) -> str | None:
    with connections[using].cursor() as cursor:
        cursor.execute(_TOKEN)
        row = cursor.fetchone()
    return str(row[0]) if row else None


def cached_counts[T](user: Any, using: str, key: tuple[Any, ...], count: Callable[[], T]) -> T:
    """``count()``'s result, from the cache when nothing changed since it was kept under ``key``."""
    if connections[using].in_atomic_block or not has_role(user, _SEES_ALL):
        return count()
    token = _token(using)
    if token is None:  # no duty was ever written
        return count()
    name = "eo13:board:" + hashlib.sha256(repr((token, *key)).encode()).hexdigest()
    found: T | None = cache.get(name)
    if found is not None:
        return found
    counted = count()
    cache.set(name, counted, KEEP_SECONDS)
    return counted
