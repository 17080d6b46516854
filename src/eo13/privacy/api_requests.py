"""API routes of the privacy app: requests for identifying information and their reports (EO 13 §6)."""

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from eo13.agencies.selectors import agency_by_code
from eo13.api_limits import Label, Note
from eo13.errors import NotFound
from eo13.law import identifying_information as ii
from eo13.privacy import selectors, services
from eo13.privacy.models import IdentifyingInformationRequest
from eo13.privacy.reports import report_export, request_report
from eo13.strict_dates import StrictDate

router = Router(tags=["privacy"])

if TYPE_CHECKING:
    type CategoryKey = str
    type InstrumentKey = str
    type DecisionKey = str
else:
    # The law's own lists, so the OpenAPI document names every allowed value.
    # The law's list is open (Admin Code §23-1201): "other:" and a short label for other identifying information.
    CategoryKey = Union[  # noqa: UP007
        Literal[tuple(ii.CATEGORY_KEYS)],
        Annotated[str, StringConstraints(pattern=rf"^other:\s*\S.{{0,{ii.OTHER_LABEL_MAX - 1}}}$")],
    ]
    InstrumentKey = Literal[tuple(r.instrument.value for r in ii.INSTRUMENTS)]
    DecisionKey = Literal[tuple(ii.DECISION_LABELS)]


# ---- requests for identifying information (EO 13 §6; Admin Code §23-1202) ----
class RequestIn(Schema):
    agency: Label
    requesting_agency: Label = Field(description="The outside agency, e.g. a federal agency's name")
    instrument: InstrumentKey
    received_on: StrictDate
    respond_by: StrictDate | None = None
    categories: list[CategoryKey] = Field(min_length=1)
    people_count: int | None = Field(None, ge=0, description="How many people the request is about; no names")
    summary: Note = Field("", description="What was asked, never who")
    assigned_officer_id: int | None = None


class AssignIn(Schema):
    assigned_officer_id: int
    version: int


class ReferIn(Schema):
    referred_on: StrictDate
    note: Note = Field("", max_length=2000)
    version: int


class DecideIn(Schema):
    decision: DecisionKey
    reasons: Note
    decided_on: StrictDate
    version: int


class DiscloseIn(Schema):
    categories: list[CategoryKey] = Field(min_length=1)
    disclosed_on: StrictDate
    note: Note = Field("", max_length=2000)
    version: int


class CategoryOut(Schema):
    key: str
    label: str
    flagged: bool
    citations: list[str]

    # Read from the law's own category (eo13.law.identifying_information), one shape for every answer.
    @staticmethod
    def resolve_flagged(obj: ii.Category) -> bool:
        return obj.singled_out


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

    # Read from the record itself (and the law's rule for its instrument), one shape for the list, the new request
    # and each step (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: IdentifyingInformationRequest) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_categories(obj: IdentifyingInformationRequest) -> list[ii.Category]:
        return [ii.category(k) for k in obj.categories]

    @staticmethod
    def resolve_disclosure_approved_by(obj: IdentifyingInformationRequest) -> str | None:
        approver = obj.disclosure_approved_by
        return approver.get_username() if approver else None

    @staticmethod
    def resolve_citations(obj: IdentifyingInformationRequest) -> list[str]:
        return ["EO 13 §6", *ii.instrument_rule(obj.instrument).citations]


@router.get("/privacy/categories", response=list[CategoryOut], summary="Kinds of identifying information")
def categories(request: HttpRequest) -> list[ii.Category]:
    return [ii.category(k) for k in ii.CATEGORY_KEYS]


@router.get("/privacy/requests", response=list[RequestOut], summary="Requests for identifying information")
def requests(
    request: HttpRequest,
    agency: str | None = None,
    status: Literal["", "open", "decided"] = "",
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[IdentifyingInformationRequest]:
    qs = selectors.request_list(user=request.user, agency_code=agency, status=status, start=start, end=end)
    return qs.select_related("disclosure_approved_by")


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
        agency=agency_by_code(payload.agency),
        requesting_agency=payload.requesting_agency,
        instrument=payload.instrument,
        received_on=payload.received_on,
        respond_by=payload.respond_by,
        categories=list(payload.categories),
        people_count=payload.people_count,
        summary=payload.summary,
        assigned_officer=_officer(request.user, payload.assigned_officer_id),
    )
    return Status(201, r)


@router.get("/privacy/requests/{request_id}", response=RequestOut, summary="One request")
def request_detail(request: HttpRequest, request_id: int) -> IdentifyingInformationRequest:
    return selectors.request_get(user=request.user, pk=request_id)


@router.post("/privacy/requests/{request_id}/assignment", response=RequestOut, summary="Assign a privacy officer")
def request_assign(request: HttpRequest, request_id: int, payload: AssignIn) -> IdentifyingInformationRequest:
    return services.request_assign(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        officer=_officer(request.user, payload.assigned_officer_id),
        expected_version=payload.version,
    )


@router.post("/privacy/requests/{request_id}/referral", response=RequestOut, summary="Refer to the Law Department")
def request_refer(request: HttpRequest, request_id: int, payload: ReferIn) -> IdentifyingInformationRequest:
    return services.request_refer(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        referred_on=payload.referred_on,
        note=payload.note,
        expected_version=payload.version,
    )


@router.post("/privacy/requests/{request_id}/decision", response=RequestOut, summary="Record the decision")
def request_decide(request: HttpRequest, request_id: int, payload: DecideIn) -> IdentifyingInformationRequest:
    return services.request_decide(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        decision=payload.decision,
        reasons=payload.reasons,
        decided_on=payload.decided_on,
        expected_version=payload.version,
    )


@router.post("/privacy/requests/{request_id}/disclosure", response=RequestOut, summary="Record the disclosure")
def request_disclose(request: HttpRequest, request_id: int, payload: DiscloseIn) -> IdentifyingInformationRequest:
    return services.request_disclose(
        actor=request.user,
        request=selectors.request_get(user=request.user, pk=request_id),
        categories=list(payload.categories),
        disclosed_on=payload.disclosed_on,
        note=payload.note,
        expected_version=payload.version,
    )


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
