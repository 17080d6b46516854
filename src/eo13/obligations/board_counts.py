"""The City Hall board's counts, office by office (issue 14).

The board is counted in two steps so that a change to one office's duties costs one office's counting:

1. :func:`count_offices` asks the database for each office's part: per duty, its copies and the most pressing state
   (as a rank); per status, its copies and the late ones; per month, the duties started (by their event's date) and
   the duties done. Grouped queries, for every office or only the ones named.
2. :func:`compose` folds the parts into what the page shows: the table, the totals, the progress chart.

board_cache keeps the parts and tells which offices changed since they were counted.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from django.db import connections
from django.db.models import Case, CharField, Count, Func, IntegerField, Min, Q, QuerySet, Value, When

from eo13.agencies.models import Agency
from eo13.law.deadlines import ORDER_ISSUED
from eo13.law.obligations import CATALOGUE
from eo13.obligations.models import OPEN_STATUSES, Obligation, ObligationEvent, Status
from eo13.prepared import fetch_all

# Board cells show the most pressing state among an office's copies of one duty.
RANK = {
    "overdue": 0,
    Status.RETURNED: 1,
    Status.OPEN: 2,
    Status.SUBMITTED: 3,
    Status.ACCEPTED: 4,
    Status.SUPERSEDED: 5,
}
_BY_RANK = {rank: state for state, rank in RANK.items()}
_RANK_OF = {str(state): rank for state, rank in RANK.items()}  # by the status as the database holds it
_LATE_RANK = RANK["overdue"]
_KEYS = [s.key for s in CATALOGUE]
CELL_TEXT = {
    "overdue": "Late",
    Status.RETURNED: "Returned",
    Status.OPEN: "Open",
    Status.SUBMITTED: "In review",
    Status.ACCEPTED: "Done",
    Status.SUPERSEDED: "Superseded",
}


def overdue_q(on: dt.date) -> Q:
    return Q(status__in=OPEN_STATUSES, due__lt=on)


@dataclass(frozen=True)
class Cell:
    """One office's copies of one duty: the most pressing state, its words, and how many copies."""

    state: str
    text: str
    count: int


@dataclass(frozen=True)
class BoardRow:
    code: str  # the office's code
    cells: list[Cell | None]  # one per board key; None when the office owes no such duty


@dataclass(frozen=True)
class OfficePart:
    """One office's share of the board, as counted by the database."""

    # One cell per catalogue duty, in the catalogue's order (None where the office owes no such duty). Cells are
    # shared between offices, so the cache keeps each distinct one once.
    row: tuple[Cell | None, ...]
    totals: dict[str, tuple[int, int]]  # status -> (copies, late copies)
    started: dict[str, int]  # "YYYY-MM" -> duties whose event fell in that month
    done: dict[str, int]  # "YYYY-MM" -> duties completed in that month


@dataclass(frozen=True)
class BoardCounts:
    keys: list[str]
    rows: list[BoardRow]
    totals: dict[str, int]
    progress: list[tuple[str, int, int]]  # (month, accepted, total)


class _Month(Func):
    """A date's "YYYY-MM", cut by the database's own text functions (Django's month truncation calls Python once per
    row on SQLite)."""

    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')", **extra)


FEW = 16  # offices counted in one query rather than four


def count_offices(base: QuerySet[Obligation], now: dt.date, offices: Collection[int] | None) -> dict[int, OfficePart]:
    """Each office's part of the board from ``base`` (the user's scope and filters), for ``offices`` or all of them.
    An office with no duty in ``base`` has no part.

    Many offices: four grouped queries, each folded in the database. A few (up to FEW, as after one person's change):
    one query grouping their duties by everything the parts need, folded here. Their few dozen rows cost less than
    building three more queries; for every office that one query sends nearly every duty, and folding them all in
    Python takes longer than the four queries. On the unfiltered board that one query is a statement written once
    (_few_sql). tests/obligations/test_board_changes.py holds the ways equal."""
    if offices is not None and len(offices) <= FEW and not base.query.where:
        return _fold(_few_rows(base.db, sorted(offices), now))  # before any queryset is built: the hot path
    qs = base if offices is None else base.filter(agency_id__in=sorted(offices))
    if offices is not None and len(offices) <= FEW:
        late_flag = Case(When(overdue_q(now), then=Value(1)), default=Value(0), output_field=IntegerField())
        months = (_Month("event__on"), _Month("completed_on"))
        return _fold(_fetch(qs.values_list("agency_id", "key", "status", late_flag, *months)))
    late = overdue_q(now)
    rank = Min(
        Case(
            When(late, then=Value(RANK["overdue"])),
            *(When(status=s, then=Value(r)) for s, r in RANK.items() if s != "overdue"),
            default=Value(len(RANK)),
            output_field=IntegerField(),
        )
    )
    # Interned, so the few keys, statuses and months are kept once in the cache, not once per office.
    cells: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for office, key, n, r in _fetch(qs.values_list("agency_id", "key"), rank=rank):
        cells[office][intern(key)] = (r, n)
    totals: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for office, status, n, n_late in _fetch(qs.values_list("agency_id", "status"), late=Count("id", filter=late)):
        totals[office][intern(status)] = (n, n_late)
    started: dict[int, dict[str, int]] = defaultdict(dict)
    for office, month, n in _fetch(qs.filter(event__isnull=False).values_list("agency_id", _Month("event__on"))):
        started[office][intern(month)] = n
    done: dict[int, dict[str, int]] = defaultdict(dict)
    for office, month, n in _fetch(
        qs.filter(completed_on__isnull=False).values_list("agency_id", _Month("completed_on"))
    ):
        done[office][intern(month)] = n
    return {a: OfficePart(_row(cells[a]), totals[a], started.get(a, {}), done.get(a, {})) for a in cells}


_OB, _EV = Obligation._meta.db_table, ObligationEvent._meta.db_table
_MONTH_SQL = {"postgresql": "to_char({}, 'YYYY-MM')", "sqlite": "substr({}, 1, 7)"}


@functools.cache
def _few_sql(vendor: str, offices: int) -> str:
    """The grouping below for ``offices`` offices, as the ORM writes it, from names in the models only. Building
    the query through the ORM took most of the time of counting one office (issue 14)."""
    started, done = (_MONTH_SQL[vendor].format(column) for column in ('e."on"', 'o."completed_on"'))
    open_statuses = ", ".join(["%s"] * len(OPEN_STATUSES))
    return (
        f'SELECT o."agency_id", o."key", o."status", '  # noqa: S608 (names from the models, values as parameters)
        f'CASE WHEN o."status" IN ({open_statuses}) AND o."due" < %s THEN 1 ELSE 0 END, {started}, {done}, COUNT(*) '
        f'FROM "{_OB}" o LEFT OUTER JOIN "{_EV}" e ON o."event_id" = e."id" '
        f'WHERE o."agency_id" IN ({", ".join(["%s"] * offices)}) GROUP BY 1, 2, 3, 4, 5, 6'
    )


def _few_rows(using: str, offices: list[int], now: dt.date) -> list[tuple[Any, ...]]:
    connection = connections[using]
    return fetch_all(connection, _few_sql(connection.vendor, len(offices)), [*map(str, OPEN_STATUSES), now, *offices])


def _fold(groups: list[tuple[Any, ...]]) -> dict[int, OfficePart]:
    """Parts from rows of (office, key, status, late 0/1, month started, month done, copies)."""
    cells: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    totals: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    started: dict[int, Counter[str]] = defaultdict(Counter)
    done: dict[int, Counter[str]] = defaultdict(Counter)
    for office, key, status, is_late, started_in, done_in, n in groups:
        key, status = intern(key), intern(status)
        rank = _LATE_RANK if is_late else _RANK_OF.get(status, len(RANK))
        cell = cells[office].get(key)
        cells[office][key] = (rank, n) if cell is None else (min(rank, cell[0]), cell[1] + n)
        copies, late_copies = totals[office].get(status, (0, 0))
        totals[office][status] = (copies + n, late_copies + (n if is_late else 0))
        if started_in:
            started[office][intern(started_in)] += n
        if done_in:
            done[office][intern(done_in)] += n
    return {a: OfficePart(_row(cells[a]), totals[a], dict(started[a]), dict(done[a])) for a in cells}


def _row(cells: Mapping[str, tuple[int, int]]) -> tuple[Cell | None, ...]:
    return tuple(_cell(*cells[key]) if key in cells else None for key in _KEYS)


@functools.cache
def _cell(rank: int, copies: int) -> Cell:
    state = _BY_RANK.get(rank, "")
    return Cell(state, CELL_TEXT.get(state, ""), copies)


def late_between(base: QuerySet[Obligation], one: dt.date, other: dt.date) -> set[int]:
    """The offices with an open duty that turned late (or, the clock set back, not late) between two days: the parts
    counted on one day that the other day changes."""
    first, last = sorted((one, other))
    moved = base.filter(status__in=OPEN_STATUSES, due__gte=first, due__lt=last).order_by()
    return set(moved.values_list("agency_id", flat=True).distinct())


def _fetch(qs: QuerySet[Any], **annotations: Any) -> list[tuple[Any, ...]]:
    """The grouped query Django builds (the user's scope and filters included), read straight off the cursor: counts
    need no conversion, and converting thousands of rows one by one cost as much as the query itself."""
    grouped = qs.annotate(n=Count("id"), **annotations).order_by()
    sql, params = grouped.query.sql_with_params()
    with connections[grouped.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


@dataclass
class Tally:
    """Every office's part and their sums by status and month, kept together: when a few offices change, the sums
    move by those offices' differences instead of being added up again over every office."""

    parts: dict[int, OfficePart] = field(default_factory=dict)
    copies: Counter[str] = field(default_factory=Counter)  # by status
    late: Counter[str] = field(default_factory=Counter)  # by status
    started: Counter[str] = field(default_factory=Counter)  # by month
    done: Counter[str] = field(default_factory=Counter)  # by month
    offering: Counter[int] = field(default_factory=Counter)  # by catalogue duty (its place): offices that owe it

    @classmethod
    def of(cls, parts: Mapping[int, OfficePart]) -> Tally:
        tally = cls()
        tally.replace(parts, ())
        return tally

    def copy(self) -> Tally:
        """A copy to change: the parts are shared (they never change), the sums are new."""
        return Tally(
            dict(self.parts),
            Counter(self.copies),
            Counter(self.late),
            Counter(self.started),
            Counter(self.done),
            Counter(self.offering),
        )

    def replace(self, fresh: Mapping[int, OfficePart], offices: Collection[int]) -> None:
        """Put ``fresh`` parts in place of the ``offices`` counted again (an office without a fresh part has no duty
        left on the board). Changes this tally."""
        for office in offices:
            old = self.parts.pop(office, None)
            if old is not None:
                self._add(old, -1)
        for office, part in fresh.items():
            self.parts[office] = part
            self._add(part, 1)

    def _add(self, part: OfficePart, sign: int) -> None:
        for place, cell in enumerate(part.row):
            if cell is not None:
                _move(self.offering, place, sign)
        for status, (n, n_late) in part.totals.items():
            _move(self.copies, status, sign * n)
            _move(self.late, status, sign * n_late)
        for month, n in part.started.items():
            _move(self.started, month, sign * n)
        for month, n in part.done.items():
            _move(self.done, month, sign * n)


def _move[K](counter: Counter[K], name: K, by: int) -> None:
    counter[name] += by
    if not counter[name]:  # nothing left: gone, so an empty month does not start the chart
        del counter[name]


def compose(tally: Tally, now: dt.date, state: str | None) -> BoardCounts:
    """The board as the page shows it, from every office's part: the catalogue duties some office owes, as columns,
    and a row for each office with duties on the board."""
    parts = tally.parts
    if state:
        parts = {pk: p for pk, p in parts.items() if any(c is not None and c.state == state for c in p.row)}
        places = sorted({i for p in parts.values() for i, c in enumerate(p.row) if c is not None})
    else:
        places = sorted(tally.offering)
    keys = [_KEYS[i] for i in places]
    every = len(places) == len(_KEYS)
    # Every office's code, in order, kept where the office has duties on the board: one plain read of a small table.
    offices = Agency.objects.order_by("code").values_list("pk", "code")
    rows = [
        BoardRow(code, list(parts[pk].row) if every else [parts[pk].row[i] for i in places])
        for pk, code in offices
        if pk in parts
    ]
    # Late copies count as "overdue", the rest under their status.
    totals = {"overdue": sum(tally.late.values())} | {s: n - tally.late[s] for s, n in tally.copies.items()}
    return BoardCounts(keys, rows, {k: v for k, v in totals.items() if v}, progress(tally.started, tally.done, now))


def progress(started: Mapping[str, int], done: Mapping[str, int], now: dt.date) -> list[tuple[str, int, int]]:
    """Month by month since the order: duties done by the end of the month, and duties that existed by then."""
    months = [(int(m[:4]), int(m[5:7])) for m in (*started, *done)]
    y, m = min([(ORDER_ISSUED.year, ORDER_ISSUED.month), *months])
    out: list[tuple[str, int, int]] = []
    total = accepted = 0
    while (y, m) <= (now.year, now.month):
        month = f"{y:04d}-{m:02d}"
        total += started.get(month, 0)
        accepted += done.get(month, 0)
        out.append((month, accepted, total))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
