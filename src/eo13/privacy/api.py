"""API of the privacy app (EO 13 §6): the register of privacy officers, CPO training, protocols, requests for
identifying information and reports. Every write the web makes is here too."""

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from eo13.agencies.models import Agency
from eo13.errors import NotFound
from eo13.law import identifying_information as ii
from eo13.privacy import selectors, services
from eo13.privacy.reports import report_export, request_report

router = Router(tags=["privacy"])

if TYPE_CHECKING:
    type CategoryKey = str
    type InstrumentKey = str
    type DecisionKey = str
else:
    # The law's own lists, so the OpenAPI document names every allowed value.
    CategoryKey = Literal[tuple(ii.CATEGORY_KEYS)]
    InstrumentKey = Literal[tuple(r.instrument.value for r in ii.INSTRUMENTS)]
    DecisionKey = Literal[tuple(ii.DECISION_LABELS)]
TrainingKindKey = Literal["identifying_information_law", "additional_privacy_laws"]
Email = Annotated[str, Field(max_length=254, json_schema_extra={"format": "email"})]
Phone = Annotated[str, Field(max_length=40, pattern=r"^\+?[0-9][0-9 ().-]{6,22}[0-9](\s*(x|ext\.?)\s*\d{1,6})?$")]


# ---- register (EO 13 §6) ----
class DesignationIn(Schema):
    agency: str = Field(description="Agency code, e.g. ACS")
    full_name: str = Field(max_length=200)
    title: str = Field(max_length=200)
    email: Email
    phone: Phone
    designated_on: date


class ContactIn(Schema):
    full_name: str = Field(max_length=200)
    title: str = Field(max_length=200)
    email: Email
    phone: Phone
    version: int


class DesignationOut(Schema):
    id: int
    agency: str
    full_name: str
    title: str
    email: str
    phone: str
    designated_on: date
    ended_on: date | None
    version: int


class VacancyIn(Schema):
    agency: str
    vacated_on: date
    note: str = Field("", max_length=2000)


class VacancyOut(Schema):
    id: int
    agency: str
    vacated_on: date
    replacement_due: date
    filled_by_id: int | None
    note: str


class RegisterRowOut(Schema):
    agency: str
    agency_name: str
    officer: DesignationOut | None
    vacancy_since: date | None
    designation_due: date | None
    trained_on: date | None
    training_due: date | None
    acknowledged_current_protocol: bool
    flags: list[str]
    citations: list[str] = ["EO 13 §6", "EO 13 §6(1)", "EO 13 §6(2)"]


def _designation(d: Any) -> dict[str, Any]:
    return {
        "id": d.pk,
        "agency": d.agency.code,
        "full_name": d.full_name,
        "title": d.title,
        "email": d.email,
        "phone": d.phone,
        "designated_on": d.designated_on,
        "ended_on": d.ended_on,
        "version": d.version,
    }


def _vacancy(v: Any) -> dict[str, Any]:
    from eo13.privacy.duties import vacancy_due

    return {
        "id": v.pk,
        "agency": v.agency.code,
        "vacated_on": v.vacated_on,
        "replacement_due": vacancy_due(v.vacated_on),
        "filled_by_id": v.filled_by_id,
        "note": v.note,
    }


def _agency(user: Any, code: str) -> Agency:
    return selectors.agency_for_register(user=user, code=code)


@router.get("/privacy/register", response=list[RegisterRowOut], summary="Privacy-officer register by agency")
def register(request: HttpRequest, only: Literal["", "missing", "overdue", "untrained"] = "") -> list[dict[str, Any]]:
    return [
        {
            "agency": r.agency.code,
            "agency_name": r.agency.name,
            "officer": _designation(r.officer) if r.officer else None,
            "vacancy_since": r.vacancy.vacated_on if r.vacancy else None,
            "designation_due": r.designation_due,
            "trained_on": r.trained_on,
            "training_due": r.training_due,
            "acknowledged_current_protocol": r.acknowledged_current_protocol,
            "flags": r.flags,
        }
        for r in selectors.register_status(user=request.user, only=only)
    ]


@router.get("/privacy/designations", response=list[DesignationOut], summary="Privacy officers, current and past")
def designations(request: HttpRequest, agency: str | None = None, current: bool = False) -> list[dict[str, Any]]:
    return [
        _designation(d) for d in selectors.designation_list(user=request.user, agency_code=agency, current_only=current)
    ]


@router.post("/privacy/designations", response={201: DesignationOut}, summary="Name an agency's privacy officer")
def designate(request: HttpRequest, payload: DesignationIn) -> Status[Any]:
    d = services.designation_record(
        actor=request.user,
        agency=_agency(request.user, payload.agency),
        full_name=payload.full_name,
        title=payload.title,
        email=payload.email,
        phone=payload.phone,
        designated_on=payload.designated_on,
    )
    return Status(201, _designation(d))


@router.patch("/privacy/designations/{designation_id}", response=DesignationOut, summary="Correct contact details")
def update_contact(request: HttpRequest, designation_id: int, payload: ContactIn) -> dict[str, Any]:
    d = services.designation_update_contact(
        actor=request.user,
        designation=selectors.designation_get(user=request.user, pk=designation_id),
        expected_version=payload.version,
        full_name=payload.full_name,
        title=payload.title,
        email=payload.email,
        phone=payload.phone,
    )
    return _designation(d)


@router.get("/privacy/vacancies", response=list[VacancyOut], summary="Privacy-officer vacancies")
def vacancies(request: HttpRequest, open_only: bool = False) -> list[dict[str, Any]]:
    return [_vacancy(v) for v in selectors.vacancy_list(user=request.user, open_only=open_only)]


@router.post("/privacy/vacancies", response={201: VacancyOut}, summary="Record that a privacy officer left")
def vacate(request: HttpRequest, payload: VacancyIn) -> Status[Any]:
    v = services.vacancy_record(
        actor=request.user,
        agency=_agency(request.user, payload.agency),
        vacated_on=payload.vacated_on,
        note=payload.note,
    )
    return Status(201, _vacancy(v))


# ---- training (EO 13 §6(1)) ----
class SessionIn(Schema):
    kind: TrainingKindKey
    topic: str = Field(max_length=200)
    held_on: date
    protocol_id: int | None = None


class AttendeeOut(Schema):
    designation_id: int
    agency: str
    full_name: str


class SessionOut(Schema):
    id: int
    kind: str
    topic: str
    held_on: date
    protocol_number: int | None
    attendance: list[AttendeeOut]


class AttendanceIn(Schema):
    designation_id: int


def _session(s: Any) -> dict[str, Any]:
    return {
        "id": s.pk,
        "kind": s.kind,
        "topic": s.topic,
        "held_on": s.held_on,
        "protocol_number": s.protocol.number if s.protocol else None,
        "attendance": [
            {
                "designation_id": a.designation_id,
                "agency": a.designation.agency.code,
                "full_name": a.designation.full_name,
            }
            for a in s.attendance.all()
        ],
    }


@router.get("/privacy/training-sessions", response=list[SessionOut], summary="CPO training sessions")
def sessions(request: HttpRequest) -> list[dict[str, Any]]:
    return [_session(s) for s in selectors.training_session_list(user=request.user)]


@router.post("/privacy/training-sessions", response={201: SessionOut}, summary="Record a CPO training session")
def session_create(request: HttpRequest, payload: SessionIn) -> Status[Any]:
    protocol = selectors.protocol_get(user=request.user, pk=payload.protocol_id) if payload.protocol_id else None
    s = services.training_session_create(
        actor=request.user, kind=payload.kind, topic=payload.topic, held_on=payload.held_on, protocol=protocol
    )
    return Status(201, _session(s))


@router.post(
    "/privacy/training-sessions/{session_id}/attendance",
    response={201: SessionOut},
    summary="Record that a privacy officer attended",
)
def attend(request: HttpRequest, session_id: int, payload: AttendanceIn) -> Status[Any]:
    session = selectors.training_session_get(user=request.user, pk=session_id)
    designation = selectors.designation_get(user=request.user, pk=payload.designation_id)
    services.training_attendance_record(actor=request.user, session=session, designation=designation)
    return Status(201, _session(selectors.training_session_get(user=request.user, pk=session_id)))


# ---- protocols (EO 13 §6(2)) ----
class ProtocolIn(Schema):
    title: str = Field(max_length=200)
    body: str = Field(max_length=50_000)
    effective_on: date


class ProtocolOut(Schema):
    id: int
    number: int
    title: str
    body: str
    effective_on: date
    current: bool


def _protocol(p: Any, latest_id: int | None) -> dict[str, Any]:
    return {
        "id": p.pk,
        "number": p.number,
        "title": p.title,
        "body": p.body,
        "effective_on": p.effective_on,
        "current": p.pk == latest_id,
    }


@router.get("/privacy/protocols", response=list[ProtocolOut], summary="The CPO's protocols, newest first")
def protocols(request: HttpRequest) -> list[dict[str, Any]]:
    items = list(selectors.protocol_list(user=request.user))
    latest = items[0].pk if items else None
    return [_protocol(p, latest) for p in items]


@router.post("/privacy/protocols", response={201: ProtocolOut}, summary="Publish a new protocol version (CPO)")
def protocol_publish(request: HttpRequest, payload: ProtocolIn) -> Status[Any]:
    p = services.protocol_publish(
        actor=request.user, title=payload.title, body=payload.body, effective_on=payload.effective_on
    )
    return Status(201, _protocol(p, p.pk))


class AckOut(Schema):
    protocol_number: int
    agency: str
    acknowledged_at: Any


@router.post(
    "/privacy/protocols/{protocol_id}/acknowledgements",
    response={201: AckOut},
    summary="Acknowledge the current protocol (privacy officer)",
)
def protocol_ack(request: HttpRequest, protocol_id: int) -> Status[Any]:
    ack = services.protocol_acknowledge(
        actor=request.user, protocol=selectors.protocol_get(user=request.user, pk=protocol_id)
    )
    return Status(
        201,
        {
            "protocol_number": ack.protocol.number,
            "agency": ack.designation.agency.code,
            "acknowledged_at": ack.acknowledged_at,
        },
    )


# ---- requests for identifying information (EO 13 §6; Admin Code §23-1202) ----
class RequestIn(Schema):
    agency: str
    requesting_agency: str = Field(max_length=200, description="The outside agency, e.g. a federal agency's name")
    instrument: InstrumentKey
    received_on: date
    respond_by: date | None = None
    categories: list[CategoryKey] = Field(min_length=1)
    people_count: int | None = Field(None, ge=0, description="How many people the request is about; no names")
    summary: str = Field("", max_length=5000, description="What was asked, never who")
    assigned_officer_id: int | None = None


class AssignIn(Schema):
    assigned_officer_id: int
    version: int


class ReferIn(Schema):
    referred_on: date
    note: str = Field("", max_length=2000)
    version: int


class DecideIn(Schema):
    decision: DecisionKey
    reasons: str = Field(max_length=5000)
    decided_on: date
    version: int


class DiscloseIn(Schema):
    categories: list[CategoryKey] = Field(min_length=1)
    disclosed_on: date
    note: str = Field("", max_length=2000)
    version: int


class CategoryOut(Schema):
    key: str
    label: str
    flagged: bool
    citations: list[str]


class RequestOut(Schema):
    id: int
    reference: str
    agency: str
    requesting_agency: str
    instrument: str
    needs_law_department: bool
    received_on: date
    respond_by: date | None
    categories: list[CategoryOut]
    people_count: int | None
    summary: str
    assigned_officer_id: int | None
    law_department_referred_on: date | None
    law_department_note: str
    decision: str
    decision_reasons: str
    decided_on: date | None
    disclosed_categories: list[str]
    disclosed_on: date | None
    disclosure_approved_by: str | None
    disclosure_note: str
    status: str
    citations: list[str]
    version: int


def _category(key: str) -> dict[str, Any]:
    c = ii.category(key)
    return {"key": c.key, "label": c.label, "flagged": c.singled_out, "citations": list(c.citations)}


def _request(r: Any) -> dict[str, Any]:
    rule = ii.instrument_rule(r.instrument)
    return {
        "id": r.pk,
        "reference": r.reference,
        "agency": r.agency.code,
        "requesting_agency": r.requesting_agency,
        "instrument": r.instrument,
        "needs_law_department": rule.is_legal_process,
        "received_on": r.received_on,
        "respond_by": r.respond_by,
        "categories": [_category(k) for k in r.categories],
        "people_count": r.people_count,
        "summary": r.summary,
        "assigned_officer_id": r.assigned_officer_id,
        "law_department_referred_on": r.law_department_referred_on,
        "law_department_note": r.law_department_note,
        "decision": r.decision,
        "decision_reasons": r.decision_reasons,
        "decided_on": r.decided_on,
        "disclosed_categories": r.disclosed_categories,
        "disclosed_on": r.disclosed_on,
        "disclosure_approved_by": r.disclosure_approved_by.get_username() if r.disclosure_approved_by else None,
        "disclosure_note": r.disclosure_note,
        "status": r.status,
        "citations": ["EO 13 §6", *rule.citations],
        "version": r.version,
    }


@router.get("/privacy/categories", response=list[CategoryOut], summary="Kinds of identifying information")
def categories(request: HttpRequest) -> list[dict[str, Any]]:
    return [_category(k) for k in ii.CATEGORY_KEYS]


@router.get("/privacy/requests", response=list[RequestOut], summary="Requests for identifying information")
def requests(
    request: HttpRequest,
    agency: str | None = None,
    status: Literal["", "open", "decided"] = "",
    start: date | None = None,
    end: date | None = None,
) -> list[dict[str, Any]]:
    qs = selectors.request_list(user=request.user, agency_code=agency, status=status, start=start, end=end)
    return [_request(r) for r in qs.select_related("disclosure_approved_by")]


def _officer(user: Any, pk: int | None) -> Any:
    if pk is None:
        return None
    try:
        return selectors.designation_get(user=user, pk=pk)
    except NotFound:
        raise NotFound("No such privacy officer.", field="assigned_officer_id") from None


@router.post("/privacy/requests", response={201: RequestOut}, summary="Log a request for identifying information")
def request_create(request: HttpRequest, payload: RequestIn) -> Status[Any]:
    r = services.request_create(
        actor=request.user,
        agency=Agency.objects.filter(code=payload.agency.upper()).first() or _no_agency(payload.agency),
        requesting_agency=payload.requesting_agency,
        instrument=payload.instrument,
        received_on=payload.received_on,
        respond_by=payload.respond_by,
        categories=list(payload.categories),
        people_count=payload.people_count,
        summary=payload.summary,
        assigned_officer=_officer(request.user, payload.assigned_officer_id),
    )
    return Status(201, _request(r))


def _no_agency(code: str) -> Agency:
    raise NotFound(f"No agency with code {code!r}.", field="agency")


@router.get("/privacy/requests/{request_id}", response=RequestOut, summary="One request")
def request_detail(request: HttpRequest, request_id: int) -> dict[str, Any]:
    return _request(selectors.request_get(user=request.user, pk=request_id))


@router.post("/privacy/requests/{request_id}/assignment", response=RequestOut, summary="Assign a privacy officer")
def request_assign(request: HttpRequest, request_id: int, payload: AssignIn) -> dict[str, Any]:
    r = services.request_assign(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        officer=_officer(request.user, payload.assigned_officer_id),
        expected_version=payload.version,
    )
    return _request(r)


@router.post("/privacy/requests/{request_id}/referral", response=RequestOut, summary="Refer to the Law Department")
def request_refer(request: HttpRequest, request_id: int, payload: ReferIn) -> dict[str, Any]:
    r = services.request_refer(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        referred_on=payload.referred_on,
        note=payload.note,
        expected_version=payload.version,
    )
    return _request(r)


@router.post("/privacy/requests/{request_id}/decision", response=RequestOut, summary="Record the decision")
def request_decide(request: HttpRequest, request_id: int, payload: DecideIn) -> dict[str, Any]:
    r = services.request_decide(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        decision=payload.decision,
        reasons=payload.reasons,
        decided_on=payload.decided_on,
        expected_version=payload.version,
    )
    return _request(r)


@router.post("/privacy/requests/{request_id}/disclosure", response=RequestOut, summary="Record the disclosure")
def request_disclose(request: HttpRequest, request_id: int, payload: DiscloseIn) -> dict[str, Any]:
    r = services.request_disclose(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        categories=list(payload.categories),
        disclosed_on=payload.disclosed_on,
        note=payload.note,
        expected_version=payload.version,
    )
    return _request(r)


# ---- reports ----
@router.get("/privacy/reports/requests", summary="Requests by agency, instrument, category and outcome")
def report(request: HttpRequest, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    return request_report(user=request.user, start=start, end=end)


@router.get("/privacy/reports/requests.csv", summary="The same report as CSV (the export is audit-logged)")
def report_csv(request: HttpRequest, start: date | None = None, end: date | None = None) -> HttpResponse:
    body = report_export(actor=request.user, start=start, end=end)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="privacy-requests-report.csv"'
    return response
