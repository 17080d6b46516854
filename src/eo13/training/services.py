"""Writes for the training app (EO 13 §2(2)). Each checks the actor's role and agency, writes, and appends its
audit entry in the same transaction. The CSV imports live in :mod:`eo13.training.importers`."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from eo13.accounts.actors import Actor, signed_in
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import ConflictError, ValidationFailed
from eo13.policies.models import Policy
from eo13.training import rules
from eo13.training.models import Completion, Course, RosterPerson
from eo13.training.permissions import COMPLETION_ACCESS, COURSE_ACCESS, ROSTER_ACCESS
from eo13.versioning import versioned_update

PERSON_FIELDS = ("display_name", "work_email", "role_group", "public_facing", "active")
STALE_EDIT = "Someone else changed this person since you opened the record. Reload and try again."


def person_create(
    *,
    actor: Actor,
    agency: Agency,
    staff_id: str,
    display_name: str,
    role_group: str,
    work_email: str = "",
    public_facing: bool = False,
) -> RosterPerson:
    """Add one person the agency must train (EO 13 §2(2))."""
    ROSTER_ACCESS.require_write(actor, agency_id=agency.pk)
    values = {
        "staff_id": rules.clean_staff_id(staff_id),
        "display_name": rules.clean_display_name(display_name),
        "work_email": rules.clean_work_email(work_email),
        "role_group": rules.clean_role_group(role_group),
        "public_facing": bool(public_facing),
    }
    with transaction.atomic():
        if RosterPerson.objects.filter(agency=agency, staff_id=values["staff_id"]).exists():
            raise ValidationFailed("This staff id is already on the agency's roster.", field="staff_id")
        try:
            with transaction.atomic():
                person = RosterPerson.objects.create(agency=agency, **values)
        except IntegrityError as exc:
            raise ConflictError("Someone added this staff id at the same time. Reload and check.") from exc
        audit_record(
            actor=actor,
            action=AuditAction.TRAINING_PERSON_CREATE,
            target=person,
            agency_code=agency.code,
            changes=field_changes(None, snapshot(person, ("staff_id", *PERSON_FIELDS))),
        )
    return person


def person_update(
    *,
    actor: Actor,
    person: RosterPerson,
    expected_version: int,
    display_name: str,
    role_group: str,
    work_email: str = "",
    public_facing: bool = False,
    active: bool = True,
) -> RosterPerson:
    """Change one person's details; a stale version conflicts instead of overwriting."""
    ROSTER_ACCESS.require_write(actor, person)
    values: dict[str, Any] = {
        "display_name": rules.clean_display_name(display_name),
        "work_email": rules.clean_work_email(work_email),
        "role_group": rules.clean_role_group(role_group),
        "public_facing": bool(public_facing),
        "active": bool(active),
    }
    with transaction.atomic():
        person, changes = versioned_update(person, expected_version, conflict=STALE_EDIT, **values)
        audit_record(
            actor=actor,
            action=AuditAction.TRAINING_PERSON_UPDATE,
            target=person,
            agency_code=person.agency.code,
            changes=changes,
        )
    return person


def course_create(*, actor: Actor, policy: Policy, code: str, title: str) -> Course:
    """A course on the policy version published now (EO 13 §2(2): training in line with the policies)."""
    COURSE_ACCESS.require_write(actor, agency_id=policy.agency_id)
    code = rules.clean_course_code(code)
    title = rules.clean_title(title)
    with transaction.atomic():
        policy = Policy.objects.select_related("agency", "current_version").get(pk=policy.pk)
        version = policy.current_version
        if version is None:
            raise ValidationFailed("This policy has no published version yet; publish it first.", field="policy_id")
        if Course.objects.filter(agency=policy.agency, code=code).exists():
            raise ValidationFailed("The agency already has a course with this code.", field="code")
        if Course.objects.filter(policy_version=version).exists():
            raise ValidationFailed("A course for this policy version already exists.", field="policy_id")
        try:
            with transaction.atomic():
                course = Course.objects.create(
                    agency=policy.agency, policy_version=version, code=code, title=title, created_by=signed_in(actor)
                )
        except IntegrityError as exc:
            raise ConflictError("Someone added this course at the same time. Reload and check.") from exc
        audit_record(
            actor=actor,
            action=AuditAction.TRAINING_COURSE_CREATE,
            target=course,
            agency_code=policy.agency.code,
            changes={
                "code": {"new": code},
                "title": {"new": title},
                "policy_version": {"new": f"{policy.slug} v{version.number}"},
            },
        )
    return course


def completion_record(
    *, actor: Actor, person: RosterPerson, course: Course, completed_on: dt.date | str
) -> tuple[Completion, bool]:
    """Record that ``person`` finished ``course``; recording it again updates the date. Returns (completion,
    created)."""
    COMPLETION_ACCESS.require_write(actor, agency_id=person.agency_id)
    if course.agency_id != person.agency_id:
        raise ValidationFailed("The course belongs to another agency.", field="course")
    day = rules.clean_completed_on(completed_on)
    with transaction.atomic():
        completion, created = Completion.objects.select_for_update().get_or_create(
            person=person, course=course, defaults={"completed_on": day}
        )
        old = None if created else completion.completed_on
        if not created and completion.completed_on != day:
            completion.completed_on = day
            completion.save(update_fields=["completed_on", "recorded_at"])
        audit_record(
            actor=actor,
            action=AuditAction.TRAINING_COMPLETION_RECORD,
            target=completion,
            agency_code=person.agency.code,
            changes={
                "person": {"new": person.staff_id},
                "course": {"new": course.code},
                "completed_on": {"old": old.isoformat() if old else None, "new": day.isoformat()},
            },
        )
    return completion, created
