"""API of the Committee's tracked records: actions and data requests (EO 13 §7(1)), resource requests (§8(2)),
risks (§7(1)(b), (c)), contacts with outside officials (§7(4)) and reports to the Mayor (§7(1)(f))."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from eo13.api_limits import Label, Note
from eo13.committee import selectors
from eo13.committee.models import CrisisTask, MayorReport, OutsideContact, ResourceRequest, Risk
from eo13.committee.services.crises import task_answer, task_assign
from eo13.committee.services.requests import (
    contact_log,
    mayor_report_approve,
    mayor_report_direct,
    mayor_report_edit,
    resource_request_answer,
    resource_request_make,
    risk_record,
)
from eo13.errors import NotFound

router = Router(tags=["committee"])


class CommitteeTaskOut(Schema):
    id: int
    crisis: int | None
    risk: int | None
    kind: str
    agency: str
    description: str
    due: dt.date
    status: str
    overdue: bool
    answer: str
    answer_number: float | None
    obligation: int | None

    # Each answer's shape is read from the record by its schema, one way for lists and single answers
    # (issue 11 point 5). Linked records answer by their id.
    @staticmethod
    def resolve_crisis(obj: CrisisTask) -> int | None:
        return obj.crisis_id

    @staticmethod
    def resolve_risk(obj: CrisisTask) -> int | None:
        return obj.risk_id

    @staticmethod
    def resolve_agency(obj: CrisisTask) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_overdue(obj: CrisisTask) -> bool:
        return selectors.is_overdue(obj)

    @staticmethod
    def resolve_answer_number(obj: CrisisTask) -> float | None:
        return float(obj.answer_number) if obj.answer_number is not None else None

    @staticmethod
    def resolve_obligation(obj: CrisisTask) -> int | None:
        return obj.obligation_id


class CommitteeTaskIn(Schema):
    crisis: int | None = None
    risk: int | None = None
    kind: Label = "action"
    agency: Label
    description: Note
    due: dt.date


class CommitteeRequestOut(Schema):
    id: int
    crisis: int | None
    agency: str
    kind: str
    description: str
    due: dt.date
    coordination: bool
    answer: str
    answer_note: str
    overdue: bool
    obligation: int | None

    @staticmethod
    def resolve_crisis(obj: ResourceRequest) -> int | None:
        return obj.crisis_id

    @staticmethod
    def resolve_agency(obj: ResourceRequest) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_overdue(obj: ResourceRequest) -> bool:
        return selectors.is_overdue(obj)

    @staticmethod
    def resolve_obligation(obj: ResourceRequest) -> int | None:
        return obj.obligation_id


class CommitteeRequestIn(Schema):
    crisis: int | None = None
    agency: Label
    kind: Label
    description: Note
    due: dt.date


class CommitteeAnswerIn(Schema):
    answer: Label
    note: Note = ""


class CommitteeRiskOut(Schema):
    id: int
    title: str
    description: str
    likelihood: int
    impact: int
    owner: str
    review_on: dt.date
    closed: bool
    agencies: list[str]

    @staticmethod
    def resolve_agencies(obj: Risk) -> list[str]:
        return [a.code for a in obj.agencies.all()]


class CommitteeRiskIn(Schema):
    title: Label
    description: Note
    likelihood: int
    impact: int
    owner: Label
    review_on: dt.date
    agencies: list[Label] = []


class CommitteeContactOut(Schema):
    id: int
    crisis: int | None
    level: str
    office: str
    official_role: str
    on: dt.date
    about: str
    outcome: str
    follow_up: str

    @staticmethod
    def resolve_crisis(obj: OutsideContact) -> int | None:
        return obj.crisis_id


class CommitteeContactIn(Schema):
    crisis: int | None = None
    level: Label
    office: Label
    official_role: Label
    on: dt.date
    about: Note
    outcome: Note = ""
    follow_up: Note = ""


class CommitteeReportOut(Schema):
    id: int
    crisis: int
    directed_on: dt.date
    due: dt.date
    summary: str
    recommendations: str
    status: str
    version: int

    @staticmethod
    def resolve_crisis(obj: MayorReport) -> int:
        return obj.crisis_id


class CommitteeReportIn(Schema):
    crisis: int
    directed_on: dt.date
    due: dt.date


class CommitteeReportPatch(Schema):
    version: int
    summary: Note = ""
    recommendations: Note = ""


def _crisis_or_none(request: HttpRequest, pk: int | None) -> Any:
    return selectors.crisis_get(request.user, pk) if pk is not None else None


@router.get("/committee/tasks", response=list[CommitteeTaskOut])
def tasks_list(request: HttpRequest, crisis: int | None = None) -> QuerySet[CrisisTask]:
    return selectors.tasks(request.user, crisis=_crisis_or_none(request, crisis))


@router.post("/committee/tasks", response={201: CommitteeTaskOut})
def tasks_create(request: HttpRequest, payload: CommitteeTaskIn) -> Any:
    risk = None
    if payload.risk is not None:
        risk = selectors.risks(request.user).filter(pk=payload.risk).first()
        if risk is None:
            raise NotFound("No such risk.")
    t = task_assign(
        actor=request.user,
        agency_code=payload.agency,
        description=payload.description,
        due=payload.due,
        crisis=_crisis_or_none(request, payload.crisis),
        risk=risk,
        kind=payload.kind,
    )
    return Status(201, t)


@router.post("/committee/tasks/{pk}/answer", response=CommitteeTaskOut)
def tasks_answer(
    request: HttpRequest,
    pk: int,
    answer: Form[str],
    number: Form[str] = "",
    file: File[UploadedFile] | None = None,
) -> CrisisTask:
    """Answer with a note, and a number or a file where asked (multipart form). Aggregates only."""
    t = selectors.task_get(request.user, pk)
    return task_answer(actor=request.user, task=t, answer=answer, number=number or None, file=file)


@router.get("/committee/resource-requests", response=list[CommitteeRequestOut])
def requests_list(request: HttpRequest, crisis: int | None = None) -> QuerySet[ResourceRequest]:
    """§8(2) requests the caller may see: the Committee all, an agency lead only their agency's."""
    if crisis is not None:
        return selectors.resource_requests(request.user, crisis=_crisis_or_none(request, crisis))
    return selectors.resource_requests(request.user)


@router.post("/committee/resource-requests", response={201: CommitteeRequestOut})
def requests_create(request: HttpRequest, payload: CommitteeRequestIn) -> Any:
    r = resource_request_make(
        actor=request.user,
        agency_code=payload.agency,
        kind=payload.kind,
        description=payload.description,
        due=payload.due,
        crisis=_crisis_or_none(request, payload.crisis),
    )
    return Status(201, r)


@router.post("/committee/resource-requests/{pk}/answer", response=CommitteeRequestOut)
def requests_answer(request: HttpRequest, pk: int, payload: CommitteeAnswerIn) -> ResourceRequest:
    r = selectors.resource_request_get(request.user, pk)
    return resource_request_answer(actor=request.user, request=r, answer=payload.answer, note=payload.note)


@router.get("/committee/risks", response=list[CommitteeRiskOut])
def risks_list(request: HttpRequest) -> QuerySet[Risk]:
    return selectors.risks(request.user)


@router.post("/committee/risks", response={201: CommitteeRiskOut})
def risks_create(request: HttpRequest, payload: CommitteeRiskIn) -> Any:
    data = payload.dict()
    return Status(201, risk_record(actor=request.user, agency_codes=data.pop("agencies"), **data))


@router.get("/committee/risks/heat-map")
def risks_heat_map(request: HttpRequest) -> dict[str, Any]:
    """Open risks by likelihood (rows from 5 down to 1) and impact (columns 1 to 5)."""
    return {
        "likelihood_rows": [5, 4, 3, 2, 1],
        "impact_columns": [1, 2, 3, 4, 5],
        "counts": selectors.heat_map(request.user),
    }


@router.get("/committee/contacts", response=list[CommitteeContactOut])
def contacts_list(request: HttpRequest) -> QuerySet[OutsideContact]:
    return selectors.contacts(request.user)


@router.post("/committee/contacts", response={201: CommitteeContactOut})
def contacts_create(request: HttpRequest, payload: CommitteeContactIn) -> Any:
    data = payload.dict()
    crisis = _crisis_or_none(request, data.pop("crisis"))
    return Status(201, contact_log(actor=request.user, crisis=crisis, **data))


@router.get("/committee/reports", response=list[CommitteeReportOut])
def reports_list(request: HttpRequest) -> QuerySet[MayorReport]:
    return selectors.mayor_reports(request.user)


@router.post("/committee/reports", response={201: CommitteeReportOut})
def reports_create(request: HttpRequest, payload: CommitteeReportIn) -> Any:
    crisis = selectors.crisis_get(request.user, payload.crisis)
    r = mayor_report_direct(actor=request.user, crisis=crisis, directed_on=payload.directed_on, due=payload.due)
    return Status(201, r)


@router.patch("/committee/reports/{pk}", response=CommitteeReportOut)
def reports_patch(request: HttpRequest, pk: int, payload: CommitteeReportPatch) -> MayorReport:
    r = selectors.mayor_report_get(request.user, pk)
    return mayor_report_edit(
        actor=request.user,
        report=r,
        expected_version=payload.version,
        summary=payload.summary,
        recommendations=payload.recommendations,
    )


@router.post("/committee/reports/{pk}/approve", response=CommitteeReportOut)
def reports_approve(request: HttpRequest, pk: int) -> MayorReport:
    return mayor_report_approve(actor=request.user, report=selectors.mayor_report_get(request.user, pk))
