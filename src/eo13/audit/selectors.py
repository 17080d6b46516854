"""Reads of the audit log for the auditor's page (issue 13). Who may read is the caller's check (the web view asks
for the auditor role); this module imports no app, as the audit layer must not (import-linter)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from eo13.audit.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    who: str = ""  # part of a username, or a job's name
    action: str = ""  # an AuditAction value
    agency: str = ""  # an agency code
    record: str = ""  # "model" or "model:id", e.g. "access.Encounter:12"
    since: dt.date | None = None
    until: dt.date | None = None


def audit_entries(f: AuditFilter) -> QuerySet[AuditEntry]:
    """Newest first, narrowed by each filter that is set. Dates are whole days, inclusive."""
    qs = AuditEntry.objects.order_by("-seq")
    if f.who:
        qs = qs.filter(actor_username__icontains=f.who)
    if f.action:
        qs = qs.filter(action=f.action)
    if f.agency:
        qs = qs.filter(agency_code__iexact=f.agency)
    if f.record:
        model, _, object_id = f.record.partition(":")
        qs = qs.filter(Q(model__iexact=model.strip()))
        if object_id.strip():
            qs = qs.filter(object_id=object_id.strip())
    if f.since:
        qs = qs.filter(at__date__gte=f.since)
    if f.until:
        qs = qs.filter(at__date__lte=f.until)
    return qs
