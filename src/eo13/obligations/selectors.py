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
from django.db.models import Count, Q, QuerySet

from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.errors import NotFound
from eo13.law.deadlines import ORDER_ISSUED
from eo13.law.obligations import BY_KEY, CATALOGUE
from eo13.obligations.models import OPEN_STATUSES, Evidence, Obligation, Status
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

    Issue 14: one grouped query counts every office's duties by key and status with the late ones; Python only folds
    those few thousand counts into cells. The late list stays a query the page pages.
    """
    base = OBLIGATION_POLICY.visible(user, Obligation.objects.all())
    if section:
        base = base.filter(Q(section=section) | Q(section__startswith=section + "("))
    if kind:
        base = base.filter(agency__kind=kind)
    now = today()
    counts = (
        base.values_list("agency_id", "key", "status")
        .annotate(n=Count("id"), late=Count("id", filter=_overdue_q(now)))
        .order_by()
    )
    # The query Django built (the user's scope and filters included), read straight off the cursor: the counts need
    # no conversion, and converting some 10,000 rows one by one cost as much as the query itself (issue 14).
    sql, params = counts.query.sql_with_params()
    with connections[counts.db].cursor() as cursor:
        cursor.execute(sql, params)
        grouped = cursor.fetchall()
    cells: dict[tuple[int, str], list[Any]] = {}  # (agency, key) -> [rank, state, copies]
    totals: dict[str, int] = defaultdict(int)
    for agency_id, key, status, n, late in grouped:
        # Late copies count as "overdue", the rest under their status; the cell shows the most pressing of them.
        if late:
            totals["overdue"] += late
            if n > late:
                totals[status] += n - late
            st = "overdue"
        else:
            totals[status] += n
            st = status
        old = cells.get((agency_id, key))
        if old is None:
            cells[(agency_id, key)] = [_RANK[st], st, n]
            continue
        old[2] += n
        if _RANK[st] < old[0]:
            old[0], old[1] = _RANK[st], st
    if state:
        keep = {a for (a, _), (_, st, _) in cells.items() if st == state}
        cells = {k: v for k, v in cells.items() if k[0] in keep}
    present = {k for _, k in cells}
    keys = [s.key for s in CATALOGUE if s.key in present]
    agencies = Agency.objects.filter(pk__in={a for a, _ in cells}).order_by("code").values_list("pk", "code")
    # The few distinct cells are shared between rows, so the page draws each once (templatetags/obligations_board).
    shared: dict[tuple[str, int], Cell] = {}
    rows = []
    for pk, code in agencies:
        row: list[Cell | None] = []
        for k in keys:
            found = cells.get((pk, k))
            if found is None:
                row.append(None)
                continue
            _, st, n = found
            cell = shared.get((st, n))
            if cell is None:
                cell = shared[(st, n)] = Cell(st, CELL_TEXT[st], n)
            row.append(cell)
        rows.append(BoardRow(code, row))
    # A query, not a list: the board pages and searches it in the database (issue 13: 170 late duties on one page).
    overdue = base.filter(_overdue_q(now)).select_related("agency").order_by("due", "agency__code", "pk")
    return Board(keys=keys, rows=rows, overdue=overdue, totals=dict(totals), progress=progress(base, now))


def progress(qs: QuerySet[Obligation], now: dt.date) -> list[tuple[str, int, int]]:
    """Month by month since the order: duties done by the end of the month, and duties that existed by then.

    Grouped by the day in the database and folded into months here: a few hundred days at most, and SQLite would
    otherwise call Python once per duty to cut each date to its month (issue 14).
    """
    made = qs.values_list("event__on").annotate(n=Count("id")).order_by()
    done = qs.filter(completed_on__isnull=False).values_list("completed_on").annotate(n=Count("id")).order_by()
    made_by: dict[tuple[int, int], int] = defaultdict(int)
    done_by: dict[tuple[int, int], int] = defaultdict(int)
    for by, rows in ((made_by, made), (done_by, done)):
        for day, n in rows:
            if day is not None:
                by[(day.year, day.month)] += n
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


def catalogue_entry(key: str) -> Any:
    return BY_KEY.get(key)
