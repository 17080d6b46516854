"""Privacy reports for the CPO and City Hall (EO 13 §6; Admin Code §23-1205): counts only, over any period.

A privacy officer sees their own agency's figures; the CPO, City Hall and auditors see every agency's. The
report holds no free text at all, so an export cannot carry an identifier. Each export is an audit entry.
"""

import io
from collections import Counter
from datetime import date
from typing import Any

from django.db import transaction

from eo13 import spreadsheet
from eo13.accounts.actors import Actor
from eo13.accounts.models import Role
from eo13.accounts.policy import has_role, require_role
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import ValidationFailed
from eo13.law import identifying_information as ii
from eo13.privacy.common import REPORT_ROLES, request_policy
from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.selectors import FLAG_TEXT, register_status

CITYWIDE_READERS = frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR})
PENDING = "pending"


def _requests(user: Any) -> Any:
    if has_role(user, CITYWIDE_READERS):
        return Request.objects.all()
    return request_policy.visible(user, Request.objects.all())


def request_report(*, user: Any, start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """Requests by agency, instrument, category and outcome received between ``start`` and ``end``."""
    require_role(user, REPORT_ROLES)
    if start and end and end < start:
        raise ValidationFailed("The end of the period is before its start.", field="end")
    qs = _requests(user).select_related("agency")
    if start:
        qs = qs.filter(received_on__gte=start)
    if end:
        qs = qs.filter(received_on__lte=end)
    by_agency: Counter[str] = Counter()
    by_instrument: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    names: dict[str, str] = {}
    referred = disclosed = people = 0
    for r in qs.only(
        "agency__code",
        "agency__name",
        "instrument",
        "categories",
        "decision",
        "law_department_referred_on",
        "disclosed_on",
        "people_count",
    ):
        by_agency[r.agency.code] += 1
        names[r.agency.code] = r.agency.name
        by_instrument[r.instrument] += 1
        # Other identifying information is counted as one kind: its labels are free text (Admin Code §23-1201).
        by_category.update({"other" if ii.other_label(k) else k for k in r.categories})
        by_outcome[r.decision or PENDING] += 1
        referred += r.law_department_referred_on is not None
        disclosed += r.disclosed_on is not None
        people += r.people_count or 0
    outcome_labels = {**ii.DECISION_LABELS, PENDING: "Not decided yet"}
    report: dict[str, Any] = {
        "section": "EO 13 §6",
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "total": sum(by_agency.values()),
        "referred_to_law_department": referred,
        "disclosed": disclosed,
        "people_counted": people,
        "by_agency": [{"key": k, "label": names[k], "count": by_agency[k]} for k in sorted(by_agency)],
        "by_instrument": [
            {"key": r.instrument.value, "label": r.label, "count": by_instrument.get(r.instrument.value, 0)}
            for r in ii.INSTRUMENTS
        ],
        "by_category": [
            {"key": c.key, "label": c.label, "count": by_category[c.key], "flagged": c.singled_out}
            for c in (*ii.CATEGORIES, *ii.SENSITIVE_SUBJECTS)
            if by_category.get(c.key) or c.singled_out
        ]
        + (
            [
                {
                    "key": "other",
                    "label": "Other identifying information",
                    "count": by_category["other"],
                    "flagged": False,
                }
            ]
            if by_category.get("other")
            else []
        ),
        "by_outcome": [
            {"key": k, "label": label, "count": by_outcome.get(k, 0)} for k, label in outcome_labels.items()
        ],
    }
    rows = register_status(user=user)
    flags: Counter[str] = Counter(f for row in rows for f in row.flags)
    report["register"] = {
        "agencies": len(rows),
        "with_officer": sum(1 for r in rows if r.officer is not None),
        "flags": [{"key": k, "label": FLAG_TEXT[k], "count": flags.get(k, 0)} for k in FLAG_TEXT],
    }
    return report


def report_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    w = spreadsheet.writer(out)
    w.writerow(["table", "key", "label", "count"])
    w.writerow(["period", "start", "Start", report["start"] or ""])
    w.writerow(["period", "end", "End", report["end"] or ""])
    w.writerow(["totals", "total", "Requests", report["total"]])
    w.writerow(["totals", "referred", "Referred to the Law Department", report["referred_to_law_department"]])
    w.writerow(["totals", "disclosed", "With a disclosure", report["disclosed"]])
    for table in ("by_agency", "by_instrument", "by_category", "by_outcome"):
        for row in report[table]:
            w.writerow([table, row["key"], row["label"], row["count"]])
    for row in report["register"]["flags"]:
        w.writerow(["register", row["key"], row["label"], row["count"]])
    return out.getvalue()


def report_export(*, actor: Actor, start: date | None, end: date | None) -> str:
    """The report as CSV; the export itself goes in the audit log with who and what (issue 5, item 6)."""
    report = request_report(user=actor, start=start, end=end)
    body = report_csv(report)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.PRIVACY_REPORT_EXPORT,
            model="privacy.report",
            object_id="requests",
            changes={
                "format": {"old": None, "new": "csv"},
                "start": {"old": None, "new": report["start"]},
                "end": {"old": None, "new": report["end"]},
                "requests": {"old": None, "new": report["total"]},
            },
        )
    return body
