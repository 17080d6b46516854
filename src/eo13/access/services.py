"""Writes for agreements and encounter records. Each checks role and agency, scrubs free text, and audits."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from eo13.access.documents import check_pdf
from eo13.access.models import Agreement, AgreementProperty, DecisionLog, Encounter
from eo13.access.models.encounters import CityResponse, DocumentShown, RequestingAgency, RequestKind
from eo13.access.policy import agreement_policy, encounter_policy, may_file_for
from eo13.accounts.actors import Actor, signed_in
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.law.facts import Use
from eo13.scrub import scrub
from eo13.text import clean_free_text
from eo13.versioning import versioned_update

REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$")
# How far ahead of the server's clock an encounter time may be (a device clock or time zone off by hours).
ENCOUNTER_CLOCK_SLACK = timedelta(days=1)
ENCOUNTER_FIELDS = (
    "occurred_at",
    "property_id",
    "place_description",
    "requesting_agency",
    "request_kind",
    "immigration_enforcement",
    "documents_shown",
    "decision_id",
    "outcome_given",
    "city_response",
    "what_happened",
    "counsel_called",
)


def _choice(value: Any, choices: Any, field: str) -> str:
    if value not in choices.values:
        raise ValidationFailed(f"Choose one of: {', '.join(choices.values)}.", field)
    return str(value)


def encounter_create(
    *,
    actor: Actor,
    agency: Agency,
    occurred_at: datetime,
    requesting_agency: str,
    request_kind: str,
    city_response: str,
    property_id: int | None = None,
    place_description: str = "",
    immigration_enforcement: bool | None = None,
    documents_shown: list[str] | None = None,
    decision: DecisionLog | None = None,
    what_happened: str = "",
    counsel_called: bool = False,
) -> Encounter:
    """File an encounter record. Returns it and the kinds of identifiers the scrubber removed, to tell the writer."""
    if not may_file_for(actor, agency.pk):
        raise PermissionDenied("You can file encounter records only for your own agency.")
    docs = list(dict.fromkeys(documents_shown or []))
    for d in docs:
        if d not in DocumentShown.values:
            raise ValidationFailed(
                f"Unknown document {d!r}; use: {', '.join(DocumentShown.values)}.", "documents_shown"
            )
    if len(what_happened) > 1000:
        raise ValidationFailed("Keep it short: 1,000 characters for what happened.", "what_happened")
    if len(place_description) > 200:
        raise ValidationFailed("Keep it short: 200 characters for the place.", "place_description")
    if occurred_at > timezone.now() + ENCOUNTER_CLOCK_SLACK:
        # A record of something that has not happened yet is a typing slip (a year like 2062 or 9999).
        raise ValidationFailed("When it happened cannot be in the future.", "occurred_at")
    if decision is not None and decision.agency_id not in (agency.pk, None):
        raise PermissionDenied("That decision belongs to another agency.")
    # Addresses are removed here too: a registered place is chosen by BBL, and a free-typed address may be a home.
    place = clean_free_text(place_description, field="place_description", max_length=200)
    happened = clean_free_text(what_happened, field="what_happened", max_length=1000)
    with transaction.atomic():
        encounter = Encounter.objects.create(
            agency=agency,
            occurred_at=occurred_at,
            property_id=property_id,
            place_description=place.text,
            requesting_agency=_choice(requesting_agency, RequestingAgency, "requesting_agency"),
            request_kind=_choice(request_kind, RequestKind, "request_kind"),
            immigration_enforcement=immigration_enforcement,
            documents_shown=docs,
            decision=decision,
            outcome_given=decision.outcome if decision else "",
            city_response=_choice(city_response, CityResponse, "city_response"),
            what_happened=happened.text,
            counsel_called=counsel_called,
            created_by=signed_in(actor),
        )
        audit_record(
            actor=actor,
            action=AuditAction.ENCOUNTER_CREATE,
            target=encounter,
            agency_code=agency.code,
            changes=field_changes(
                None, snapshot(encounter, ENCOUNTER_FIELDS), sensitive=("what_happened", "place_description")
            ),
        )
    encounter.scrubbed = tuple(dict.fromkeys(place.removed + happened.removed))
    return encounter


def encounter_update(*, actor: Actor, encounter: Encounter, expected_version: int, **changes: Any) -> Encounter:
    """Agency leads correct a record; a stale version conflicts instead of overwriting."""

    encounter_policy.require_write(actor, encounter)
    allowed = {"city_response", "what_happened", "counsel_called", "immigration_enforcement", "request_kind"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationFailed(f"These fields cannot be changed: {', '.join(sorted(unknown))}.", sorted(unknown)[0])
    if "what_happened" in changes:
        changes["what_happened"] = clean_free_text(
            changes["what_happened"], field="what_happened", max_length=1000
        ).text
    if "city_response" in changes:
        _choice(changes["city_response"], CityResponse, "city_response")
    if "request_kind" in changes:
        _choice(changes["request_kind"], RequestKind, "request_kind")
    with transaction.atomic():
        encounter, changed = versioned_update(encounter, expected_version, sensitive=("what_happened",), **changes)
        audit_record(
            actor=actor,
            action=AuditAction.ENCOUNTER_UPDATE,
            target=encounter,
            agency_code=encounter.agency.code,
            changes=changed,
        )
    return encounter


def _check_uses(uses: list[str]) -> list[str]:
    for u in uses:
        if u not in tuple(Use):
            raise ValidationFailed(f"Unknown use {u!r}; use: {', '.join(Use)}.", "uses")
    return list(dict.fromkeys(uses))


def agreement_create(
    *,
    actor: Actor,
    agency: Agency,
    reference: str,
    kind: str,
    title: str,
    parties: str,
    valid_from: date,
    valid_to: date | None = None,
    all_properties: bool = False,
    bbls: list[str] | None = None,
    uses: list[str] | None = None,
    document: UploadedFile[Any] | None = None,
) -> Agreement:
    """Register an agreement or cooperative arrangement (EO 13 §3(1), §3(3))."""
    agreement_policy.require_write(actor, agency_id=agency.pk)
    if kind not in ("formal_agreement", "cooperative_arrangement"):
        raise ValidationFailed("Choose formal_agreement or cooperative_arrangement.", "kind")
    if valid_to is not None and valid_to < valid_from:
        raise ValidationFailed("The end date is before the start date.", "valid_to")
    bbls = list(dict.fromkeys(b.strip() for b in (bbls or []) if b.strip()))
    if not all_properties and not bbls:
        raise ValidationFailed("List the BBLs it covers, or mark it as covering every City lot.", "bbls")
    for b in bbls:
        if not (len(b) == 10 and b.isdigit()):
            raise ValidationFailed(f"{b!r} is not a ten-digit BBL.", "bbls")
    reference = reference.strip()
    if not REFERENCE.match(reference) or scrub(reference).changed:
        raise ValidationFailed(
            "Use the agreement's own reference: letters, digits, spaces and - . / only.", "reference"
        )
    if Agreement.objects.filter(reference=reference).exists():
        raise ValidationFailed("An agreement with this reference already exists.", "reference")
    digest = ""
    if document is not None:
        digest = check_pdf(document)
    with transaction.atomic():
        a = Agreement.objects.create(
            agency=agency,
            reference=reference.strip(),
            kind=kind,
            title=clean_free_text(title, field="title", max_length=200).text,
            parties=clean_free_text(parties, field="parties", max_length=400).text,
            valid_from=valid_from,
            valid_to=valid_to,
            all_properties=all_properties,
            uses=_check_uses(uses or []),
            document=document or "",
            document_sha256=digest,
        )
        AgreementProperty.objects.bulk_create([AgreementProperty(agreement=a, bbl=b) for b in bbls])
        audit_record(
            actor=actor,
            action=AuditAction.AGREEMENT_CREATE,
            target=a,
            agency_code=agency.code,
            changes=field_changes(
                None,
                {
                    **snapshot(a, ("reference", "kind", "title", "valid_from", "valid_to", "all_properties", "uses")),
                    "bbls": bbls,
                },
            ),
        )
    return a
