"""API routes of the obligations app: the catalogue, what an event makes due, each office's duties, evidence,
submission and review, events, calendar links and the §2 audit report (INTERFACES §3, §5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.api_limits import Body, Label, Note
from eo13.deadlines import duties_due
from eo13.errors import NotFound, ValidationFailed
from eo13.law.deadlines import Convention, check_event_date
from eo13.law.obligations import CATALOGUE, RESPONSIBLE_TEXT, CatalogueError
from eo13.obligations import selectors
from eo13.obligations.auditreports import audit_report_get, audit_report_save
from eo13.obligations.calendars import calendar_feed_create, calendar_feed_revoke
from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import CalendarFeed, Evidence, Obligation
from eo13.obligations.services import (
    obligation_accept,
    obligation_event_record,
    obligation_return,
    obligation_submit,
    registry_offices,
)
from eo13.strict_dates import StrictDate

router = Router(tags=["obligations"])


class CatalogueOut(Schema):
    key: str
    section: str
    title: str
    summary: str
    responsible: str
    rules: list[str]
    stated: dt.date | None
    binding: bool
    evidence: str


class DueOut(Schema):
    obligation: str
    section: str
    responsible: str
    concerns: str | None
    due: dt.date | None
    summary: str
    non_business_day: str | None


class EvidenceOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    effective_date: dt.date
    uploaded_at: dt.datetime


class ObligationOut(Schema):
    id: int
    key: str
    section: str
    title: str
    agency: str
    concerns: str | None
    subject: str
    period: int
    due: dt.date | None
    stated_due: dt.date | None
    binding: bool
    status: str
    state: str
    version: int

    # Read from the record itself, so a paginated list is sliced in the database (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: Obligation) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_concerns(obj: Obligation) -> str | None:
        concerns: Agency | None = obj.concerns
        return concerns.code if concerns else None

    @staticmethod
    def resolve_state(obj: Obligation) -> str:
        return selectors.due_state(obj)


class EventIn(Schema):
    event: Label
    on: StrictDate
    agency: Label | None = None
    subject: Note = ""


class SubmitIn(Schema):
    version: int
    note: Note


class AcceptIn(Schema):
    version: int
    note: Note = ""


class ReturnIn(Schema):
    version: int
    comments: Note


class FeedIn(Schema):
    agency: Label
    name: Label


class FeedOut(Schema):
    id: int
    agency: str
    name: str
    url: str | None = None  # only in the answer that made it


class AuditReportIO(Schema):
    version: int
    findings: Body = ""
    policy_changes: Body = ""
    compliance_steps: Body = ""
    training: Body = ""


def _agency(code: str | None) -> Agency | None:
    if not code:
        return None
    return agency_by_code(code)


def _path_agency(code: str) -> Agency:
    """The agency a path names. An unknown code answers as another agency's report does (404), so the answer
    never tells which offices exist apart from which one may be read."""
    try:
        return agency_by_code(code)
    except NotFound:
        raise NotFound("No such report, or you may not see it.") from None


@router.get("/obligation-catalogue", response=list[CatalogueOut], summary="Every duty of the order, as data")
def catalogue(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "key": s.key,
            "section": s.section,
            "title": s.title,
            "summary": s.summary,
            "responsible": RESPONSIBLE_TEXT[s.responsible],
            "rules": list(s.rules),
            "stated": s.stated,
            "binding": s.binding,
            "evidence": s.evidence,
        }
        for s in CATALOGUE
    ]


@router.get("/obligations/due", response=list[DueOut], summary="What an event makes due (as `eo13 due`)")
def due(
    request: HttpRequest, event: str, date: StrictDate, agency: str | None = None, convention: str | None = None
) -> list[dict[str, Any]]:
    try:
        # No convention given: the City's own (EO13_DEADLINE_CONVENTION), as `eo13 due` and the workspace use.
        conv = Convention(convention) if convention is not None else None
    except ValueError:
        raise ValidationFailed("convention is calendar or gcl-25a.", field="convention") from None
    if problem := check_event_date(event, date):
        raise ValidationFailed(problem, field="date")
    if agency is not None and not agency.strip():
        raise ValidationFailed("agency is empty; give an agency code such as ACS (INTERFACES §4).", field="agency")
    try:
        duties = duties_due(event, date, registry_offices(), agency=agency.upper() if agency else None, counting=conv)
    except CatalogueError as exc:
        field = exc.field or ("event" if "event" in str(exc) else "agency")
        raise ValidationFailed(str(exc), field=field) from None
    return [
        {
            "obligation": d.key,
            "section": d.spec.section,
            "responsible": d.responsible,
            "concerns": d.concerns,
            "due": d.due,
            "summary": d.spec.summary,
            "non_business_day": d.non_business_day,
        }
        for d in duties
    ]


@router.get("/obligations", response=list[ObligationOut], summary="Duties the caller may see")
@paginate
def obligations(
    request: HttpRequest,
    agency: str | None = None,
    status: str | None = None,
    key: str | None = None,
    state: str | None = None,
) -> QuerySet[Obligation]:
    return selectors.obligation_list(request.user, agency=agency, status=status, key=key, state=state)


@router.get("/obligations/{pk}", response=ObligationOut, summary="One duty")
def obligation(request: HttpRequest, pk: int) -> Obligation:
    return selectors.obligation_get(request.user, pk)


@router.post("/obligation-events", response={201: list[ObligationOut]}, summary="Record an event")
def record_event(request: HttpRequest, payload: EventIn) -> Status[Any]:
    made = obligation_event_record(
        actor=request.user,
        event=payload.event,
        on=payload.on,
        agency=_agency(payload.agency),
        subject=payload.subject,
    )
    return Status(201, made)


@router.get("/obligations/{pk}/evidence", response=list[EvidenceOut], summary="A duty's evidence files")
def evidence_list(request: HttpRequest, pk: int) -> list[Evidence]:
    return list(selectors.obligation_get(request.user, pk).evidence.all())


@router.post("/obligations/{pk}/evidence", response={201: EvidenceOut}, summary="Upload evidence (multipart)")
def evidence_upload(
    request: HttpRequest, pk: int, effective_date: Form[StrictDate], file: File[UploadedFile]
) -> Status[Any]:
    o = selectors.obligation_get(request.user, pk)
    ev = evidence_add(
        actor=request.user, obligation=o, name=file.name or "", data=file.read(), effective_date=effective_date
    )
    return Status(201, ev)


@router.get("/obligations/{pk}/evidence/{eid}/file", summary="Download one evidence file")
def evidence_file(request: HttpRequest, pk: int, eid: int) -> FileResponse:
    ev = selectors.evidence_get(request.user, pk, eid)
    response = FileResponse(ev.file.open("rb"), as_attachment=True, filename=ev.original_name)
    response["Content-Type"] = ev.content_type
    return response


@router.post("/obligations/{pk}/submit", response=ObligationOut, summary="Send a duty for review")
def submit(request: HttpRequest, pk: int, payload: SubmitIn) -> Obligation:
    o = selectors.obligation_get(request.user, pk)
    return obligation_submit(actor=request.user, obligation=o, expected_version=payload.version, note=payload.note)


@router.post("/obligations/{pk}/accept", response=ObligationOut, summary="Accept a submission (City Hall)")
def accept(request: HttpRequest, pk: int, payload: AcceptIn) -> Obligation:
    o = selectors.obligation_get(request.user, pk)
    return obligation_accept(actor=request.user, obligation=o, expected_version=payload.version, note=payload.note)


@router.post("/obligations/{pk}/return", response=ObligationOut, summary="Return a submission with comments")
def return_(request: HttpRequest, pk: int, payload: ReturnIn) -> Obligation:
    o = selectors.obligation_get(request.user, pk)
    return obligation_return(
        actor=request.user, obligation=o, expected_version=payload.version, comments=payload.comments
    )


@router.post("/calendar-feeds", response={201: FeedOut}, summary="Make a secret calendar link for an office")
def feed_create(request: HttpRequest, payload: FeedIn) -> Status[Any]:
    agency = _agency(payload.agency)
    if agency is None:
        raise ValidationFailed("Name the office the calendar link is for.", field="agency")
    feed, raw = calendar_feed_create(actor=request.user, agency=agency, name=payload.name)
    url = request.build_absolute_uri(f"/staff/obligations/calendar/{raw}.ics")
    return Status(201, {"id": feed.pk, "agency": agency.code, "name": feed.name, "url": url})


@router.delete("/calendar-feeds/{feed_id}", response={204: None}, summary="Turn a calendar link off")
def feed_revoke(request: HttpRequest, feed_id: int) -> Status[Any]:
    feed = CalendarFeed.objects.select_related("agency").filter(pk=feed_id).first()
    if feed is None:
        raise NotFound("No such calendar link.")
    calendar_feed_revoke(actor=request.user, feed=feed)
    return Status(204, None)


@router.get("/audit-reports/{code}", response=AuditReportIO, summary="An agency's §2 audit report")
def audit_report(request: HttpRequest, code: str) -> Any:
    agency = _path_agency(code)
    return audit_report_get(request.user, agency)


@router.put("/audit-reports/{code}", response=AuditReportIO, summary="Save an agency's §2 audit report")
def audit_report_put(request: HttpRequest, code: str, payload: AuditReportIO) -> Any:
    agency = _path_agency(code)
    data = payload.dict()
    version = data.pop("version")
    return audit_report_save(actor=request.user, agency=agency, expected_version=version, **data)
