"""API of the Committee's tracked records: actions and data requests (EO 13 §7(1)), resource requests (§8(2)),
risks (§7(1)(b), (c)), contacts with outside officials (§7(4)) and reports to the Mayor (§7(1)(f))."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


class CommitteeReportIn(Schema):
    crisis: int
    directed_on: dt.date
    due: dt.date


class CommitteeReportPatch(Schema):
    version: int
    summary: Note = ""
    recommendations: Note = ""


def _task(t: CrisisTask) -> dict[str, Any]:
    return {
        "id": t.pk,
        "crisis": t.crisis_id,
        "risk": t.risk_id,
        "kind": t.kind,
        "agency": t.agency.code,
        "description": t.description,
        "due": t.due,
        "status": t.status,
        "overdue": selectors.is_overdue(t),
        "answer": t.answer,
        "answer_number": float(t.answer_number) if t.answer_number is not None else None,
        "obligation": t.obligation_id,
    }


def _request(r: ResourceRequest) -> dict[str, Any]:
    fields = ("id", "kind", "description", "due", "coordination", "answer", "answer_note")
    return {f: getattr(r, f) for f in fields} | {
        "crisis": r.crisis_id,
        "agency": r.agency.code,
        "overdue": selectors.is_overdue(r),
        "obligation": r.obligation_id,
    }


def _risk(r: Risk) -> dict[str, Any]:
    fields = ("id", "title", "description", "likelihood", "impact", "owner", "review_on", "closed")
    return {f: getattr(r, f) for f in fields} | {"agencies": [a.code for a in r.agencies.all()]}


def _report(r: MayorReport) -> dict[str, Any]:
    fields = ("id", "directed_on", "due", "summary", "recommendations", "status", "version")
    return {f: getattr(r, f) for f in fields} | {"crisis": r.crisis_id}


def _crisis_or_none(request: HttpRequest, pk: int | None) -> Any:
    return selectors.crisis_get(request.user, pk) if pk is not None else None


@router.get("/committee/tasks", response=list[CommitteeTaskOut])
def tasks_list(request: HttpRequest, crisis: int | None = None) -> list[dict[str, Any]]:
    return [_task(t) for t in selectors.tasks(request.user, crisis=_crisis_or_none(request, crisis))]


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
    return Status(201, _task(t))


@router.post("/committee/tasks/{pk}/answer", response=CommitteeTaskOut)
def tasks_answer(
    request: HttpRequest,
    pk: int,
    answer: Form[str],
    number: Form[str] = "",
    file: File[UploadedFile] | None = None,
) -> dict[str, Any]:
    """Answer with a note, and a number or a file where asked (multipart form). Aggregates only."""
    t = selectors.task_get(request.user, pk)
    return _task(task_answer(actor=request.user, task=t, answer=answer, number=number or None, file=file))


@router.get("/committee/resource-requests", response=list[CommitteeRequestOut])
def requests_list(request: HttpRequest, crisis: int | None = None) -> list[dict[str, Any]]:
    """§8(2) requests the caller may see: the Committee all, an agency lead only their agency's."""
    if crisis is not None:
        return [_request(r) for r in selectors.resource_requests(request.user, crisis=_crisis_or_none(request, crisis))]
    return [_request(r) for r in selectors.resource_requests(request.user)]


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
    return Status(201, _request(r))


@router.post("/committee/resource-requests/{pk}/answer", response=CommitteeRequestOut)
def requests_answer(request: HttpRequest, pk: int, payload: CommitteeAnswerIn) -> dict[str, Any]:
    r = selectors.resource_request_get(request.user, pk)
    return _request(resource_request_answer(actor=request.user, request=r, answer=payload.answer, note=payload.note))


@router.get("/committee/risks", response=list[CommitteeRiskOut])
def risks_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_risk(r) for r in selectors.risks(request.user)]


@router.post("/committee/risks", response={201: CommitteeRiskOut})
def risks_create(request: HttpRequest, payload: CommitteeRiskIn) -> Any:
    data = payload.dict()
    return Status(201, _risk(risk_record(actor=request.user, agency_codes=data.pop("agencies"), **data)))


@router.get("/committee/risks/heat-map")
def risks_heat_map(request: HttpRequest) -> dict[str, Any]:
    """Open risks by likelihood (rows from 5 down to 1) and impact (columns 1 to 5)."""
    return {
        "likelihood_rows": [5, 4, 3, 2, 1],
        "impact_columns": [1, 2, 3, 4, 5],
        "counts": selectors.heat_map(request.user),
    }


@router.get("/committee/contacts", response=list[CommitteeContactOut])
def contacts_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_contact(c) for c in selectors.contacts(request.user)]


def _contact(c: OutsideContact) -> dict[str, Any]:
    fields = ("id", "level", "office", "official_role", "on", "about", "outcome", "follow_up")
    return {f: getattr(c, f) for f in fields} | {"crisis": c.crisis_id}


@router.post("/committee/contacts", response={201: CommitteeContactOut})
def contacts_create(request: HttpRequest, payload: CommitteeContactIn) -> Any:
    data = payload.dict()
    crisis = _crisis_or_none(request, data.pop("crisis"))
    return Status(201, _contact(contact_log(actor=request.user, crisis=crisis, **data)))


@router.get("/committee/reports", response=list[CommitteeReportOut])
def reports_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_report(r) for r in selectors.mayor_reports(request.user)]


@router.post("/committee/reports", response={201: CommitteeReportOut})
def reports_create(request: HttpRequest, payload: CommitteeReportIn) -> Any:
    crisis = selectors.crisis_get(request.user, payload.crisis)
    r = mayor_report_direct(actor=request.user, crisis=crisis, directed_on=payload.directed_on, due=payload.due)
    return Status(201, _report(r))


@router.patch("/committee/reports/{pk}", response=CommitteeReportOut)
def reports_patch(request: HttpRequest, pk: int, payload: CommitteeReportPatch) -> dict[str, Any]:
    r = selectors.mayor_report_get(request.user, pk)
    return _report(
        mayor_report_edit(
            actor=request.user,
            report=r,
            expected_version=payload.version,
            summary=payload.summary,
            recommendations=payload.recommendations,
        )
    )


@router.post("/committee/reports/{pk}/approve", response=CommitteeReportOut)
def reports_approve(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _report(mayor_report_approve(actor=request.user, report=selectors.mayor_report_get(request.user, pk)))
