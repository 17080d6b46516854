"""Resource requests (EO 13 §8(1), §8(2)), the risk register (§7(1)(b), (c)), contacts with outside officials
(§7(4)) and reports to the Mayor (§7(1)(f))."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from eo13.accounts.actors import ActorOrJob
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.clock import today
from eo13.committee.models import (
    Crisis,
    MayorReport,
    OfficialLevel,
    OutsideContact,
    ReportStatus,
    ResourceAnswer,
    ResourceKind,
    ResourceRequest,
    Risk,
)
from eo13.committee.policy import require_answer, require_chair, require_city_hall, require_leadership
from eo13.committee.services.common import (
    actor_name,
    agencies_by_code,
    agency_by_code,
    check_due,
    clean,
    duty_close,
    duty_open,
)
from eo13.errors import ConflictError, ValidationFailed
from eo13.law.deadlines import Event
from eo13.versioning import versioned_update

# EO 13 §8(2): DOE and these corporations are coordinated with, not directed.
COORDINATED_KINDS = ("department_of_education", "public_benefit_corporation")


def resource_request_make(
    *,
    actor: ActorOrJob,
    agency_code: str,
    kind: str,
    description: str,
    due: dt.date,
    crisis: Crisis | None = None,
) -> ResourceRequest:
    """The First Deputy Mayor (or the chair's office for them) asks an office for resources by a date."""
    require_leadership(actor)
    agency = agency_by_code(agency_code)
    if kind not in ResourceKind.values:
        raise ValidationFailed(f"Kind must be one of {', '.join(ResourceKind.values)}.", field="kind")
    text = clean(description, field="description", limit=2000)
    check_due(due, after=crisis.starts_on if crisis else None)
    coordination = agency.kind in COORDINATED_KINDS
    with transaction.atomic():
        req = ResourceRequest.objects.create(
            crisis=crisis,
            agency=agency,
            kind=kind,
            description=text,
            due=due,
            coordination=coordination,
            requested_by=actor_name(actor),
        )
        prefix = "Coordination request" if coordination else "Resource request"
        req.obligation = duty_open(
            actor=actor,
            event=Event.RESOURCES_REQUESTED.value,
            agency=agency,
            subject=f"resource-request:{req.pk}",
            due=due,
            title=f"{prefix} ({req.get_kind_display()}): {text}",
        )
        req.save(update_fields=["obligation"])
        audit_record(
            actor=actor,
            action=AuditAction.RESOURCE_REQUEST_MAKE,
            target=req,
            agency_code=agency.code,
            changes={"kind": {"new": kind}, "due": {"new": due.isoformat()}, "coordination": {"new": coordination}},
        )
    return req


def resource_request_answer(*, actor: ActorOrJob, request: ResourceRequest, answer: str, note: str) -> ResourceRequest:
    """The office answers: provided, partly, or declined, with a note (EO 13 §8(2))."""
    require_answer(actor, request.agency_id)
    if answer not in (ResourceAnswer.PROVIDED, ResourceAnswer.PARTLY, ResourceAnswer.DECLINED):
        raise ValidationFailed("Answer provided, partly or declined.", field="answer")
    if request.answer != ResourceAnswer.PENDING:
        raise ValidationFailed("This request has already been answered.", field="answer")
    text = clean(note, field="note", required=answer != ResourceAnswer.PROVIDED, limit=2000)
    with transaction.atomic():
        n = ResourceRequest.objects.filter(pk=request.pk, answer=ResourceAnswer.PENDING).update(
            answer=answer, answer_note=text, answered_at=timezone.now(), answered_by=actor_name(actor)
        )
        if not n:
            raise ConflictError("Someone else answered this request. Reload to see it.")
        request.refresh_from_db()
        duty_close(actor=actor, duty=request.obligation, note=f"{request.get_answer_display()}. {text}".strip())
        audit_record(
            actor=actor,
            action=AuditAction.RESOURCE_REQUEST_ANSWER,
            target=request,
            agency_code=request.agency.code,
            changes={"answer": {"old": "pending", "new": answer}, "note": {"new": text}},
        )
    return request


def risk_record(
    *,
    actor: ActorOrJob,
    title: str,
    description: str,
    likelihood: int,
    impact: int,
    owner: str,
    review_on: dt.date,
    agency_codes: list[str] | tuple[str, ...] = (),
) -> Risk:
    require_leadership(actor)
    for field, value in (("likelihood", likelihood), ("impact", impact)):
        if value not in (1, 2, 3, 4, 5):
            raise ValidationFailed(f"{field.title()} is 1 (lowest) to 5 (highest).", field=field)
    if not isinstance(review_on, dt.date):
        raise ValidationFailed("Give a review date as YYYY-MM-DD.", field="review_on")
    agencies = agencies_by_code(agency_codes)
    with transaction.atomic():
        risk = Risk.objects.create(
            title=clean(title, field="title", limit=200),
            description=clean(description, field="description", limit=4000),
            likelihood=likelihood,
            impact=impact,
            owner=clean(owner, field="owner", limit=150),
            review_on=review_on,
        )
        risk.agencies.set(agencies)
        audit_record(
            actor=actor,
            action=AuditAction.RISK_RECORD,
            target=risk,
            changes={"likelihood": {"new": likelihood}, "impact": {"new": impact}},
        )
    return risk


def contact_log(
    *,
    actor: ActorOrJob,
    level: str,
    office: str,
    official_role: str,
    on: dt.date,
    about: str,
    outcome: str = "",
    follow_up: str = "",
    crisis: Crisis | None = None,
) -> OutsideContact:
    """A contact with federal, state, local, tribal or territorial officials (EO 13 §7(4)): an office and a role."""
    require_leadership(actor)
    if level not in OfficialLevel.values:
        raise ValidationFailed(f"Level must be one of {', '.join(OfficialLevel.values)}.", field="level")
    if not isinstance(on, dt.date) or on > today():
        raise ValidationFailed("Give the date of the contact, not in the future.", field="on")
    with transaction.atomic():
        c = OutsideContact.objects.create(
            crisis=crisis,
            level=level,
            office=clean(office, field="office", limit=200),
            official_role=clean(official_role, field="official_role", limit=150),
            on=on,
            about=clean(about, field="about"),
            outcome=clean(outcome, field="outcome", required=False),
            follow_up=clean(follow_up, field="follow_up", required=False),
            recorded_by=actor_name(actor),
        )
        audit_record(actor=actor, action=AuditAction.OUTSIDE_CONTACT_LOG, target=c, changes={"level": {"new": level}})
    return c


def mayor_report_direct(*, actor: ActorOrJob, crisis: Crisis, directed_on: dt.date, due: dt.date) -> MayorReport:
    """City Hall records that the Mayor directed a report; it becomes the Committee's duty (EO 13 §7(1)(f))."""
    require_city_hall(actor)
    if not isinstance(directed_on, dt.date) or directed_on > today():
        raise ValidationFailed("Give the date the Mayor directed the report, not in the future.", field="directed_on")
    check_due(due, after=directed_on)
    with transaction.atomic():
        report = MayorReport.objects.create(crisis=crisis, directed_on=directed_on, due=due)
        # The same event as `eo13 event mayor-direction`: one §7(1)(f) duty, dated by the direction (issue 11).
        report.obligation = duty_open(
            actor=actor,
            event=Event.MAYOR_DIRECTION.value,
            agency=None,
            on=due,
            subject=f"mayor-report:{report.pk}",
            due=due,
            title=f"Report to the Mayor on {crisis.title}",
        )
        report.save(update_fields=["obligation"])
        audit_record(
            actor=actor,
            action=AuditAction.MAYOR_REPORT_DIRECT,
            target=report,
            changes={"crisis": {"new": crisis.pk}, "due": {"new": due.isoformat()}},
        )
    return report


def mayor_report_edit(
    *, actor: ActorOrJob, report: MayorReport, expected_version: int, summary: str, recommendations: str
) -> MayorReport:
    require_leadership(actor)
    if report.status == ReportStatus.APPROVED:
        raise ValidationFailed("An approved report is final.", field="status")
    summary = clean(summary, field="summary", required=False, limit=20000)
    recommendations = clean(recommendations, field="recommendations", required=False, limit=20000)
    with transaction.atomic():
        report, _ = versioned_update(
            report,
            expected_version,
            conflict="Someone else changed this report. Reload and try again.",
            summary=summary,
            recommendations=recommendations,
        )
        audit_record(
            actor=actor,
            action=AuditAction.MAYOR_REPORT_EDIT,
            target=report,
            changes={"version": {"new": report.version}},
        )
    return report


def mayor_report_approve(*, actor: ActorOrJob, report: MayorReport) -> MayorReport:
    require_chair(actor)
    if report.status == ReportStatus.APPROVED:
        raise ValidationFailed("This report is already approved.", field="status")
    if not report.summary.strip():
        raise ValidationFailed("Write the summary before approving.", field="summary")
    with transaction.atomic():
        report.status = ReportStatus.APPROVED
        report.approved_by = actor_name(actor)
        report.approved_at = timezone.now()
        report.save(update_fields=["status", "approved_by", "approved_at"])
        duty_close(actor=actor, duty=report.obligation, note="Approved by the chair.")
        audit_record(
            actor=actor, action=AuditAction.MAYOR_REPORT_APPROVE, target=report, changes={"status": {"new": "approved"}}
        )
    return report


__all__ = ["agencies_by_code"]
