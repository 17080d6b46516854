"""The register of agency privacy officers (EO 13 §6): designations, contact changes and vacancies."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from eo13.accounts.actors import Actor
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import ConflictError, ValidationFailed
from eo13.privacy import duties
from eo13.privacy.common import check_date, clean_phone, clean_text, register_policy
from eo13.privacy.models import PrivacyOfficerDesignation, PrivacyOfficerVacancy
from eo13.privacy.tasks import notify_cpo_of_vacancy
from eo13.scrub import removed_kinds
from eo13.versioning import versioned_update

CONTACT_FIELDS = ("full_name", "title", "email", "phone")


def _contact(*, full_name: str, title: str, email: str, phone: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    name, removed = clean_text(full_name, field="full_name", max_length=200, required=True, keep=("name",))
    title_text, removed_t = clean_text(title, field="title", max_length=200, required=True)
    email = (email or "").strip()
    try:
        validate_email(email)
    except DjangoValidationError:
        raise ValidationFailed("Enter a work e-mail address.", field="email") from None
    return (
        {"full_name": name, "title": title_text, "email": email, "phone": clean_phone(phone)},
        removed_kinds(removed, removed_t),
    )


def designation_record(
    *,
    actor: Actor,
    agency: Agency,
    full_name: str,
    title: str,
    email: str,
    phone: str,
    designated_on: date,
) -> PrivacyOfficerDesignation:
    """Name the agency's privacy officer (EO 13 §6). The one before, if any, ends the same day; an open vacancy
    is filled; the CPO's 60-day training duty starts (EO 13 §6(1))."""
    register_policy.require_write(actor, agency_id=agency.pk)
    check_date(designated_on, field="designated_on")
    contact, removed = _contact(full_name=full_name, title=title, email=email, phone=phone)
    with transaction.atomic():
        current = (
            PrivacyOfficerDesignation.objects.select_for_update().filter(agency=agency, ended_on__isnull=True).first()
        )
        if current is not None:
            if designated_on < current.designated_on:
                raise ValidationFailed(
                    "The new officer's date is before the current officer's designation.", field="designated_on"
                )
            current, _ = versioned_update(current, current.version, ended_on=designated_on)  # locked above
            duties.supersede(
                actor=actor,
                agency=agency,
                key=duties.TRAINING_KEY,
                subject=current.subject,
                note=f"Privacy officer replaced on {designated_on.isoformat()}.",
            )
            audit_record(
                actor=actor,
                action=AuditAction.PRIVACY_OFFICER_END,
                target=current,
                agency_code=agency.code,
                changes={"ended_on": {"old": None, "new": designated_on.isoformat()}},
            )
        designation = PrivacyOfficerDesignation.objects.create(
            agency=agency, designated_on=designated_on, created_by=_user(actor), **contact
        )
        vacancy = PrivacyOfficerVacancy.objects.filter(agency=agency, filled_by__isnull=True).first()
        if vacancy is not None:
            if designated_on < vacancy.vacated_on:
                raise ValidationFailed("The designation is before the vacancy began.", field="designated_on")
            vacancy.filled_by = designation
            vacancy.save(update_fields=["filled_by"])
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_OFFICER_DESIGNATE,
            target=designation,
            agency_code=agency.code,
            changes=field_changes(
                None,
                {**snapshot(designation, CONTACT_FIELDS), "designated_on": designated_on.isoformat()},
                sensitive=("email", "phone"),
            )
            | ({"filled_vacancy": {"old": None, "new": vacancy.pk}} if vacancy else {}),
        )
        duties.fulfil(
            actor=actor,
            agency=agency,
            key=duties.REPLACEMENT_KEY if vacancy else duties.INITIAL_DESIGNATION_KEY,
            subject=f"privacy-officer-vacancy:{vacancy.pk}" if vacancy else "",
            note=f"Privacy officer designated on {designated_on.isoformat()}.",
        )
        duties.event(
            actor=actor,
            name=duties.DESIGNATED_EVENT,
            on=designated_on,
            agency=agency,
            subject=designation.subject,
        )
    designation.scrubbed = removed
    return designation


def designation_update_contact(
    *,
    actor: Actor,
    designation: PrivacyOfficerDesignation,
    expected_version: int,
    full_name: str,
    title: str,
    email: str,
    phone: str,
) -> PrivacyOfficerDesignation:
    """Correct the current officer's contact details; the agency tells the CPO promptly (EO 13 §6)."""
    register_policy.require_write(actor, designation)
    contact, removed = _contact(full_name=full_name, title=title, email=email, phone=phone)
    with transaction.atomic():
        designation, changes = versioned_update(designation, expected_version, sensitive=("email", "phone"), **contact)
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_OFFICER_UPDATE_CONTACT,
            target=designation,
            agency_code=designation.agency.code,
            changes=changes,
        )
    designation.scrubbed = removed
    return designation


def vacancy_record(*, actor: Actor, agency: Agency, vacated_on: date, note: str = "") -> PrivacyOfficerVacancy:
    """The privacy officer left: end the designation, start the 30-day duty and tell the CPO (EO 13 §6)."""
    register_policy.require_write(actor, agency_id=agency.pk)
    check_date(vacated_on, field="vacated_on")
    note_text, removed = clean_text(note, field="note", max_length=2000)
    with transaction.atomic():
        current = (
            PrivacyOfficerDesignation.objects.select_for_update().filter(agency=agency, ended_on__isnull=True).first()
        )
        if current is not None:
            if vacated_on < current.designated_on:
                raise ValidationFailed("The vacancy is before the officer was designated.", field="vacated_on")
            current, _ = versioned_update(current, current.version, ended_on=vacated_on)  # locked above
            duties.supersede(
                actor=actor,
                agency=agency,
                key=duties.TRAINING_KEY,
                subject=current.subject,
                note=f"Privacy officer left on {vacated_on.isoformat()}.",
            )
        try:
            with transaction.atomic():
                vacancy = PrivacyOfficerVacancy.objects.create(
                    agency=agency, vacated_on=vacated_on, previous=current, note=note_text
                )
        except IntegrityError:
            raise ConflictError("This agency already has an open vacancy.", field="vacated_on") from None
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_OFFICER_VACANCY,
            target=vacancy,
            agency_code=agency.code,
            changes={
                "vacated_on": {"old": None, "new": vacated_on.isoformat()},
                "previous": {"old": None, "new": current.pk if current else None},
                "note": {"old": None, "new": note_text},
            },
        )
        duties.event(
            actor=actor,
            name=duties.VACANCY_EVENT,
            on=vacated_on,
            agency=agency,
            subject=f"privacy-officer-vacancy:{vacancy.pk}",
        )
        vacancy_id = vacancy.pk
        transaction.on_commit(lambda: notify_cpo_of_vacancy.enqueue(vacancy_id))
    vacancy.scrubbed = removed
    return vacancy


def _user(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
