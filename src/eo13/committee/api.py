"""API of the Committee (EO 13 §7, §8; INTERFACES §7): members, crises, timeline and guidance here; actions,
requests, risks, contacts and reports in ``api_records``. Views and these endpoints call the same services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from eo13.api_limits import Body, Label, Note
from eo13.committee import policy, selectors
from eo13.committee.api_records import router as records_router
from eo13.committee.models import CommitteeMember, Crisis, Guidance, GuidanceDelivery, TimelineEntry
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


class CommitteeEntityOut(Schema):
    agency: str
    name: str
    missing: bool
    designation_due: dt.date | None
    members: list[CommitteeMemberOut]
    alternates: list[CommitteeMemberOut]


class CommitteeMembersOut(Schema):
    leadership: list[CommitteeMemberOut]
    entities: list[CommitteeEntityOut]
    missing: list[str]


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


class CommitteeGuidanceIn(Schema):
    kind: Label = "guidance"
    title: Label
    body: Body
    supersedes: int | None = None


class CommitteeSendIn(Schema):
    agencies: list[Label]


def _member(m: CommitteeMember) -> dict[str, Any]:
    return {f: getattr(m, f) for f in CommitteeMemberOut.model_fields if f != "agency"} | {"agency": m.agency.code}


def _crisis(c: Crisis) -> dict[str, Any]:
    return {f: getattr(c, f) for f in CommitteeCrisisOut.model_fields if f != "agencies"} | {
        "agencies": [a.code for a in c.agencies.all()]
    }


def _guidance(g: Guidance) -> dict[str, Any]:
    ds = list(g.deliveries.all())
    return {f: getattr(g, f) for f in ("id", "kind", "title", "body", "version", "status", "approved_by")} | {
        "sent_to": [d.agency.code for d in ds],
        "confirmed_by_agencies": [d.agency.code for d in ds if d.confirmed_at],
    }


@router.get("/committee/members", response=CommitteeMembersOut)
def members_list(request: HttpRequest) -> dict[str, Any]:
    """The chair, the advisers and each entity's members; entities owing a designation with none are missing."""
    board = selectors.member_board(request.user)
    return {
        "leadership": [_member(m) for m in board.leadership],
        "entities": [
            {
                "agency": r.agency.code,
                "name": r.agency.name,
                "missing": r.missing,
                "designation_due": r.duty.due if r.duty else None,
                "members": [_member(m) for m in r.managers],
                "alternates": [_member(m) for m in r.alternates],
            }
            for r in board.rows
        ],
        "missing": [r.agency.code for r in board.missing],
    }


@router.post("/committee/members", response={201: CommitteeMemberOut})
def members_create(request: HttpRequest, payload: CommitteeMemberIn) -> Any:
    m = member_designate(actor=request.user, agency_code=payload.agency, **payload.dict(exclude={"agency"}))
    return Status(201, _member(m))


@router.post("/committee/members/{pk}/depart", response=CommitteeMemberOut)
def members_depart(request: HttpRequest, pk: int, payload: CommitteeDepartIn) -> dict[str, Any]:
    policy.require_entry(request.user)
    m = CommitteeMember.objects.select_related("agency").filter(pk=pk).first()
    if m is None:
        raise NotFound("No such member.")
    return _member(member_depart(actor=request.user, member=m, ends_on=payload.ends_on))


@router.post("/committee/members/chase")
def members_chase_api(request: HttpRequest, payload: CommitteeChaseIn) -> dict[str, int]:
    return members_chase(actor=request.user, agency_codes=payload.agencies or None)


@router.get("/committee/crises", response=list[CommitteeCrisisOut])
def crises_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_crisis(c) for c in selectors.crisis_list(request.user).prefetch_related("agencies")]


@router.post("/committee/crises", response={201: CommitteeCrisisOut})
def crises_create(request: HttpRequest, payload: CommitteeCrisisIn) -> Any:
    data = payload.dict()
    c = crisis_open(actor=request.user, agency_codes=data.pop("agencies"), **data)
    return Status(201, _crisis(c))


@router.get("/committee/crises/{pk}", response=CommitteeCrisisOut)
def crises_get(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _crisis(selectors.crisis_get(request.user, pk))


@router.patch("/committee/crises/{pk}", response=CommitteeCrisisOut)
def crises_patch(request: HttpRequest, pk: int, payload: CommitteeCrisisPatch) -> dict[str, Any]:
    c = selectors.crisis_get(request.user, pk)
    return _crisis(
        crisis_update(
            actor=request.user,
            crisis=c,
            expected_version=payload.version,
            status=payload.status,
            ends_on=payload.ends_on,
            severity=payload.severity,
        )
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
def guidance_list(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    return [_guidance(g) for g in selectors.guidance(request.user, selectors.crisis_get(request.user, pk))]


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
    return Status(201, _guidance(g))


def _guidance_get(request: HttpRequest, pk: int) -> Guidance:
    policy.require_crises(request.user)
    g = Guidance.objects.filter(pk=pk).first()
    if g is None:
        raise NotFound("No such guidance.")
    return g


@router.post("/committee/guidance/{pk}/approve", response=CommitteeGuidanceOut)
def guidance_approve_api(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _guidance(guidance_approve(actor=request.user, guidance=_guidance_get(request, pk)))


@router.post("/committee/guidance/{pk}/send", response=CommitteeGuidanceOut)
def guidance_send_api(request: HttpRequest, pk: int, payload: CommitteeSendIn) -> dict[str, Any]:
    g = _guidance_get(request, pk)
    guidance_send(actor=request.user, guidance=g, agency_codes=payload.agencies)
    g.refresh_from_db()
    return _guidance(g)


@router.post("/committee/deliveries/{pk}/confirm")
def delivery_confirm_api(request: HttpRequest, pk: int) -> dict[str, Any]:
    d: GuidanceDelivery | None = selectors.deliveries_for(request.user).filter(pk=pk).first()
    if d is None:
        raise NotFound("No such delivery, or it was not sent to your office.")
    d = guidance_confirm(actor=request.user, delivery=d)
    return {"id": d.pk, "agency": d.agency.code, "confirmed_at": d.confirmed_at}


router.add_router("", records_router)
