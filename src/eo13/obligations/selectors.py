"""Reads of obligations, always starting from what the user may see (OBLIGATION_POLICY).

Overdue and due-soon are derived here from the due date and today, never stored: a duty is overdue when it is
still open (or returned) after its due date, and due soon when its date is at most 14 days away.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Value, When

from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.errors import NotFound
from eo13.law.deadlines import ORDER_ISSUED
from eo13.law.obligations import BY_KEY, CATALOGUE
from eo13.obligations.board_cache import cached_counts
from eo13.obligations.models import OPEN_STATUSES, Evidence, Obligation, ObligationEvent, Status
from eo13.obligations.policy import OBLIGATION_POLICY

DUE_SOON_DAYS = 14


def due_state(obligation: Obligation, on: dt.date | None = None) -> str:
    """``overdue``, ``due-soon`` or ``""``, derived from the due date and today."""
    if obligation.due is None or obligation.status not in OPEN_STATUSES:
        return ""
    left = (obligation.due - (on or today())).days
    if left < 0:
        return "overdue"
    return "due-soon" if left <= DUE_SOON_DAYS else ""


def days_late(obligation: Obligation, on: dt.date | None = None) -> int:
    """Whole days past the due date of a duty still open; 0 when it is not late."""
    if obligation.due is None or obligation.status not in OPEN_STATUSES:
        return 0
    return max((on or today()) - obligation.due, dt.timedelta(0)).days


def late_text(obligation: Obligation, on: dt.date | None = None) -> str:
    """ "Late by 12 days" (issue 13: a late duty says how late), or "" when it is not late."""
    days = days_late(obligation, on)
    if not days:
        return ""
    return f"Late by {days} day" if days == 1 else f"Late by {days} days"


def _overdue_q(on: dt.date) -> Q:
    return Q(status__in=OPEN_STATUSES, due__lt=on)


def obligation_list(
    user: Any,
    *,
    agency: str | None = None,
    status: str | None = None,
    key: str | None = None,
    section: str | None = None,
    state: str | None = None,
) -> QuerySet[Obligation]:
    qs = OBLIGATION_POLICY.visible(user, Obligation.objects.all()).select_related("agency", "concerns")
    if agency:
        qs = qs.filter(agency__code=agency.upper())
    if status:
        qs = qs.filter(status=status)
    if key:
        qs = qs.filter(key=key)
    if section:
        qs = qs.filter(Q(section=section) | Q(section__startswith=section + "("))
    now = today()
    if state == "overdue":
        qs = qs.filter(_overdue_q(now))
    elif state == "due-soon":
        qs = qs.filter(status__in=OPEN_STATUSES, due__gte=now, due__lte=now + dt.timedelta(days=DUE_SOON_DAYS))
    return qs


def obligation_get(user: Any, pk: int) -> Obligation:
    obligation = (
        OBLIGATION_POLICY.visible(user, Obligation.objects.all())
        .select_related("agency", "concerns", "event", "submitted_by")
        .filter(pk=pk)
        .first()
    )
    if obligation is None:
        raise NotFound("No such duty, or you may not see it.")
    found: Obligation = obligation
    return found


def evidence_get(user: Any, obligation_pk: int, evidence_pk: int) -> Evidence:
    obligation = obligation_get(user, obligation_pk)
    evidence = Evidence.objects.filter(obligation=obligation, pk=evidence_pk).first()
    if evidence is None:
        raise NotFound("No such evidence file.")
    return evidence


@dataclass
class Workspace:
    agency: Agency
    owe: list[Obligation]
    next_up: list[Obligation]
    returned: list[Obligation]
    submitted: list[Obligation]
    accepted_count: int
    overdue_count: int


def workspace(user: Any, agency: Agency) -> Workspace:
    """One office's duties: what it owes, what is next, what came back (DESIGN "agency compliance lead")."""
    if not OBLIGATION_POLICY.can_read(user, Obligation(agency=agency)):
        raise NotFound("No such office, or you may not see it.")
    rows = list(
        Obligation.objects.filter(agency=agency)
        .select_related("concerns")
        .only(
            "id",
            "key",
            "section",
            "title",
            "due",
            "status",
            "binding",
            "subject",
            "period",
            "concerns__code",
            "agency_id",
            "version",
        )
    )
    now = today()
    owe = [o for o in rows if o.status in OPEN_STATUSES]
    owe.sort(key=lambda o: (o.due is None, o.due or now, o.key))
    return Workspace(
        agency=agency,
        owe=owe,
        next_up=[o for o in owe if o.due is not None and o.due >= now][:5],
        returned=[o for o in rows if o.status == Status.RETURNED],
        submitted=[o for o in rows if o.status == Status.SUBMITTED],
        accepted_count=sum(1 for o in rows if o.status == Status.ACCEPTED),
        overdue_count=sum(1 for o in owe if o.due is not None and o.due < now),
    )


# Board cells show the most pressing state among an office's copies of one duty.
_RANK = {
    "overdue": 0,
    Status.RETURNED: 1,
    Status.OPEN: 2,
    Status.SUBMITTED: 3,
    Status.ACCEPTED: 4,
    Status.SUPERSEDED: 5,
}
_BY_RANK = {rank: state for state, rank in _RANK.items()}
CELL_TEXT = {
    "overdue": "Late",
    Status.RETURNED: "Returned",
    Status.OPEN: "Open",
    Status.SUBMITTED: "In review",
    Status.ACCEPTED: "Done",
    Status.SUPERSEDED: "Superseded",
}


@dataclass(frozen=True, slots=True)
class Cell:
    """One office's copies of one duty: the most pressing state, its words, and how many copies."""

    state: str
    text: str
    count: int


@dataclass(frozen=True, slots=True)
class BoardRow:
    code: str  # the office's code
    cells: list[Cell | None]  # one per board key; None when the office owes no such duty


@dataclass
class Board:
    keys: list[str]
    rows: list[BoardRow]
    overdue: QuerySet[Obligation]
    totals: dict[str, int] = field(default_factory=dict)
    progress: list[tuple[str, int, int]] = field(default_factory=list)  # (month, accepted, total)


def board(user: Any, *, section: str | None = None, state: str | None = None, kind: str | None = None) -> Board:
    """Every office against every duty, the overdue list and progress over time (City Hall's view).

    Issue 14: the database folds each office's copies of a duty into one cell (how many, and the most pressing state
    as a rank), and a second small query counts the whole board by status, read off the (status, due) index. Python
    only shapes those few thousand rows into the table. The late list stays a query the page pages. The counts are
    kept in the cache until a duty, an event or an office changes (eo13.obligations.board_cache).
    """
    base = OBLIGATION_POLICY.visible(user, Obligation.objects.all())
    if section:
        base = base.filter(Q(section=section) | Q(section__startswith=section + "("))
    if kind:
        base = base.filter(agency__kind=kind)
    now = today()
    counts = cached_counts(
        user, base.db, ("board", now.isoformat(), section, state, kind), lambda: _counts(base, now, state)
    )
    # A query, not a list: the board pages and searches it in the database (issue 13: 170 late duties on one page).
    overdue = base.filter(_overdue_q(now)).select_related("agency").order_by("due", "agency__code", "pk")
    return Board(keys=counts.keys, rows=counts.rows, overdue=overdue, totals=counts.totals, progress=counts.progress)


@dataclass(frozen=True)
class _Counts:
    keys: list[str]
    rows: list[BoardRow]
    totals: dict[str, int]
    progress: list[tuple[str, int, int]]


def _counts(base: QuerySet[Obligation], now: dt.date, state: str | None) -> _Counts:
    late = _overdue_q(now)
    rank = Min(
        Case(
            When(late, then=Value(_RANK["overdue"])),
            *(When(status=s, then=Value(r)) for s, r in _RANK.items() if s != "overdue"),
            default=Value(len(_RANK)),
            output_field=IntegerField(),
        )
    )
    # The few distinct cells (state and count) are shared between rows, so the page draws each once
    # (templatetags/obligations_board).
    shared: dict[tuple[int, int], Cell] = {}
    by_office: dict[int, dict[str, Cell]] = defaultdict(dict)
    for agency_id, key, n, r in _fetch(base.values_list("agency_id", "key"), rank=rank):
        cell = shared.get((r, n))
        if cell is None:
            cell = shared[(r, n)] = Cell(_BY_RANK[r], CELL_TEXT[_BY_RANK[r]], n)
        by_office[agency_id][key] = cell
    totals: dict[str, int] = defaultdict(int)
    for status, n, n_late in _fetch(base.values_list("status"), late=Count("id", filter=late)):
        # Late copies count as "overdue", the rest under their status.
        totals["overdue"] += n_late
        totals[status] += n - n_late
    if state:
        by_office = defaultdict(dict, {a: c for a, c in by_office.items() if any(x.state == state for x in c.values())})
    present = set().union(*by_office.values())
    keys = [s.key for s in CATALOGUE if s.key in present]
    # Every office's code, in order, kept where the office has duties on the board: one plain read of a small table.
    offices = Agency.objects.order_by("code").values_list("pk", "code")
    rows = [BoardRow(code, [*map(by_office[pk].get, keys)]) for pk, code in offices if pk in by_office]
    return _Counts(keys, rows, {k: v for k, v in totals.items() if v}, progress(base, now))


def _fetch(qs: QuerySet[Any], **annotations: Any) -> list[tuple[Any, ...]]:
    """The grouped query Django builds (the user's scope and filters included), read straight off the cursor: counts
    need no conversion, and converting thousands of rows one by one cost as much as the query itself (issue 14)."""
    grouped = qs.annotate(n=Count("id"), **annotations).order_by()
    sql, params = grouped.query.sql_with_params()
    with connections[grouped.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def progress(qs: QuerySet[Obligation], now: dt.date) -> list[tuple[str, int, int]]:
    """Month by month since the order: duties done by the end of the month, and duties that existed by then.

    Counted in the database by event and by completion day (both read off an index) and folded into months here: a
    few hundred rows at most, and SQLite would otherwise call Python once per duty to cut each date to its month
    (issue 14).
    """
    by_event = dict(_fetch(qs.values_list("event_id")))
    made = ObligationEvent.objects.filter(pk__in=[e for e in by_event if e is not None]).values_list("pk", "on")
    done = _fetch(qs.filter(completed_on__isnull=False).values_list("completed_on"))
    made_by: dict[tuple[int, int], int] = defaultdict(int)
    done_by: dict[tuple[int, int], int] = defaultdict(int)
    for pk, day in made:
        made_by[(day.year, day.month)] += by_event[pk]
    for day, n in done:
        day = _as_date(day)
        done_by[(day.year, day.month)] += n
    start = min([(ORDER_ISSUED.year, ORDER_ISSUED.month), *made_by, *done_by])
    out: list[tuple[str, int, int]] = []
    y, m = start
    total = accepted = 0
    while (y, m) <= (now.year, now.month):
        total += made_by[(y, m)]
        accepted += done_by[(y, m)]
        out.append((f"{y:04d}-{m:02d}", accepted, total))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _as_date(day: dt.date | str) -> dt.date:
    # Read off the cursor without Django's converters, SQLite hands dates back as ISO text.
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(day)


def catalogue_entry(key: str) -> Any:
    return BY_KEY.get(key)
