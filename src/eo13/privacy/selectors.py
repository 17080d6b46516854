"""Reads of the privacy app. Every query starts from the rows the user may see (accounts.policy)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet, Subquery

from eo13 import clock
from eo13.accounts.policy import agency_ids, has_role, require_role
from eo13.agencies.models import Agency, AgencyKind
from eo13.agencies.selectors import agency_by_code
from eo13.errors import NotFound
from eo13.privacy import duties
from eo13.privacy.common import PROTOCOL_READERS, TRAINING_READERS, register_policy, request_policy
from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.models import (
    PrivacyOfficerDesignation,
    PrivacyOfficerVacancy,
    PrivacyProtocol,
    TrainingAttendance,
    TrainingKind,
    TrainingSession,
)


def designation_list(*, user: Any, agency_code: str | None = None, current_only: bool = False) -> QuerySet[Any]:
    qs = register_policy.visible(user, PrivacyOfficerDesignation.objects.select_related("agency"))
    if agency_code:
        qs = qs.filter(agency__code=agency_code.upper())
    if current_only:
        qs = qs.filter(ended_on__isnull=True)
    return qs


def designation_get(*, user: Any, pk: int) -> PrivacyOfficerDesignation:
    obj: PrivacyOfficerDesignation | None = designation_list(user=user).filter(pk=pk).first()
    if obj is None:
        raise NotFound("No such privacy officer record.")
    return obj


def vacancy_list(*, user: Any, open_only: bool = False) -> QuerySet[Any]:
    qs = register_policy.visible(user, PrivacyOfficerVacancy.objects.select_related("agency", "previous"))
    return qs.filter(filled_by__isnull=True) if open_only else qs


def register_agencies(*, user: Any) -> QuerySet[Agency]:
    """Agencies on the register the user may see. Divisions share their parent's privacy officer."""
    qs = Agency.objects.filter(active=True).exclude(kind=AgencyKind.DIVISION)
    if has_role(user, register_policy.read_all | register_policy.write_all):
        return qs
    return qs.filter(pk__in=agency_ids(user, register_policy.read_own | register_policy.write_own))


@dataclass
class RegisterRow:
    """One agency's line on the CPO's register (EO 13 §6, §6(1), §6(2))."""

    agency: Agency
    officer: PrivacyOfficerDesignation | None
    vacancy: PrivacyOfficerVacancy | None
    designation_due: date | None = None
    trained_on: date | None = None
    training_due: date | None = None
    acknowledged_current_protocol: bool = False
    flags: list[str] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        return self.officer is None

    @property
    def overdue(self) -> bool:
        return "designation_overdue" in self.flags or "training_overdue" in self.flags

    @property
    def untrained(self) -> bool:
        return self.officer is not None and self.trained_on is None


FLAG_TEXT = {
    "missing": "No privacy officer",
    "designation_overdue": "Privacy officer overdue (EO 13 §6)",
    "untrained": "Not yet trained (EO 13 §6(1))",
    "training_overdue": "Training overdue (EO 13 §6(1))",
    "protocol_not_acknowledged": "Current protocol not acknowledged (EO 13 §6(2))",
}


def register_status(*, user: Any, today: date | None = None, only: str = "") -> list[RegisterRow]:
    """Who is missing, who is overdue, who is untrained, per agency."""
    today = today or clock.today()
    agencies = list(register_agencies(user=user).order_by("code"))
    ids = [a.pk for a in agencies]
    current = {
        d.agency_id: d
        for d in PrivacyOfficerDesignation.objects.filter(agency_id__in=ids, ended_on__isnull=True).prefetch_related(
            Prefetch(
                "training_attendance",
                queryset=TrainingAttendance.objects.filter(
                    session__kind=TrainingKind.IDENTIFYING_INFORMATION_LAW
                ).select_related("session"),
            ),
            "acknowledgements",
        )
    }
    vacancies = {
        v.agency_id: v for v in PrivacyOfficerVacancy.objects.filter(agency_id__in=ids, filled_by__isnull=True)
    }
    latest = PrivacyProtocol.objects.order_by("-number").first()
    rows = []
    for agency in agencies:
        officer, vacancy = current.get(agency.pk), vacancies.get(agency.pk)
        row = RegisterRow(agency=agency, officer=officer, vacancy=vacancy)
        if officer is None:
            row.flags.append("missing")
            row.designation_due = (
                duties.vacancy_due(vacancy.vacated_on) if vacancy else duties.initial_designation_due()
            )
            if today > row.designation_due:
                row.flags.append("designation_overdue")
        else:
            dates = [
                a.session.held_on
                for a in officer.training_attendance.all()
                if a.session.held_on >= officer.designated_on
            ]
            row.trained_on = min(dates) if dates else None
            row.training_due = duties.training_due(officer.designated_on)
            if row.trained_on is None:
                row.flags.append("untrained")
                if today > row.training_due:
                    row.flags.append("training_overdue")
            row.acknowledged_current_protocol = latest is not None and any(
                a.protocol_id == latest.pk for a in officer.acknowledgements.all()
            )
            if latest is not None and not row.acknowledged_current_protocol:
                row.flags.append("protocol_not_acknowledged")
        rows.append(row)
    if only == "missing":
        rows = [r for r in rows if r.missing]
    elif only == "overdue":
        rows = [r for r in rows if r.overdue]
    elif only == "untrained":
        rows = [r for r in rows if r.untrained]
    return rows


def agency_for_register(*, user: Any, code: str) -> Agency:
    agency = register_agencies(user=user).filter(pk=agency_by_code(code).pk).first()
    if agency is None:
        raise NotFound("No such agency on your register.")
    return agency


def training_session_list(*, user: Any) -> QuerySet[TrainingSession]:
    require_role(user, TRAINING_READERS)
    return TrainingSession.objects.select_related("protocol").prefetch_related("attendance__designation__agency")


def training_session_get(*, user: Any, pk: int) -> TrainingSession:
    obj = training_session_list(user=user).filter(pk=pk).first()
    if obj is None:
        raise NotFound("No such training session.")
    return obj


def protocol_list(*, user: Any) -> QuerySet[PrivacyProtocol]:
    """Newest first; ``is_current`` marks the newest version, worked out in the same query."""
    require_role(user, PROTOCOL_READERS)
    newest = PrivacyProtocol.objects.order_by("-number").values("pk")[:1]
    return PrivacyProtocol.objects.annotate(
        is_current=ExpressionWrapper(Q(pk=Subquery(newest)), output_field=BooleanField())
    )


def protocol_get(*, user: Any, pk: int) -> PrivacyProtocol:
    obj = protocol_list(user=user).filter(pk=pk).first()
    if obj is None:
        raise NotFound("No such protocol version.")
    return obj


def request_list(
    *,
    user: Any,
    agency_code: str | None = None,
    status: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[Request]:
    qs = request_policy.visible(user, Request.objects.select_related("agency", "assigned_officer"))
    if agency_code:
        qs = qs.filter(agency__code=agency_code.upper())
    if start:
        qs = qs.filter(received_on__gte=start)
    if end:
        qs = qs.filter(received_on__lte=end)
    if status == "open":
        qs = qs.filter(decision="")
    elif status == "decided":
        qs = qs.exclude(decision="")
    return qs


def request_get(*, user: Any, pk: int) -> Request:
    obj = request_list(user=user).filter(pk=pk).first()
    if obj is None:
        raise NotFound("No such request.")
    return obj


def requests_due(*, user: Any, today: date | None = None) -> list[Request]:
    """Open requests with a response date, soonest first: the deadlines for the privacy board."""
    qs = request_list(user=user, status="open").filter(respond_by__isnull=False).order_by("respond_by")
    return list(qs[:50])
