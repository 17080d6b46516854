"""Crises and what happens in them (EO 13 §7 opening, §7(1)(a)–(e)): the record, its timeline, guidance and
messaging approved by the chair and confirmed by agencies, and actions and data requests tracked as duties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from eo13.accounts.actors import ActorOrJob
from eo13.accounts.models import Role
from eo13.accounts.policy import has_role
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.committee.models import (
    BOROUGHS,
    Crisis,
    CrisisStatus,
    CrisisTask,
    Guidance,
    GuidanceDelivery,
    GuidanceStatus,
    TaskKind,
    TaskStatus,
    TimelineEntry,
)
from eo13.committee.policy import require_answer, require_chair, require_leadership
from eo13.committee.services.common import (
    actor_name,
    agencies_by_code,
    agency_by_code,
    check_due,
    clean,
    duty_close,
    duty_open,
)
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.law.deadlines import Event
from eo13.scrub import scrub
from eo13.versioning import versioned_update

BOROUGH_KEYS = {k for k, _ in BOROUGHS}
MAX_FILE = 10 * 1024 * 1024


def _check_crisis_fields(starts_on: Any, ends_on: Any, severity: Any, boroughs: list[str], status: str) -> None:
    if not isinstance(starts_on, dt.date):
        raise ValidationFailed("Give the start date as YYYY-MM-DD.", field="starts_on")
    if ends_on is not None and (not isinstance(ends_on, dt.date) or ends_on < starts_on):
        raise ValidationFailed("The end date must be on or after the start date.", field="ends_on")
    if severity not in (1, 2, 3, 4):
        raise ValidationFailed("Severity is 1 (low) to 4 (critical).", field="severity")
    bad = set(boroughs) - BOROUGH_KEYS
    if bad:
        raise ValidationFailed(f"Unknown borough: {', '.join(sorted(bad))}.", field="boroughs")
    if status not in CrisisStatus.values:
        raise ValidationFailed(f"Status must be one of {', '.join(CrisisStatus.values)}.", field="status")


def crisis_open(
    *,
    actor: ActorOrJob,
    title: str,
    kind: str,
    starts_on: dt.date,
    severity: int = 2,
    agency_codes: list[str] | tuple[str, ...] = (),
    boroughs: list[str] | tuple[str, ...] = (),
    status: str = CrisisStatus.ACTIVE,
    ends_on: dt.date | None = None,
) -> Crisis:
    require_leadership(actor)
    title = clean(title, field="title", limit=200)
    kind = clean(kind, field="kind", limit=100)
    _check_crisis_fields(starts_on, ends_on, severity, list(boroughs), status)
    agencies = agencies_by_code(agency_codes)
    with transaction.atomic():
        crisis = Crisis.objects.create(
            title=title,
            kind=kind,
            severity=severity,
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            boroughs=sorted(set(boroughs)),
            created_by=actor_name(actor),
        )
        crisis.agencies.set(agencies)
        audit_record(
            actor=actor,
            action=AuditAction.CRISIS_OPEN,
            target=crisis,
            changes={
                "title": {"new": title},
                "status": {"new": status},
                "agencies": {"new": [a.code for a in agencies]},
            },
        )
    return crisis


def crisis_update(
    *, actor: ActorOrJob, crisis: Crisis, expected_version: int, status: str, ends_on: dt.date | None, severity: int
) -> Crisis:
    """Change a crisis's status, severity or end; standing down needs an end date."""
    require_leadership(actor)
    _check_crisis_fields(crisis.starts_on, ends_on, severity, crisis.boroughs, status)
    if status == CrisisStatus.STOOD_DOWN and ends_on is None:
        raise ValidationFailed("Give the date the crisis was stood down.", field="ends_on")
    before = {"status": crisis.status, "severity": crisis.severity, "ends_on": str(crisis.ends_on or "")}
    with transaction.atomic():
        crisis, _ = versioned_update(
            crisis,
            expected_version,
            conflict="Someone else changed this crisis. Reload and try again.",
            status=status,
            ends_on=ends_on,
            severity=severity,
        )
        after = {"status": status, "severity": severity, "ends_on": str(ends_on or "")}
        audit_record(
            actor=actor,
            action=AuditAction.CRISIS_UPDATE,
            target=crisis,
            changes={k: {"old": before[k], "new": after[k]} for k in after if before[k] != after[k]},
        )
    return crisis


def timeline_post(*, actor: ActorOrJob, crisis: Crisis, text: str) -> TimelineEntry:
    """An update on the crisis timeline (who, when, what). Committee members and leadership post."""

    if getattr(actor, "is_authenticated", False) and not has_role(actor, {Role.COMMITTEE}):
        raise PermissionDenied("Committee members post timeline updates.")
    text = clean(text, field="text", limit=2000)
    with transaction.atomic():
        entry = TimelineEntry.objects.create(crisis=crisis, at=timezone.now(), author=actor_name(actor), text=text)
        audit_record(
            actor=actor, action=AuditAction.CRISIS_TIMELINE_POST, target=entry, changes={"crisis": {"new": crisis.pk}}
        )
    return entry


def guidance_draft(
    *, actor: ActorOrJob, crisis: Crisis, kind: str, title: str, body: str, supersedes: Guidance | None = None
) -> Guidance:
    """A draft of guidance or messaging (EO 13 §7(1)(a), (d)); a new draft of an existing one is its next version."""
    require_leadership(actor)
    if kind not in ("guidance", "messaging"):
        raise ValidationFailed("Kind is guidance or messaging.", field="kind")
    if supersedes is not None and supersedes.crisis_id != crisis.pk:
        raise ValidationFailed("That earlier version belongs to another crisis.", field="supersedes")
    with transaction.atomic():
        g = Guidance.objects.create(
            crisis=crisis,
            kind=kind,
            title=clean(title, field="title", limit=200),
            body=clean(body, field="body", limit=20000),
            version=(supersedes.version + 1) if supersedes else 1,
            supersedes=supersedes,
            drafted_by=actor_name(actor),
        )
        audit_record(actor=actor, action=AuditAction.GUIDANCE_DRAFT, target=g, changes={"version": {"new": g.version}})
    return g


def guidance_approve(*, actor: ActorOrJob, guidance: Guidance) -> Guidance:
    require_chair(actor)
    if guidance.status != GuidanceStatus.DRAFT:
        raise ValidationFailed("Only a draft can be approved.", field="status")
    with transaction.atomic():
        guidance.status = GuidanceStatus.APPROVED
        guidance.approved_by = actor_name(actor)
        guidance.approved_at = timezone.now()
        guidance.save(update_fields=["status", "approved_by", "approved_at"])
        audit_record(
            actor=actor, action=AuditAction.GUIDANCE_APPROVE, target=guidance, changes={"status": {"new": "approved"}}
        )
    return guidance


def guidance_send(*, actor: ActorOrJob, guidance: Guidance, agency_codes: list[str]) -> list[GuidanceDelivery]:
    require_leadership(actor)
    if guidance.status == GuidanceStatus.DRAFT:
        raise ValidationFailed("The chair approves guidance before it is sent.", field="status")
    agencies = agencies_by_code(agency_codes)
    if not agencies:
        raise ValidationFailed("Choose at least one agency.", field="agencies")
    now = timezone.now()
    with transaction.atomic():
        made = [
            GuidanceDelivery.objects.get_or_create(guidance=guidance, agency=a, defaults={"sent_at": now})[0]
            for a in agencies
        ]
        Guidance.objects.filter(pk=guidance.pk).update(status=GuidanceStatus.SENT)
        audit_record(
            actor=actor,
            action=AuditAction.GUIDANCE_SEND,
            target=guidance,
            changes={"agencies": {"new": [a.code for a in agencies]}},
        )
    return made


def guidance_confirm(*, actor: ActorOrJob, delivery: GuidanceDelivery) -> GuidanceDelivery:
    require_answer(actor, delivery.agency_id)
    if delivery.confirmed_at:
        return delivery
    with transaction.atomic():
        delivery.confirmed_at = timezone.now()
        delivery.confirmed_by = actor_name(actor)
        delivery.save(update_fields=["confirmed_at", "confirmed_by"])
        audit_record(
            actor=actor, action=AuditAction.GUIDANCE_CONFIRM, target=delivery, agency_code=delivery.agency.code
        )
    return delivery


def task_assign(
    *,
    actor: ActorOrJob,
    agency_code: str,
    description: str,
    due: dt.date,
    crisis: Crisis | None = None,
    risk: Any = None,
    kind: str = TaskKind.ACTION,
) -> CrisisTask:
    """Give an agency an action or a data request with a due date; it becomes a duty in the agency's workspace."""
    require_leadership(actor)
    if kind not in TaskKind.values:
        raise ValidationFailed(f"Kind must be one of {', '.join(TaskKind.values)}.", field="kind")
    if crisis is None and risk is None:
        raise ValidationFailed("An action belongs to a crisis or a risk.", field="crisis")
    agency = agency_by_code(agency_code)
    text = clean(description, field="description", limit=2000)
    check_due(due, after=crisis.starts_on if crisis else None)
    with transaction.atomic():
        task = CrisisTask.objects.create(crisis=crisis, risk=risk, kind=kind, agency=agency, description=text, due=due)
        label = "Committee data request" if kind == TaskKind.DATA_REQUEST else "Committee action"
        task.obligation = duty_open(
            actor=actor,
            event=Event.COMMITTEE_ACTION_ASSIGNED.value,
            agency=agency,
            subject=f"committee-task:{task.pk}",
            due=due,
            title=f"{label}: {text}",
        )
        task.save(update_fields=["obligation"])
        audit_record(
            actor=actor,
            action=AuditAction.COMMITTEE_TASK_ASSIGN,
            target=task,
            agency_code=agency.code,
            changes={
                "kind": {"new": kind},
                "due": {"new": due.isoformat()},
                "crisis": {"new": getattr(crisis, "pk", None)},
            },
        )
    return task


def task_answer(
    *,
    actor: ActorOrJob,
    task: CrisisTask,
    answer: str,
    number: str | Decimal | None = None,
    file: Any = None,
) -> CrisisTask:
    """The agency reports an action done or answers a data request with a note, a number or a file. Aggregates
    only: free text is scrubbed and a file that names people is the agency's to keep (EO 13 §7(1)(e))."""
    require_answer(actor, task.agency_id)
    if task.status != TaskStatus.OPEN:
        raise ValidationFailed("This has already been answered.", field="status")
    text = clean(answer, field="answer", limit=4000)
    value: Decimal | None = None
    if number not in (None, ""):
        try:
            value = Decimal(str(number))
        except InvalidOperation:
            raise ValidationFailed("Give a number, like 12 or 3.5.", field="number") from None
        if value < 0:
            raise ValidationFailed("Counts cannot be negative.", field="number")
    if file is not None:
        if file.size and file.size > MAX_FILE:
            raise ValidationFailed("Files must be under 10 MB.", field="file")
        if scrub(file.name or "").changed:
            raise ValidationFailed("The file name must not identify a person.", field="file")
    with transaction.atomic():
        task.answer = text
        task.answer_number = value
        if file is not None:
            task.answer_file.save(f"task-{task.pk}-{file.name}", file, save=False)
        task.status = TaskStatus.DONE
        task.answered_at = timezone.now()
        task.answered_by = actor_name(actor)
        task.save()
        duty_close(actor=actor, duty=task.obligation, note=text)
        audit_record(
            actor=actor,
            action=AuditAction.COMMITTEE_TASK_ANSWER,
            target=task,
            agency_code=task.agency.code,
            changes={"answer": {"new": text}, "number": {"new": str(value) if value is not None else None}},
        )
    return task


__all__ = [
    "crisis_open",
    "crisis_update",
    "guidance_approve",
    "guidance_confirm",
    "guidance_draft",
    "guidance_send",
    "task_answer",
    "task_assign",
    "timeline_post",
]
