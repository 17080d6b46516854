"""CPO training of privacy officers (EO 13 §6(1)) and the CPO's protocols (EO 13 §6(2))."""

from datetime import date

from django.db import IntegrityError, transaction

from eo13 import clock
from eo13.accounts.actors import Actor, signed_in
from eo13.accounts.models import Role
from eo13.accounts.policy import agency_ids, has_role, require_role
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.privacy import duties
from eo13.privacy.common import CPO_ROLES, check_date, clean_text
from eo13.privacy.models import (
    PrivacyOfficerDesignation,
    PrivacyProtocol,
    ProtocolAcknowledgement,
    TrainingAttendance,
    TrainingKind,
    TrainingSession,
)
from eo13.scrub import removed_kinds


def training_session_create(
    *, actor: Actor, kind: str, topic: str, held_on: date, protocol: PrivacyProtocol | None = None
) -> TrainingSession:
    """Record a training the CPO gave or will give (EO 13 §6(1))."""
    require_role(actor, CPO_ROLES)
    if kind not in TrainingKind.values:
        raise ValidationFailed("Choose what the training covers.", field="kind")
    check_date(held_on, field="held_on", not_future=False)
    topic_text, removed = clean_text(topic, field="topic", max_length=200, required=True)
    with transaction.atomic():
        session = TrainingSession.objects.create(
            kind=kind, topic=topic_text, held_on=held_on, protocol=protocol, created_by=signed_in(actor)
        )
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_TRAINING_CREATE,
            target=session,
            changes={
                "kind": {"old": None, "new": kind},
                "topic": {"old": None, "new": topic_text},
                "held_on": {"old": None, "new": held_on.isoformat()},
                "protocol": {"old": None, "new": protocol.number if protocol else None},
            },
        )
    session.scrubbed = removed
    return session


def training_attendance_record(
    *, actor: Actor, session: TrainingSession, designation: PrivacyOfficerDesignation, today: date | None = None
) -> TrainingAttendance:
    """The officer attended. Training on the Identifying Information Law on or after the designation closes the
    officer's training duty (EO 13 §6(1))."""
    require_role(actor, CPO_ROLES)

    if session.held_on > (today or clock.today()):
        raise ValidationFailed("Record attendance after the session has taken place.", field="session")
    if session.held_on < designation.designated_on:
        raise ValidationFailed(
            "This session was before the officer was designated, so it does not count for this designation.",
            field="designation_id",
        )
    if designation.ended_on is not None and session.held_on > designation.ended_on:
        raise ValidationFailed("This officer had left before the session.", field="designation_id")
    with transaction.atomic():
        try:
            with transaction.atomic():
                attendance = TrainingAttendance.objects.create(
                    session=session, designation=designation, recorded_by=signed_in(actor)
                )
        except IntegrityError:
            raise ConflictError("This attendance is already recorded.", field="designation_id") from None
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_TRAINING_ATTEND,
            target=attendance,
            agency_code=designation.agency.code,
            changes={
                "session": {"old": None, "new": session.pk},
                "designation": {"old": None, "new": designation.pk},
            },
        )
        if session.kind == TrainingKind.IDENTIFYING_INFORMATION_LAW:
            note = f"Privacy officer trained on {session.held_on.isoformat()}."
            # The duty this designation started, and the one the order's issuance started for the agency.
            for subject in (designation.subject, ""):
                duties.fulfil(
                    actor=actor, agency=designation.agency, key=duties.TRAINING_KEY, subject=subject, note=note
                )
    return attendance


def protocol_publish(*, actor: Actor, title: str, body: str, effective_on: date) -> PrivacyProtocol:
    """A new version of the CPO's protocols (EO 13 §6(2)); every privacy officer is asked to acknowledge it."""
    require_role(actor, CPO_ROLES)
    check_date(effective_on, field="effective_on", not_future=False)
    title_text, removed = clean_text(title, field="title", max_length=200, required=True)
    body_text, removed_b = clean_text(body, field="body", max_length=50_000, required=True)
    with transaction.atomic():
        # PostgreSQL refuses FOR UPDATE with an aggregate: lock the rows, then take the highest number.
        numbers = list(PrivacyProtocol.objects.select_for_update().values_list("number", flat=True))
        number = max(numbers, default=0) + 1
        protocol = PrivacyProtocol.objects.create(
            number=number, title=title_text, body=body_text, effective_on=effective_on, created_by=signed_in(actor)
        )
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_PROTOCOL_PUBLISH,
            target=protocol,
            changes={
                "number": {"old": None, "new": number},
                "title": {"old": None, "new": title_text},
                "effective_on": {"old": None, "new": effective_on.isoformat()},
            },
        )
    protocol.scrubbed = removed_kinds(removed, removed_b)
    return protocol


def protocol_acknowledge(*, actor: Actor, protocol: PrivacyProtocol) -> ProtocolAcknowledgement:
    """The acting privacy officer's agency acknowledges the current protocol version (EO 13 §6(2))."""
    if not has_role(actor, {Role.PRIVACY_OFFICER}):
        raise PermissionDenied("Only an agency privacy officer acknowledges the protocols.")
    latest = PrivacyProtocol.objects.order_by("-number").first()
    if latest is None or latest.pk != protocol.pk:
        raise ValidationFailed("A newer version exists. Acknowledge the current version.", field="protocol")
    designation = (
        PrivacyOfficerDesignation.objects.filter(
            agency_id__in=agency_ids(actor, {Role.PRIVACY_OFFICER}), ended_on__isnull=True
        )
        .select_related("agency")
        .first()
    )
    if designation is None:
        raise ValidationFailed("Your agency has no privacy officer on the register yet.", field="protocol")
    with transaction.atomic():
        try:
            with transaction.atomic():
                ack = ProtocolAcknowledgement.objects.create(
                    protocol=protocol, designation=designation, acknowledged_by=signed_in(actor)
                )
        except IntegrityError:
            raise ConflictError("Your agency already acknowledged this version.", field="protocol") from None
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_PROTOCOL_ACKNOWLEDGE,
            target=ack,
            agency_code=designation.agency.code,
            changes={"protocol": {"old": None, "new": protocol.number}},
        )
    return ack
