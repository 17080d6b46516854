"""API of the Committee (EO 13 §7, §8; INTERFACES §7): members, crises, timeline and guidance here; actions,
requests, risks, contacts and reports in ``api_records``. Views and these endpoints call the same services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from eo13.api_limits import Body, Label, Note
from eo13.committee import policy, selectors
from eo13.committee.api_records import router as records_router
from eo13.committee.models import CommitteeMember, Crisis, Guidance, GuidanceDelivery, TimelineEntry
from eo13.committee.selectors import BoardRow, MemberBoard
from eo13.committee.services.crises import (
    crisis_open,
    crisis_update,
    guidance_approve,
    guidance_confirm,
    guidance_draft,
    guidance_send,
    timeline_post,
)
from eo13.committee.services.members import member_depart, member_designate, members_chase
from eo13.errors import NotFound

router = Router(tags=["committee"])


class CommitteeMemberOut(Schema):
    id: int
    agency: str
    role: str
    name: str
    job_title: str
    work_email: str
    work_phone: str
    starts_on: dt.date
    ends_on: dt.date | None

    # Each answer's shape is read from the record by its schema, one way for lists and single answers
    # (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: CommitteeMember) -> str:
        return obj.agency.code


class CommitteeEntityOut(Schema):
    agency: str
    name: str
    missing: bool
    designation_due: dt.date | None
    members: list[CommitteeMemberOut]
    alternates: list[CommitteeMemberOut]

    @staticmethod
    def resolve_agency(obj: BoardRow) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_name(obj: BoardRow) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_designation_due(obj: BoardRow) -> dt.date | None:
        return obj.duty.due if obj.duty else None

    @staticmethod
    def resolve_members(obj: BoardRow) -> list[CommitteeMember]:
        return obj.managers


class CommitteeMembersOut(Schema):
    leadership: list[CommitteeMemberOut]
    entities: list[CommitteeEntityOut]
    missing: list[str]

    @staticmethod
    def resolve_entities(obj: MemberBoard) -> list[BoardRow]:
        return obj.rows

    @staticmethod
    def resolve_missing(obj: MemberBoard) -> list[str]:
        return [r.agency.code for r in obj.missing]


class CommitteeMemberIn(Schema):
    agency: Label
    role: Label = "senior_operations_manager"
    name: Label
    job_title: Label = ""
    work_email: Label = ""
    work_phone: Label = ""
    starts_on: dt.date


class CommitteeDepartIn(Schema):
    ends_on: dt.date


class CommitteeChaseIn(Schema):
    agencies: list[Label] = []


class CommitteeCrisisOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    severity: int
    starts_on: dt.date
    ends_on: dt.date | None
    agencies: list[str]
    boroughs: list[str]
    version: int

    @staticmethod
    def resolve_agencies(obj: Crisis) -> list[str]:
        return [a.code for a in obj.agencies.all()]


class CommitteeCrisisIn(Schema):
    title: Label
    kind: Label
    starts_on: dt.date
    ends_on: dt.date | None = None
    severity: int = 2
    status: Label = "active"
    agencies: list[Label] = []
    boroughs: list[Label] = []


class CommitteeCrisisPatch(Schema):
    version: int
    status: Label
    severity: int
    ends_on: dt.date | None = None


class CommitteeEntryOut(Schema):
    id: int
    at: dt.datetime
    author: str
    text: str


class CommitteeEntryIn(Schema):
    text: Note


class CommitteeGuidanceOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    version: int
    status: str
    approved_by: str
    sent_to: list[str]
    confirmed_by_agencies: list[str]

    @staticmethod
    def resolve_sent_to(obj: Guidance) -> list[str]:
        return [d.agency.code for d in obj.deliveries.all()]

    @staticmethod
    def resolve_confirmed_by_agencies(obj: Guidance) -> list[str]:
        return [d.agency.code for d in obj.deliveries.all() if d.confirmed_at]


class CommitteeGuidanceIn(Schema):
    kind: Label = "guidance"
    title: Label
    body: Body
    supersedes: int | None = None


class CommitteeSendIn(Schema):
    agencies: list[Label]


@router.get("/committee/members", response=CommitteeMembersOut)
def members_list(request: HttpRequest) -> MemberBoard:
    """The chair, the advisers and each entity's members; entities owing a designation with none are missing."""
    return selectors.member_board(request.user)


@router.post("/committee/members", response={201: CommitteeMemberOut})
def members_create(request: HttpRequest, payload: CommitteeMemberIn) -> Any:
    m = member_designate(actor=request.user, agency_code=payload.agency, **payload.dict(exclude={"agency"}))
    return Status(201, m)


@router.post("/committee/members/{pk}/depart", response=CommitteeMemberOut)
def members_depart(request: HttpRequest, pk: int, payload: CommitteeDepartIn) -> CommitteeMember:
    policy.require_entry(request.user)
    m = CommitteeMember.objects.select_related("agency").filter(pk=pk).first()
    if m is None:
        raise NotFound("No such member.")
    return member_depart(actor=request.user, member=m, ends_on=payload.ends_on)


@router.post("/committee/members/chase")
def members_chase_api(request: HttpRequest, payload: CommitteeChaseIn) -> dict[str, int]:
    return members_chase(actor=request.user, agency_codes=payload.agencies or None)


@router.get("/committee/crises", response=list[CommitteeCrisisOut])
def crises_list(request: HttpRequest) -> QuerySet[Crisis]:
    return selectors.crisis_list(request.user).prefetch_related("agencies")


@router.post("/committee/crises", response={201: CommitteeCrisisOut})
def crises_create(request: HttpRequest, payload: CommitteeCrisisIn) -> Any:
    data = payload.dict()
    c = crisis_open(actor=request.user, agency_codes=data.pop("agencies"), **data)
    return Status(201, c)


@router.get("/committee/crises/{pk}", response=CommitteeCrisisOut)
def crises_get(request: HttpRequest, pk: int) -> Crisis:
    return selectors.crisis_get(request.user, pk)


@router.patch("/committee/crises/{pk}", response=CommitteeCrisisOut)
def crises_patch(request: HttpRequest, pk: int, payload: CommitteeCrisisPatch) -> Crisis:
    c = selectors.crisis_get(request.user, pk)
    return crisis_update(
        actor=request.user,
        crisis=c,
        expected_version=payload.version,
        status=payload.status,
        ends_on=payload.ends_on,
        severity=payload.severity,
    )


@router.get("/committee/crises/{pk}/timeline", response=list[CommitteeEntryOut])
def timeline_list(request: HttpRequest, pk: int, after: int = 0) -> list[TimelineEntry]:
    return selectors.timeline(selectors.crisis_get(request.user, pk), after=after)


@router.post("/committee/crises/{pk}/timeline", response={201: CommitteeEntryOut})
def timeline_create(request: HttpRequest, pk: int, payload: CommitteeEntryIn) -> Any:
    return Status(
        201, timeline_post(actor=request.user, crisis=selectors.crisis_get(request.user, pk), text=payload.text)
    )


@router.get("/committee/crises/{pk}/guidance", response=list[CommitteeGuidanceOut])
def guidance_list(request: HttpRequest, pk: int) -> list[Guidance]:
    return selectors.guidance(request.user, selectors.crisis_get(request.user, pk))


@router.post("/committee/crises/{pk}/guidance", response={201: CommitteeGuidanceOut})
def guidance_create(request: HttpRequest, pk: int, payload: CommitteeGuidanceIn) -> Any:
    crisis = selectors.crisis_get(request.user, pk)
    earlier = None
    if payload.supersedes is not None:
        earlier = Guidance.objects.filter(pk=payload.supersedes).first()
        if earlier is None:
            raise NotFound("No such earlier version.")
    g = guidance_draft(
        actor=request.user, crisis=crisis, kind=payload.kind, title=payload.title, body=payload.body, supersedes=earlier
    )
    return Status(201, g)


def _guidance_get(request: HttpRequest, pk: int) -> Guidance:
    policy.require_crises(request.user)
    g = Guidance.objects.filter(pk=pk).first()
    if g is None:
        raise NotFound("No such guidance.")
    return g


@router.post("/committee/guidance/{pk}/approve", response=CommitteeGuidanceOut)
def guidance_approve_api(request: HttpRequest, pk: int) -> Guidance:
    return guidance_approve(actor=request.user, guidance=_guidance_get(request, pk))


@router.post("/committee/guidance/{pk}/send", response=CommitteeGuidanceOut)
def guidance_send_api(request: HttpRequest, pk: int, payload: CommitteeSendIn) -> Guidance:
    g = _guidance_get(request, pk)
    guidance_send(actor=request.user, guidance=g, agency_codes=payload.agencies)
    g.refresh_from_db()
    return g


@router.post("/committee/deliveries/{pk}/confirm")
def delivery_confirm_api(request: HttpRequest, pk: int) -> dict[str, Any]:
    d: GuidanceDelivery | None = selectors.deliveries_for(request.user).filter(pk=pk).first()
    if d is None:
        raise NotFound("No such delivery, or it was not sent to your office.")
    d = guidance_confirm(actor=request.user, delivery=d)
    return {"id": d.pk, "agency": d.agency.code, "confirmed_at": d.confirmed_at}


router.add_router("", records_router)
