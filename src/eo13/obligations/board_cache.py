"""The board's counts, kept in the cache and counted again only where something changed (issue 14: the board page at
most 2× one raw query, the first view after a change included).

Counting every office's duties is most of the board page. Database triggers (obligations/migrations/0005 and 0006)
number each commit that changes a duty, an event or an office (:class:`BoardVersion`: ``seq`` and a new random
``token``) and note which offices it touched (:class:`BoardChange`). Two things are kept in the cache:

- the board as the page shows it, under the token it was counted at: while nothing changes, a view reads the token
  and takes the board from the cache;
- each office's part (board_counts.OfficePart) with the number, token and day they were counted at: after a change,
  the board counts again only the offices changed since (and, on a new day, those with duties that fell due in
  between), and composes the board from the parts.

The token is read before counting, so what is kept under a number is never older than it. Kept parts are used only
when this database's change rows still hold the number and token they were kept under: a database restored from a
backup (or changes older than the rows kept) makes the board count everything again.

Not kept: inside a transaction (the caller may have changed duties it has not committed, and on PostgreSQL the
number changes only at COMMIT), and for anyone who does not see every office (their counts are their own).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Collection
from typing import Any

from django.core.cache import cache
from django.db import connections

from eo13.accounts.policy import has_role
from eo13.obligations.board_counts import OfficePart, Tally
from eo13.obligations.models import BoardChange, BoardVersion
from eo13.obligations.policy import OBLIGATION_POLICY
from eo13.prepared import fetch_all

KEEP_SECONDS = 3600  # the board as shown
# The parts are checked against the change rows before use, so they may stay long: over nights and weekends, when the
# next morning's first view counts only the offices whose duties fell due. One entry per filter combination.
KEEP_PARTS_SECONDS = 30 * 24 * 3600
_SEES_ALL = OBLIGATION_POLICY.read_all | OBLIGATION_POLICY.write_all  # as OBLIGATION_POLICY.visible
_VERSION = f'SELECT "seq", "token" FROM "{BoardVersion._meta.db_table}" WHERE "id" = 1'  # noqa: S608
_CHANGES = f'SELECT "seq", "token", "agency_id" FROM "{BoardChange._meta.db_table}" WHERE "seq" >= %s'  # noqa: S608

Count = Callable[[Collection[int] | None], dict[int, OfficePart]]
Kept = tuple[int, str, dt.date, Tally]  # number, token and day counted at; the tally

# The last tally each process used, by its cache name, checked against the change rows exactly as one read from the
# shared cache: the first view after a change then reads no 75 KB entry from Redis. A few filter combinations only.
_HERE: dict[str, Kept] = {}
_HERE_MOST = 16
_HERE_LOCK = threading.Lock()  # a gunicorn worker's threads share _HERE; evicting while another adds would raise


def cached_board[T](
    user: Any,
    using: str,
    on: dt.date,
    key: tuple[Any, ...],
    shown: tuple[Any, ...],
    count: Count,
    compose: Callable[[Tally], T],
    late_between: Callable[[dt.date, dt.date], Collection[int]],
) -> T:
    """``compose`` of every office's part, counted by ``count`` (for the offices named, or all for None) as of the
    day ``on``.

    ``key`` names the filters the parts were counted with; ``shown`` those only the composing applies.
    ``late_between(a, b)`` names the offices whose parts differ between two days (duties that turned late)."""
    if connections[using].in_atomic_block or not has_role(user, _SEES_ALL):
        return compose(Tally.of(count(None)))
    version = fetch_all(connections[using], _VERSION, ())
    if not version:  # no duty was ever written
        return compose(Tally.of(count(None)))
    seq, token = int(version[0][0]), str(version[0][1])
    board_name = _name("board", token, on.isoformat(), key, shown)
    found: T | None = cache.get(board_name)
    if found is not None:
        return found
    parts_name = _name("parts", key)
    kept = _HERE.get(parts_name) or cache.get(parts_name)
    tally = _brought_up_to_date(using, kept, on, count, late_between)
    if tally is None:
        tally = Tally.of(count(None))
    board = compose(tally)
    cache.set(board_name, board, KEEP_SECONDS)
    cache.set(parts_name, (seq, token, on, tally), KEEP_PARTS_SECONDS)
    with _HERE_LOCK:
        if len(_HERE) >= _HERE_MOST and parts_name not in _HERE:
            _HERE.pop(next(iter(_HERE)))
        _HERE[parts_name] = (seq, token, on, tally)
    return board


def _brought_up_to_date(
    using: str, kept: Any, on: dt.date, count: Count, late_between: Callable[[dt.date, dt.date], Collection[int]]
) -> Tally | None:
    """The kept tally with the offices changed since counted again, or None when it cannot be trusted."""
    if kept is None:
        return None
    kept_seq, kept_token, kept_on, tally = kept
    if not isinstance(tally, Tally):  # kept by an earlier release
        return None
    changed = _changed_since(using, kept_seq, kept_token)
    if changed is None:
        return None
    if kept_on != on:  # a new day: duties that fell due since are late now
        changed |= set(late_between(kept_on, on))
    if changed:
        tally = tally.copy()  # this process's copy may be in use by another thread
        tally.replace(count(changed), changed)
    return tally


def _changed_since(using: str, seq: int, token: str) -> set[int] | None:
    """The offices changed by commits after ``seq``; None (count everything) when this database did not make that
    commit (restored from a backup), its rows were dropped, or a change touched everything."""
    rows = fetch_all(connections[using], _CHANGES, (seq,))
    if not any(s == seq and t == token for s, t, _ in rows):
        return None
    changed = {office for s, _, office in rows if s > seq}
    return None if None in changed else changed


def _name(kind: str, *key: Any) -> str:
    return f"eo13:board-{kind}:" + hashlib.sha256(repr(key).encode()).hexdigest()
