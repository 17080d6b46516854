"""The §2 audit report each of the six agencies sends the Mayor: findings, policy changes, compliance steps and
training (EO 13 §2). Free text is scrubbed; edits carry the version they started from."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from eo13.accounts.actors import Actor
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import ConflictError, NotFound, ValidationFailed
from eo13.obligations.models import AuditReport
from eo13.obligations.policy import OBLIGATION_POLICY
from eo13.text import clean_free_text
from eo13.versioning import versioned_update

REPORT_FIELDS = ("findings", "policy_changes", "compliance_steps", "training")
MAX_FIELD = 20000
STALE = "Someone else changed this report since you opened it. Reload and try again."


def audit_report_get(user: Any, agency: Agency) -> AuditReport:
    """The agency's report (an empty one before the first save). Only the six §2 agencies write one."""
    if not agency.is_section_2:
        raise NotFound("Only the six agencies named in EO 13 §2 send an audit report.")
    if not OBLIGATION_POLICY.can_read(user, AuditReport(agency=agency)):
        raise NotFound("No such report, or you may not see it.")
    return AuditReport.objects.filter(agency=agency).first() or AuditReport(agency=agency, version=0)


def audit_report_save(*, actor: Actor, agency: Agency, expected_version: int, **texts: str) -> AuditReport:
    OBLIGATION_POLICY.require_write(actor, agency_id=agency.pk)
    report = audit_report_get(actor, agency)
    unknown = set(texts) - set(REPORT_FIELDS)
    if unknown:
        raise ValidationFailed(f"Unknown part of the report: {sorted(unknown)[0]}.", field=sorted(unknown)[0])
    clean: dict[str, Any] = {
        f: clean_free_text(texts.get(f), field=f, max_length=MAX_FIELD).text for f in REPORT_FIELDS
    }
    with transaction.atomic():
        before = snapshot(report, REPORT_FIELDS) if report.pk else None
        if report.pk is None:
            if expected_version != 0:
                raise ConflictError(STALE)
            report = AuditReport.objects.create(agency=agency, updated_by=actor, version=1, **clean)
        else:
            report, _ = versioned_update(
                report, expected_version, conflict=STALE, updated_by=actor, updated_at=timezone.now(), **clean
            )
        audit_record(
            actor=actor,
            action=AuditAction.AUDIT_REPORT_SAVE,
            target=report,
            agency_code=agency.code,
            changes=field_changes(before, snapshot(report, REPORT_FIELDS)),
        )
    return report
