"""API of the privacy app (EO 13 §6): the register of privacy officers, CPO training, protocols, requests for
identifying information and reports. Every write the web makes is here too."""

from datetime import date
from typing import Annotated, Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from eo13.agencies.models import Agency
from eo13.api_limits import Body, Label, Note
from eo13.privacy import selectors, services
from eo13.privacy.duties import vacancy_due
from eo13.privacy.models import (
    PrivacyOfficerDesignation,
    PrivacyOfficerVacancy,
    PrivacyProtocol,
    ProtocolAcknowledgement,
    TrainingAttendance,
    TrainingSession,
)
from eo13.privacy.selectors import RegisterRow
from eo13.strict_dates import StrictDate

router = Router(tags=["privacy"])

TrainingKindKey = Literal["identifying_information_law", "additional_privacy_laws"]
Email = Annotated[str, Field(max_length=254, json_schema_extra={"format": "email"})]
Phone = Annotated[str, Field(max_length=40, pattern=r"^\+?[0-9][0-9 ().-]{6,22}[0-9](\s*(x|ext\.?)\s*\d{1,6})?$")]


# ---- register (EO 13 §6) ----
class DesignationIn(Schema):
    agency: Label = Field(description="Agency code, e.g. ACS")
    full_name: Label
    title: Label
    email: Email
    phone: Phone
    designated_on: StrictDate


class ContactIn(Schema):
    full_name: Label
    title: Label
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

    # Each answer's shape is read from the record by its schema, one way for lists and single answers
    # (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: PrivacyOfficerDesignation) -> str:
        return obj.agency.code


class VacancyIn(Schema):
    agency: Label
    vacated_on: StrictDate
    note: Note = Field("", max_length=2000)


class VacancyOut(Schema):
    id: int
    agency: str
    vacated_on: date
    replacement_due: date
    filled_by_id: int | None
    note: str

    @staticmethod
    def resolve_agency(obj: PrivacyOfficerVacancy) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_replacement_due(obj: PrivacyOfficerVacancy) -> date:
        return vacancy_due(obj.vacated_on)


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

    @staticmethod
    def resolve_agency(obj: RegisterRow) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_agency_name(obj: RegisterRow) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_vacancy_since(obj: RegisterRow) -> date | None:
        return obj.vacancy.vacated_on if obj.vacancy else None


def _agency(user: Any, code: str) -> Agency:
    return selectors.agency_for_register(user=user, code=code)


@router.get("/privacy/register", response=list[RegisterRowOut], summary="Privacy-officer register by agency")
def register(request: HttpRequest, only: Literal["", "missing", "overdue", "untrained"] = "") -> list[RegisterRow]:
    return selectors.register_status(user=request.user, only=only)


@router.get("/privacy/designations", response=list[DesignationOut], summary="Privacy officers, current and past")
def designations(
    request: HttpRequest, agency: str | None = None, current: bool = False
) -> QuerySet[PrivacyOfficerDesignation]:
    return selectors.designation_list(user=request.user, agency_code=agency, current_only=current)


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
    return Status(201, d)


@router.patch("/privacy/designations/{designation_id}", response=DesignationOut, summary="Correct contact details")
def update_contact(request: HttpRequest, designation_id: int, payload: ContactIn) -> PrivacyOfficerDesignation:
    return services.designation_update_contact(
        actor=request.user,
        designation=selectors.designation_get(user=request.user, pk=designation_id),
        expected_version=payload.version,
        full_name=payload.full_name,
        title=payload.title,
        email=payload.email,
        phone=payload.phone,
    )


@router.get("/privacy/vacancies", response=list[VacancyOut], summary="Privacy-officer vacancies")
def vacancies(request: HttpRequest, open_only: bool = False) -> QuerySet[PrivacyOfficerVacancy]:
    return selectors.vacancy_list(user=request.user, open_only=open_only)


@router.post("/privacy/vacancies", response={201: VacancyOut}, summary="Record that a privacy officer left")
def vacate(request: HttpRequest, payload: VacancyIn) -> Status[Any]:
    v = services.vacancy_record(
        actor=request.user,
        agency=_agency(request.user, payload.agency),
        vacated_on=payload.vacated_on,
        note=payload.note,
    )
    return Status(201, v)


# ---- training (EO 13 §6(1)) ----
class SessionIn(Schema):
    kind: TrainingKindKey
    topic: Label
    held_on: date
    protocol_id: int | None = None


class AttendeeOut(Schema):
    designation_id: int
    agency: str
    full_name: str

    @staticmethod
    def resolve_agency(obj: TrainingAttendance) -> str:
        return obj.designation.agency.code

    @staticmethod
    def resolve_full_name(obj: TrainingAttendance) -> str:
        return obj.designation.full_name


class SessionOut(Schema):
    id: int
    kind: str
    topic: str
    held_on: date
    protocol_number: int | None
    attendance: list[AttendeeOut]

    @staticmethod
    def resolve_protocol_number(obj: TrainingSession) -> int | None:
        return obj.protocol.number if obj.protocol else None


class AttendanceIn(Schema):
    designation_id: int


@router.get("/privacy/training-sessions", response=list[SessionOut], summary="CPO training sessions")
def sessions(request: HttpRequest) -> QuerySet[TrainingSession]:
    return selectors.training_session_list(user=request.user)


@router.post("/privacy/training-sessions", response={201: SessionOut}, summary="Record a CPO training session")
def session_create(request: HttpRequest, payload: SessionIn) -> Status[Any]:
    protocol = selectors.protocol_get(user=request.user, pk=payload.protocol_id) if payload.protocol_id else None
    s = services.training_session_create(
        actor=request.user, kind=payload.kind, topic=payload.topic, held_on=payload.held_on, protocol=protocol
    )
    return Status(201, s)


@router.post(
    "/privacy/training-sessions/{session_id}/attendance",
    response={201: SessionOut},
    summary="Record that a privacy officer attended",
)
def attend(request: HttpRequest, session_id: int, payload: AttendanceIn) -> Status[Any]:
    session = selectors.training_session_get(user=request.user, pk=session_id)
    designation = selectors.designation_get(user=request.user, pk=payload.designation_id)
    services.training_attendance_record(actor=request.user, session=session, designation=designation)
    return Status(201, selectors.training_session_get(user=request.user, pk=session_id))


# ---- protocols (EO 13 §6(2)) ----
class ProtocolIn(Schema):
    title: Label
    body: Body = Field(max_length=50_000)
    effective_on: date


class ProtocolOut(Schema):
    id: int
    number: int
    title: str
    body: str
    effective_on: date
    current: bool

    # The newest version is the current one; the selector marks it in the same query (``is_current``).
    @staticmethod
    def resolve_current(obj: PrivacyProtocol) -> bool:
        return bool(getattr(obj, "is_current", False))


@router.get("/privacy/protocols", response=list[ProtocolOut], summary="The CPO's protocols, newest first")
def protocols(request: HttpRequest) -> QuerySet[PrivacyProtocol]:
    return selectors.protocol_list(user=request.user)


@router.post("/privacy/protocols", response={201: ProtocolOut}, summary="Publish a new protocol version (CPO)")
def protocol_publish(request: HttpRequest, payload: ProtocolIn) -> Status[Any]:
    p = services.protocol_publish(
        actor=request.user, title=payload.title, body=payload.body, effective_on=payload.effective_on
    )
    return Status(201, selectors.protocol_get(user=request.user, pk=p.pk))  # read back: now the current one


class AckOut(Schema):
    protocol_number: int
    agency: str
    acknowledged_at: Any

    @staticmethod
    def resolve_protocol_number(obj: ProtocolAcknowledgement) -> int:
        return obj.protocol.number

    @staticmethod
    def resolve_agency(obj: ProtocolAcknowledgement) -> str:
        return obj.designation.agency.code


@router.post(
    "/privacy/protocols/{protocol_id}/acknowledgements",
    response={201: AckOut},
    summary="Acknowledge the current protocol (privacy officer)",
)
def protocol_ack(request: HttpRequest, protocol_id: int) -> Status[Any]:
    ack = services.protocol_acknowledge(
        actor=request.user, protocol=selectors.protocol_get(user=request.user, pk=protocol_id)
    )
    return Status(201, ack)


# Requests for identifying information live in their own module; their routes join this router.
from eo13.privacy.api_requests import router as _requests_router  # noqa: E402

router.add_router("", _requests_router)
