"""The register of requests for identifying information (EO 13 §6; Admin Code §§23-1201, 23-1202).

Each step (log, assign, refer to the Law Department, decide, disclose) is one service with one audit entry.
The register keeps counts and categories, never who the people are; free text goes through the scrubber.
"""

from datetime import date
from typing import Any

from django.db import transaction

from eo13.accounts.actors import Actor
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import ValidationFailed
from eo13.law import identifying_information as ii
from eo13.privacy.common import check_date, clean_text, request_policy
from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.models import PrivacyOfficerDesignation
from eo13.scrub import removed_kinds, scrub
from eo13.versioning import versioned_update

MAX_PEOPLE = 10_000_000


def _categories(keys: list[str] | None, *, field: str, required: bool = True) -> list[str]:
    keys = list(dict.fromkeys(keys or []))
    if required and not keys:
        raise ValidationFailed("Choose at least one kind of information.", field=field)
    unknown = ii.unknown_categories(keys)
    if unknown:
        raise ValidationFailed(
            f"Unknown kind of information: {', '.join(unknown)}. For other identifying information write "
            f"'other:' and a short label ({ii.OTHER_LABEL_MAX} characters at most).",
            field=field,
        )
    others = []
    for k in keys:
        label = ii.other_label(k)
        if label is not None:
            if scrub(label).changed:
                raise ValidationFailed("The label must describe a kind of information, not a person.", field=field)
            others.append(ii.OTHER_PREFIX + label)
    return [k for k in ii.CATEGORY_KEYS if k in keys] + list(dict.fromkeys(others))


def _officer(agency: Agency, officer: PrivacyOfficerDesignation | None) -> PrivacyOfficerDesignation | None:
    if officer is not None and officer.agency_id != agency.pk:
        raise ValidationFailed("Assign a privacy officer of this agency.", field="assigned_officer_id")
    return officer


def _save(req: Request, expected_version: int, fields: dict[str, Any]) -> None:
    versioned_update(
        req,
        expected_version,
        conflict="Someone else changed this request since you opened it. Reload and try again.",
        **fields,
    )


def request_create(
    *,
    actor: Actor,
    agency: Agency,
    requesting_agency: str,
    instrument: str,
    received_on: date,
    categories: list[str],
    respond_by: date | None = None,
    people_count: int | None = None,
    summary: str = "",
    assigned_officer: PrivacyOfficerDesignation | None = None,
) -> Request:
    """Log a request an outside agency made (EO 13 §6). The current privacy officer is assigned by default."""
    request_policy.require_write(actor, agency_id=agency.pk)
    requester, removed = clean_text(requesting_agency, field="requesting_agency", max_length=200, required=True)
    if instrument not in {r.instrument.value for r in ii.INSTRUMENTS}:
        raise ValidationFailed("Choose how they asked.", field="instrument")
    check_date(received_on, field="received_on")
    if respond_by is not None and respond_by < received_on:
        raise ValidationFailed("The response date is before the date received.", field="respond_by")
    if people_count is not None and not 0 <= people_count <= MAX_PEOPLE:
        raise ValidationFailed("Enter how many people, as a whole number.", field="people_count")
    cats = _categories(categories, field="categories")
    summary_text, removed_s = clean_text(summary, field="summary", max_length=5000)
    officer = (
        _officer(agency, assigned_officer)
        or PrivacyOfficerDesignation.objects.filter(agency=agency, ended_on__isnull=True).first()
    )
    with transaction.atomic():
        Agency.objects.select_for_update().filter(pk=agency.pk).first()
        n = Request.objects.filter(agency=agency, reference__startswith=f"{agency.code}-{received_on.year}-").count()
        req = Request.objects.create(
            agency=agency,
            reference=f"{agency.code}-{received_on.year}-{n + 1:04d}",
            requesting_agency=requester,
            instrument=instrument,
            received_on=received_on,
            respond_by=respond_by,
            categories=cats,
            people_count=people_count,
            summary=summary_text,
            assigned_officer=officer,
        )
        audit_record(
            actor=actor,
            action=AuditAction.II_REQUEST_CREATE,
            target=req,
            agency_code=agency.code,
            changes=field_changes(
                None,
                snapshot(
                    req,
                    (
                        "reference",
                        "requesting_agency",
                        "instrument",
                        "received_on",
                        "respond_by",
                        "categories",
                        "people_count",
                        "summary",
                        "assigned_officer_id",
                    ),
                ),
            ),
        )
    req.scrubbed = removed_kinds(removed, removed_s)
    return req


def request_assign(
    *, actor: Actor, request: Request, officer: PrivacyOfficerDesignation, expected_version: int
) -> Request:
    request_policy.require_write(actor, request)
    _officer(request.agency, officer)
    if officer.ended_on is not None:
        raise ValidationFailed("This officer has left. Assign the current one.", field="assigned_officer_id")
    with transaction.atomic():
        old = request.assigned_officer_id
        _save(request, expected_version, {"assigned_officer": officer})
        audit_record(
            actor=actor,
            action=AuditAction.II_REQUEST_ASSIGN,
            target=request,
            agency_code=request.agency.code,
            changes={"assigned_officer_id": {"old": old, "new": officer.pk}},
        )
    return request


def request_refer(*, actor: Actor, request: Request, referred_on: date, note: str, expected_version: int) -> Request:
    """Send legal process to the Law Department before deciding (City practice; NYC Charter §394)."""
    request_policy.require_write(actor, request)
    check_date(referred_on, field="referred_on")
    if referred_on < request.received_on:
        raise ValidationFailed("The referral is before the request was received.", field="referred_on")
    note_text, removed = clean_text(note, field="note", max_length=2000)
    with transaction.atomic():
        _save(request, expected_version, {"law_department_referred_on": referred_on, "law_department_note": note_text})
        audit_record(
            actor=actor,
            action=AuditAction.II_REQUEST_REFER,
            target=request,
            agency_code=request.agency.code,
            changes={
                "law_department_referred_on": {"old": None, "new": referred_on.isoformat()},
                "law_department_note": {"old": None, "new": note_text},
            },
        )
    request.scrubbed = removed
    return request


def request_decide(
    *, actor: Actor, request: Request, decision: str, reasons: str, decided_on: date, expected_version: int
) -> Request:
    """Decline, disclose only what the law requires, or disclose part, with reasons (Admin Code §23-1202)."""
    request_policy.require_write(actor, request)
    if decision not in ii.DECISION_LABELS:
        raise ValidationFailed("Choose a decision.", field="decision")
    check_date(decided_on, field="decided_on")
    if decided_on < request.received_on:
        raise ValidationFailed("The decision is before the request was received.", field="decided_on")
    reasons_text, removed = clean_text(reasons, field="reasons", max_length=5000, required=True)
    if request.needs_law_department and request.law_department_referred_on is None:
        raise ValidationFailed(
            "Legal process goes to the Law Department first. Record the referral, then decide.", field="decision"
        )
    if request.disclosed_on is not None:
        raise ValidationFailed("A disclosure is already recorded; the decision cannot change.", field="decision")
    with transaction.atomic():
        before = snapshot(request, ("decision", "decision_reasons", "decided_on"))
        _save(
            request,
            expected_version,
            {"decision": decision, "decision_reasons": reasons_text, "decided_on": decided_on, "decided_by": actor},
        )
        audit_record(
            actor=actor,
            action=AuditAction.II_REQUEST_DECIDE,
            target=request,
            agency_code=request.agency.code,
            changes=field_changes(before, snapshot(request, ("decision", "decision_reasons", "decided_on"))),
        )
    request.scrubbed = removed
    return request


def request_disclose(
    *,
    actor: Actor,
    request: Request,
    categories: list[str],
    disclosed_on: date,
    note: str = "",
    expected_version: int,
) -> Request:
    """Record what was disclosed, approved by the acting privacy officer, and when (Admin Code §23-1202)."""
    request_policy.require_write(actor, request)
    if not request.decision:
        raise ValidationFailed("Record the decision before any disclosure.", field="categories")
    if not ii.decision_allows_disclosure(request.decision):
        raise ValidationFailed("The decision was to decline; nothing may be disclosed.", field="categories")
    cats = _categories(categories, field="categories")
    extra = [k for k in cats if k not in request.categories]
    if extra:
        raise ValidationFailed("Disclose only kinds of information that were asked for.", field="categories")
    check_date(disclosed_on, field="disclosed_on")
    if request.decided_on and disclosed_on < request.decided_on:
        raise ValidationFailed("The disclosure is before the decision.", field="disclosed_on")
    note_text, removed = clean_text(note, field="note", max_length=2000)
    with transaction.atomic():
        _save(
            request,
            expected_version,
            {
                "disclosed_categories": cats,
                "disclosed_on": disclosed_on,
                "disclosure_approved_by": actor,
                "disclosure_note": note_text,
            },
        )
        audit_record(
            actor=actor,
            action=AuditAction.II_REQUEST_DISCLOSE,
            target=request,
            agency_code=request.agency.code,
            changes={
                "disclosed_categories": {"old": None, "new": cats},
                "disclosed_on": {"old": None, "new": disclosed_on.isoformat()},
                "approved_by": {"old": None, "new": actor.get_username()},
                "note": {"old": None, "new": note_text},
            },
        )
    request.scrubbed = removed
    return request
