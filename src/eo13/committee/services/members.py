"""Committee membership (EO 13 §7(2), §7(3)): designations, departures, and City Hall's chase of missing ones.

Each entity's designation is a duty in the obligations engine due 2026-02-13; the designation itself closes it.
When an entity's last senior operations manager leaves, a new designation duty opens.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from eo13.accounts.actors import ActorOrJob
from eo13.accounts.models import Role
from eo13.accounts.policy import agency_ids, has_role
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.clock import today
from eo13.committee.models import LEADERSHIP_ROLES, CommitteeMember, MemberRole
from eo13.committee.policy import is_leadership
from eo13.committee.services.common import actor_name, agency_by_code, clean
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.law.deadlines import ORDER_ISSUED, Event
from eo13.law.obligations import Office, owes_committee_designation
from eo13.obligations.interface import fulfil as obligation_fulfil
from eo13.obligations.interface import record_event as obligation_event_record
from eo13.obligations.models import OPEN_STATUSES, Obligation
from eo13.obligations.policy import policy_for

DESIGNATION_KEY = "s7_3_committee_designation"
REDESIGNATION_KEY = "s7_3_committee_redesignation"
# EO 13 §7(2): the chair and advisers sit for City Hall and MOIA.
LEADERSHIP_HOMES = {
    MemberRole.CHAIR: "CITYHALL",
    MemberRole.CHIEF_COUNSEL: "CITYHALL",
    MemberRole.SPECIAL_ADVISOR: "CITYHALL",
    MemberRole.MOIA_COMMISSIONER: "MOIA",
}
MEMBER_FIELDS = ("role", "name", "job_title", "work_email", "work_phone", "starts_on", "ends_on")


def owes_designation(agency: Agency) -> bool:
    return owes_committee_designation(
        Office(agency.code, agency.kind, agency.is_section_2, agency.mayor_appoints_board_majority)
    )


def _require_designator(actor: ActorOrJob, agency: Agency) -> None:
    """City Hall and the chair's office keep the roster; an entity's own lead reports its head's designation."""
    if not getattr(actor, "is_authenticated", False):
        return

    if has_role(actor, {Role.CITY_HALL}) or is_leadership(actor):
        return
    if agency.pk in agency_ids(actor, {Role.AGENCY_LEAD}):
        return
    raise PermissionDenied("Only City Hall, the chair's office or the entity's own lead records its member.")


def _active_managers(agency: Agency, on: dt.date) -> int:
    return (
        CommitteeMember.objects.filter(agency=agency, role=MemberRole.SENIOR_OPERATIONS_MANAGER, starts_on__lte=on)
        .exclude(ends_on__lte=on)
        .count()
    )


def member_designate(
    *,
    actor: ActorOrJob,
    agency_code: str,
    role: str,
    name: str,
    starts_on: dt.date,
    job_title: str = "",
    work_email: str = "",
    work_phone: str = "",
) -> CommitteeMember:
    """Record a designation (EO 13 §7(3)); a senior operations manager closes the entity's open designation duty."""
    agency = agency_by_code(agency_code)
    if role not in MemberRole.values:
        raise ValidationFailed(f"Role must be one of {', '.join(MemberRole.values)}.", field="role")
    if role in LEADERSHIP_ROLES:
        if agency.code != LEADERSHIP_HOMES[MemberRole(role)]:
            raise ValidationFailed("The chair and advisers sit for City Hall or MOIA (EO 13 §7(2)).", field="agency")
    elif not owes_designation(agency):
        raise ValidationFailed(
            f"{agency.code} names no member: the order reaches agencies, offices, DOE and public benefit "
            "corporations with a Mayor-appointed board majority (EO 13 §7(3)).",
            field="agency",
        )
    _require_designator(actor, agency)
    name = clean(name, field="name", limit=150)
    if not isinstance(starts_on, dt.date):
        raise ValidationFailed("Give the start date as YYYY-MM-DD.", field="starts_on")
    work_email = (work_email or "").strip()
    if work_email:
        try:
            validate_email(work_email)
        except DjangoValidationError:
            raise ValidationFailed(
                "Give a work e-mail address, like name@agency.nyc.gov.", field="work_email"
            ) from None
    with transaction.atomic():
        member = CommitteeMember.objects.create(
            agency=agency,
            role=role,
            name=name,
            job_title=clean(job_title, field="job_title", required=False, limit=150),
            work_email=work_email,
            work_phone=work_phone.strip()[:40],
            starts_on=starts_on,
        )
        if role == MemberRole.SENIOR_OPERATIONS_MANAGER:
            note = f"Committee member designated (record {member.pk})."
            closed = obligation_fulfil(actor=actor, agency=agency, key=REDESIGNATION_KEY, note=note)
            if closed is None:
                obligation_fulfil(actor=actor, agency=agency, key=DESIGNATION_KEY, note=note)
        audit_record(
            actor=actor,
            action=AuditAction.COMMITTEE_MEMBER_DESIGNATE,
            target=member,
            agency_code=agency.code,
            changes={f: {"new": str(getattr(member, f) or "")} for f in MEMBER_FIELDS},
        )
    return member


def member_depart(*, actor: ActorOrJob, member: CommitteeMember, ends_on: dt.date) -> CommitteeMember:
    """Record that a member left. When the entity has no senior operations manager left, a new designation duty
    opens in the obligations engine (EO 13 §7(3))."""
    _require_designator(actor, member.agency)
    if member.ends_on is not None:
        raise ValidationFailed("This member's departure is already recorded.", field="ends_on")
    if not isinstance(ends_on, dt.date) or ends_on < member.starts_on:
        raise ValidationFailed("The end date must be on or after the start date.", field="ends_on")
    if ends_on > today():
        raise ValidationFailed("Record a departure on or after the day it happens.", field="ends_on")
    with transaction.atomic():
        member.ends_on = ends_on
        member.save(update_fields=["ends_on"])
        opened: list[int] = []
        if (
            member.role == MemberRole.SENIOR_OPERATIONS_MANAGER
            and ends_on >= ORDER_ISSUED
            and _active_managers(member.agency, ends_on) == 0
        ):
            duties = obligation_event_record(
                actor=f"committee:{actor_name(actor)}",
                event=Event.COMMITTEE_MEMBER_DEPARTED.value,
                on=ends_on,
                agency=member.agency,
                subject=f"committee-member:{member.pk}",
            )
            opened = [d.pk for d in duties]
        audit_record(
            actor=actor,
            action=AuditAction.COMMITTEE_MEMBER_DEPART,
            target=member,
            agency_code=member.agency.code,
            changes={"ends_on": {"old": None, "new": ends_on.isoformat()}, "duties_opened": {"new": opened}},
        )
    return member


def missing_duties() -> list[Obligation]:
    """Open designation duties: the entities the board shows as missing."""
    return list(
        Obligation.objects.filter(key__in=(DESIGNATION_KEY, REDESIGNATION_KEY), status__in=OPEN_STATUSES)
        .select_related("agency")
        .order_by("agency__code", "due")
    )


def members_chase(*, actor: ActorOrJob, agency_codes: list[str] | None = None) -> dict[str, int]:
    """City Hall chases entities that have not named a member: one e-mail to each office's reminded people, through
    the duty policy's "who should be told" (EO 13 §7(3))."""
    if getattr(actor, "is_authenticated", False) and not has_role(actor, {Role.CITY_HALL}):
        raise PermissionDenied("City Hall chases missing designations.")
    duties = missing_duties()
    if agency_codes:
        wanted = {c.upper() for c in agency_codes}
        duties = [d for d in duties if d.agency.code in wanted]
    base = getattr(settings, "EO13_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    sent = 0
    for duty in duties:
        people = [u.email for u in policy_for(duty.key).users_to_tell(duty)]
        if not people:
            continue
        body = render_to_string(
            "committee/chase_email.txt",
            {"duty": duty, "url": base + reverse("obligations:detail", args=[duty.pk])},
        )
        send_mail(f"EO13: {duty.agency.code} has no Committee member yet", body, None, people)
        sent += len(people)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.COMMITTEE_MEMBER_CHASE,
            model="committee.CommitteeMember",
            changes={"offices": {"new": sorted({d.agency.code for d in duties})}, "emails": {"new": sent}},
        )
    return {"offices": len({d.agency_id for d in duties}), "emails": sent}
