"""Reads of obligations, always starting from what the user may see (OBLIGATION_POLICY).

Overdue and due-soon are derived here from the due date and today, never stored: a duty is overdue when it is
still open (or returned) after its due date, and due soon when its date is at most 14 days away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.errors import NotFound
from eo13.law.obligations import BY_KEY
from eo13.obligations.board_cache import cached_board
from eo13.obligations.board_counts import BoardRow, compose, count_offices, late_between, overdue_q
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
        qs = qs.filter(overdue_q(now))
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


@dataclass
class Board:
    keys: list[str]
    rows: list[BoardRow]
    overdue: QuerySet[Obligation]
    totals: dict[str, int] = field(default_factory=dict)
    progress: list[tuple[str, int, int]] = field(default_factory=list)  # (month, accepted, total)


def board(user: Any, *, section: str | None = None, state: str | None = None, kind: str | None = None) -> Board:
    """Every office against every duty, the overdue list and progress over time (City Hall's view).

    Issue 14: the database counts each office's part (board_counts: each duty's copies and most pressing state, the
    totals by status, the months) and Python folds the parts into the table. The parts are kept in the cache, and
    after a change only the offices changed are counted again (board_cache). The late list stays a query the page
    pages.
    """
    base = OBLIGATION_POLICY.visible(user, Obligation.objects.all())
    if section:
        base = base.filter(Q(section=section) | Q(section__startswith=section + "("))
    if kind:
        base = base.filter(agency__kind=kind)
    now = today()
    counts = cached_board(
        user,
        base.db,
        now,
        ("board", section, kind),
        (state,),
        lambda offices: count_offices(base, now, offices),
        lambda parts: compose(parts, now, state),
        lambda one, other: late_between(base, one, other),
    )
    # A query, not a list: the board pages and searches it in the database (issue 13: 170 late duties on one page).
    overdue = base.filter(overdue_q(now)).select_related("agency").order_by("due", "agency__code", "pk")
    return Board(keys=counts.keys, rows=counts.rows, overdue=overdue, totals=counts.totals, progress=counts.progress)


def catalogue_entry(key: str) -> Any:
    return BY_KEY.get(key)
