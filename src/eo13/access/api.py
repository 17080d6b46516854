"""API routes of the access app: decisions (INTERFACES §2), properties, agreements, encounters, §10-178(d) report."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from eo13.access.decisions import decision_make
from eo13.access.models import Agreement, CityProperty, DecisionLog, Encounter
from eo13.access.models.agreements import AgreementKind
from eo13.access.models.encounters import CityResponse, DocumentShown, RequestingAgency, RequestKind
from eo13.access.policy import sees_free_text
from eo13.access.registry import resolve_property
from eo13.access.selectors import agreement_list, decision_list, encounter_list, property_search, requests_report
from eo13.access.services import agreement_create, encounter_create, encounter_update
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.api_limits import Label, Limit, Note, NotJSON, Offset, parse_json
from eo13.detainers.services import detainer_decide
from eo13.errors import EO13Error, NotFound, ValidationFailed
from eo13.law.facts import KINDS, FactsError, Use
from eo13.law.facts_read import facts_schema
from eo13.strict_dates import StrictDate

router = Router(tags=["access"])
JSON = "application/json; charset=utf-8"  # ninja's own content type for its JSON answers


class FactsRejected(EO13Error):
    status = 422


def _decision_body_schema() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"oneOf": [facts_schema(k) for k in KINDS]}}},
        }
    }


@router.post(
    "/decisions/{kind}",
    summary="Decide: lot-use, property-access, warrant or detainer",
    description="Same facts and decision object as `eo13 decide` (INTERFACES §2). An array decides a batch, all or "
    "nothing. `?partial=true` accepts missing facts and lists those that could change the answer.",
    openapi_extra=_decision_body_schema(),
)
def decide_endpoint(request: HttpRequest, kind: str, partial: bool = False) -> Any:
    try:
        raw = parse_json(request.body)  # depth, length and character limits first, as for every other body
    except NotJSON:
        raise FactsRejected("the body is not valid JSON", "facts") from None
    if kind not in KINDS:
        raise FactsRejected(f"unknown kind; use one of: {', '.join(KINDS)}", "kind")
    if kind == "detainer":
        # Detainer facts describe a person's convictions: decided, counted, never logged (eo13.detainers).
        return _decide_detainer(request, raw, partial)
    try:
        recorded = decision_make(actor=request.user, kind=kind, raw=raw, partial=partial, channel="api")
    except FactsError as exc:
        raise FactsRejected(exc.error, exc.field) from None
    if isinstance(raw, list):
        return [r.decision | {"decision_id": r.pk} for r in recorded]
    # One decision (the front line's request): answered with the JSON text just logged, not encoded again.
    return HttpResponse(recorded[0].answer_json(), content_type=JSON)


def _decide_detainer(request: HttpRequest, raw: Any, partial: bool) -> Any:

    try:
        results = detainer_decide(actor=request.user, raw=raw, partial=partial)
    except FactsError as exc:
        raise FactsRejected(exc.error, exc.field) from None
    bodies = [d.as_dict() | {"recorded": counted} for d, counted in results]
    return bodies if isinstance(raw, list) else bodies[0]


class PropertyOut(Schema):
    uid: str
    bbl: str
    address: str
    parcel_name: str
    borough: int
    agency_abbreviation: str
    use_type: str
    kind: str
    is_city_property: bool
    is_city_lot: bool
    basis: str
    uncertain: bool


@router.get("/properties", response=list[PropertyOut], summary="Search City property by address, name or BBL")
def properties(request: HttpRequest, q: str, city_lots_only: bool = False) -> Any:
    if len(q) > 100:
        raise ValidationFailed("The search is too long.", "q")
    return list(property_search(q=q, city_lots_only=city_lots_only))


@router.get("/properties/{ref}", response=PropertyOut, summary="One property by registry id or BBL")
def property_detail(request: HttpRequest, ref: str) -> CityProperty:
    p = resolve_property(ref)
    if p is None:
        raise NotFound("No property with this id or BBL.")
    return p


class AgreementIn(Schema):
    agency: Label
    reference: Label
    kind: AgreementKind
    title: Label
    parties: Note
    valid_from: StrictDate
    valid_to: StrictDate | None = None
    all_properties: bool = False
    bbls: list[Label] = []
    uses: list[Use] = []


class AgreementOut(Schema):
    id: int
    reference: str
    kind: str
    title: str
    parties: str
    agency: str
    valid_from: date
    valid_to: date | None
    all_properties: bool
    bbls: list[str]
    uses: list[str]

    # Read from the record itself, so the list and the new agreement answer with one shape (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: Agreement) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_bbls(obj: Agreement) -> list[str]:
        return [c.bbl for c in obj.covered.all()]


def _agency(code: str) -> Agency:
    return agency_by_code(code)


@router.get(
    "/agreements", response=list[AgreementOut], summary="Agreements and cooperative arrangements (§3(1), §3(3))"
)
def agreements(request: HttpRequest) -> QuerySet[Agreement]:
    return agreement_list(user=request.user)


@router.post("/agreements", response={201: AgreementOut}, summary="Register an agreement")
def agreement_new(request: HttpRequest, payload: AgreementIn) -> Status[Any]:
    data = payload.dict()
    return Status(201, agreement_create(actor=request.user, **(data | {"agency": _agency(data["agency"])})))


class EncounterIn(Schema):
    agency: Label
    occurred_at: datetime
    requesting_agency: RequestingAgency
    request_kind: RequestKind
    city_response: CityResponse
    property: Label | None = None
    place_description: Label = ""
    immigration_enforcement: bool | None = None
    documents_shown: list[DocumentShown] = []
    decision_id: int | None = None
    what_happened: Note = ""
    counsel_called: bool = False


class EncounterPatch(Schema):
    version: int
    city_response: CityResponse | None = None
    what_happened: Note | None = None
    counsel_called: bool | None = None
    immigration_enforcement: bool | None = None
    request_kind: RequestKind | None = None


class EncounterOut(Schema):
    id: int
    agency: str
    occurred_at: datetime
    property_bbl: str | None
    place_description: str | None
    requesting_agency: str
    request_kind: str
    immigration_enforcement: bool | None
    documents_shown: list[str]
    decision_id: int | None
    outcome_given: str
    city_response: str
    what_happened: str | None
    counsel_called: bool
    version: int
    scrubbed: list[str] = []  # what the service took out of the free text just saved; empty on a read

    @staticmethod
    def resolve_agency(obj: Encounter) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_property_bbl(obj: Encounter) -> str | None:
        return obj.property.bbl if obj.property else None

    # The free text depends on who asks (City Hall reads everything but it, DESIGN "Roles"), so these two read the
    # caller from the request ninja passes as context: the one shape still lives here, not in each view.
    @staticmethod
    def resolve_place_description(obj: Encounter, context: dict[str, Any]) -> str | None:
        return obj.place_description if sees_free_text(context["request"].user, obj) else None

    @staticmethod
    def resolve_what_happened(obj: Encounter, context: dict[str, Any]) -> str | None:
        return obj.what_happened if sees_free_text(context["request"].user, obj) else None


@router.post("/encounters", response={201: EncounterOut}, summary="File an encounter record")
def encounter_new(request: HttpRequest, payload: EncounterIn) -> Status[Any]:
    data = payload.dict()
    prop = None
    if data.pop("property"):
        prop = resolve_property(payload.property or "")
        if prop is None:
            raise ValidationFailed("No property with this id or BBL.", "property")
    decision = None
    if data.get("decision_id"):
        decision = decision_list(user=request.user).filter(pk=data["decision_id"]).first()
        if decision is None:
            raise ValidationFailed("No decision with this id that you may use.", "decision_id")
    data.pop("decision_id", None)
    e = encounter_create(
        actor=request.user,
        **(data | {"agency": _agency(data["agency"]), "property_id": prop.pk if prop else None, "decision": decision}),
    )
    return Status(201, e)


@router.get("/encounters", response=list[EncounterOut], summary="Encounter records I may see")
def encounters(
    request: HttpRequest, agency: Label | None = None, limit: Limit = 100, offset: Offset = 0
) -> QuerySet[Encounter]:
    # A bare list with limit and offset (not ninja's paginated object): sliced in the database all the same.
    return encounter_list(user=request.user, agency_code=agency)[offset : offset + limit]


def _encounter(request: HttpRequest, pk: int) -> Encounter:
    e = encounter_list(user=request.user).filter(pk=pk).first()
    if e is None:
        raise NotFound("No encounter record with this id that you may see.")
    return e


@router.get("/encounters/{pk}", response=EncounterOut, summary="One encounter record")
def encounter_detail(request: HttpRequest, pk: int) -> Encounter:
    return _encounter(request, pk)


@router.patch("/encounters/{pk}", response=EncounterOut, summary="Correct an encounter record (agency lead)")
def encounter_patch(request: HttpRequest, pk: int, payload: EncounterPatch) -> Encounter:
    changes = {k: v for k, v in payload.dict().items() if k != "version" and v is not None}
    return encounter_update(
        actor=request.user, encounter=_encounter(request, pk), expected_version=payload.version, **changes
    )


class DecisionLogOut(Schema):
    id: int
    kind: str
    partial: bool
    outcome: str
    rules_version: str
    as_of: date
    agency: str | None
    channel: str
    created_at: datetime
    facts: Any
    decision: Any

    @staticmethod
    def resolve_agency(obj: DecisionLog) -> str | None:
        return obj.agency.code if obj.agency else None


@router.get("/decision-log", response=list[DecisionLogOut], summary="Decisions I may see")
def decision_log(request: HttpRequest, limit: Limit = 100, offset: Offset = 0) -> QuerySet[DecisionLog]:
    return decision_list(user=request.user)[offset : offset + limit]  # a bare list, sliced in the database


class ReportRow(Schema):
    requesting_agency: str
    receiving_agency: str
    requests: int
    declined: int
    allowed: int
    referred: int
    other: int

    @staticmethod
    def resolve_receiving_agency(obj: dict[str, Any]) -> str:
        return str(obj["agency__code"])


@router.get("/reports/10-178d", response=list[ReportRow], summary="Quarterly Admin Code §10-178(d) report (anonymized)")
def report_10_178d(request: HttpRequest, year: int, quarter: int) -> Any:
    if not 1 <= quarter <= 4 or not 2018 <= year <= 2100:
        raise ValidationFailed("Give a year and a quarter from 1 to 4.", "quarter")
    return requests_report(user=request.user, year=year, quarter=quarter)
