"""Reads of the Committee's records, always through :mod:`eo13.committee.policy` (EO 13 §7, §8)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from eo13.access.models import Encounter
from eo13.access.models.encounters import CityResponse
from eo13.accounts.models import Role
from eo13.accounts.policy import agency_ids, has_role
from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.committee import policy
from eo13.committee.models import (
    LEADERSHIP_ROLES,
    CommitteeMember,
    Crisis,
    CrisisTask,
    Guidance,
    GuidanceDelivery,
    MayorReport,
    MemberRole,
    OutsideContact,
    ResourceAnswer,
    ResourceRequest,
    Risk,
    TaskStatus,
    TimelineEntry,
)
from eo13.committee.services.members import DESIGNATION_KEY, REDESIGNATION_KEY, owes_designation
from eo13.errors import NotFound
from eo13.obligations.models import OPEN_STATUSES, Obligation

SUPPRESS_BELOW = 5
BOROUGH_NAMES = {1: "Manhattan", 2: "Bronx", 3: "Brooklyn", 4: "Queens", 5: "Staten Island"}


def active_members(on: dt.date) -> QuerySet[CommitteeMember]:
    return (
        CommitteeMember.objects.filter(starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))
        .select_related("agency")
    )


@dataclass
class BoardRow:
    agency: Agency
    managers: list[CommitteeMember] = field(default_factory=list)
    alternates: list[CommitteeMember] = field(default_factory=list)
    duty: Obligation | None = None

    @property
    def missing(self) -> bool:
        return not self.managers


@dataclass
class MemberBoard:
    leadership: list[CommitteeMember]
    rows: list[BoardRow]

    @property
    def missing(self) -> list[BoardRow]:
        return [r for r in self.rows if r.missing]


def member_board(user: Any, on: dt.date | None = None) -> MemberBoard:
    """Every entity that owes a designation (EO 13 §7(3)), who sits for it, and its open designation duty."""
    policy.require_entry(user)
    on = on or today()
    members = list(active_members(on))
    rows = {a.pk: BoardRow(a) for a in Agency.objects.filter(active=True).order_by("code") if owes_designation(a)}
    for m in members:
        row = rows.get(m.agency_id)
        if row is None:
            continue
        if m.role == MemberRole.SENIOR_OPERATIONS_MANAGER:
            row.managers.append(m)
        elif m.role == MemberRole.ALTERNATE:
            row.alternates.append(m)
    duties = Obligation.objects.filter(key__in=(DESIGNATION_KEY, REDESIGNATION_KEY), status__in=OPEN_STATUSES)
    for d in duties.order_by("due"):
        if d.agency_id in rows and rows[d.agency_id].duty is None:
            rows[d.agency_id].duty = d
    visible = list(rows.values())
    if not policy.sees_all(user) and not has_role(user, {Role.COMMITTEE}):
        mine = agency_ids(user, policy.ANSWER_ROLES)
        visible = [r for r in visible if r.agency.pk in mine]
    leadership = [m for m in members if m.role in LEADERSHIP_ROLES]
    leadership.sort(key=lambda m: list(MemberRole.values).index(m.role))
    return MemberBoard(leadership=leadership, rows=visible)


def crisis_list(user: Any) -> QuerySet[Crisis]:
    policy.require_crises(user)
    return Crisis.objects.all()


def crisis_get(user: Any, pk: int) -> Crisis:
    crisis = crisis_list(user).filter(pk=pk).first()
    if crisis is None:
        raise NotFound("No such crisis.")
    return crisis


def timeline(crisis: Crisis, *, after: int = 0, limit: int = 200) -> list[TimelineEntry]:
    qs = crisis.timeline.all()
    if after:
        qs = qs.filter(id__gt=after)
    return list(qs[:limit])


def tasks(user: Any, *, crisis: Crisis | None = None) -> QuerySet[CrisisTask]:
    policy.require_entry(user)
    qs = CrisisTask.objects.select_related("agency", "crisis", "risk")
    if crisis is not None:
        qs = qs.filter(crisis=crisis)
    return policy.scoped(user, qs)


def task_get(user: Any, pk: int) -> CrisisTask:
    task = tasks(user).filter(pk=pk).first()
    if task is None:
        raise NotFound("No such action, or you may not see it.")
    return task


def resource_requests(user: Any, *, crisis: Crisis | None = None) -> QuerySet[ResourceRequest]:
    """§8(2) requests the user may see: leadership, City Hall and auditors all; others their own office's."""
    if not has_role(user, policy.ENTRY_ROLES):
        return ResourceRequest.objects.none()
    qs = ResourceRequest.objects.select_related("agency", "crisis")
    if crisis is not None:
        qs = qs.filter(crisis=crisis)
    return policy.scoped(user, qs)


def resource_request_get(user: Any, pk: int) -> ResourceRequest:
    req = resource_requests(user).filter(pk=pk).first()
    if req is None:
        raise NotFound("No such request, or you may not see it.")
    return req


def is_overdue(record: ResourceRequest | CrisisTask, on: dt.date | None = None) -> bool:
    on = on or today()
    pending = (
        record.answer == ResourceAnswer.PENDING
        if isinstance(record, ResourceRequest)
        else record.status == TaskStatus.OPEN
    )
    return pending and record.due < on


def guidance(user: Any, crisis: Crisis) -> list[Guidance]:
    policy.require_crises(user)
    return list(crisis.guidance.prefetch_related("deliveries__agency"))


def deliveries_for(user: Any) -> QuerySet[GuidanceDelivery]:
    policy.require_entry(user)
    return policy.scoped(user, GuidanceDelivery.objects.select_related("guidance", "agency", "guidance__crisis"))


def risks(user: Any) -> QuerySet[Risk]:
    policy.require_crises(user)
    return Risk.objects.prefetch_related("agencies", "mitigations__agency")


def heat_map(user: Any) -> list[list[int]]:
    """Open risks counted by likelihood (rows, 5 at the top) and impact (columns, 1 on the left)."""
    grid = [[0] * 5 for _ in range(5)]
    for likelihood, impact in risks(user).filter(closed=False).values_list("likelihood", "impact"):
        grid[5 - likelihood][impact - 1] += 1
    return grid


def contacts(user: Any) -> QuerySet[OutsideContact]:
    policy.require_crises(user)
    return OutsideContact.objects.select_related("crisis")


def mayor_reports(user: Any) -> QuerySet[MayorReport]:
    policy.require_crises(user)
    return MayorReport.objects.select_related("crisis", "obligation")


def mayor_report_get(user: Any, pk: int) -> MayorReport:
    report = mayor_reports(user).filter(pk=pk).first()
    if report is None:
        raise NotFound("No such report.")
    return report


@dataclass
class Picture:
    by_agency: list[tuple[str, int | None]]
    by_borough: list[tuple[str, int | None]]
    by_outcome: list[tuple[str, int | None]]
    total: int | None
    suppressed: bool


def encounter_picture(user: Any, crisis: Crisis) -> Picture:
    """Counts of encounter records in the crisis's period by agency, borough and outcome. Outside the Committee
    and City Hall, counts of 1 to 4 show as None ("fewer than 5")."""
    policy.require_crises(user)
    end = crisis.ends_on or today()
    rows = list(
        Encounter.objects.filter(occurred_at__date__gte=crisis.starts_on, occurred_at__date__lte=end).values_list(
            "agency__code", "property__borough", "city_response"
        )
    )
    show_small = policy.sees_small_counts(user)

    def shown(n: int) -> int | None:
        return n if show_small or n == 0 or n >= SUPPRESS_BELOW else None

    agencies = Counter(r[0] for r in rows)
    boroughs = Counter(BOROUGH_NAMES.get(r[1] or 0, "Not recorded") for r in rows)
    outcomes = Counter(dict(CityResponse.choices).get(r[2], r[2]) for r in rows)
    borough_order = [*BOROUGH_NAMES.values(), "Not recorded"]
    return Picture(
        by_agency=[(k, shown(v)) for k, v in sorted(agencies.items())],
        by_borough=[(b, shown(boroughs.get(b, 0))) for b in borough_order],
        by_outcome=[(k, shown(v)) for k, v in sorted(outcomes.items())],
        total=shown(len(rows)),
        suppressed=not show_small,
    )
