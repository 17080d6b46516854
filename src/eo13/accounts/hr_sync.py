"""Leavers from the HR list of active staff (issue 15). All or nothing, like the other imports (INTERFACES §5).

The file lists every active employee as ``employee_id, agency``. An account made by City sign-in whose employee id
is not in the list is switched off: its sessions end and its API tokens stop working; its records stay, attributed.
Local accounts (break-glass, demo) carry no employee id and are left alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from eo13.accounts.actors import Actor
from eo13.accounts.models import User
from eo13.accounts.sessions import user_deactivate
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.training.importers import ImportReport, _rows

REQUIRED = ("employee_id", "agency")


@dataclass
class SyncReport:
    sha256: str
    errors: list[tuple[int, str]] = field(default_factory=list)
    listed: int = 0
    deactivated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, noun: str = "accounts") -> str:
        return (
            f"Checked {noun} against {self.listed} active employees: {len(self.deactivated)} account(s) of people "
            "no longer listed were switched off, their sessions ended and their API tokens revoked."
        )


def accounts_sync(data: bytes, *, actor: Actor, progress: Any = None) -> SyncReport:
    """Check every row first; any bad row changes nothing. Then switch off the leavers in one transaction."""
    base = ImportReport(sha256=hashlib.sha256(data).hexdigest())
    # The reader streams and notes file-level errors as it goes, so read it all before copying them.
    rows = list(_rows(data, REQUIRED, (), base, progress))
    report = SyncReport(sha256=base.sha256, errors=list(base.errors))
    codes = set(Agency.objects.filter(active=True).values_list("code", flat=True))
    seen: dict[str, int] = {}
    for line, row in rows:
        employee_id = row["employee_id"]
        if not employee_id or len(employee_id) > 64:
            report.errors.append((line, "employee_id is missing or longer than 64 characters"))
        elif employee_id in seen:
            report.errors.append((line, f"employee_id repeats line {seen[employee_id]}"))
        else:
            seen[employee_id] = line
        if row["agency"].upper() not in codes:
            report.errors.append((line, "agency is not a known agency code (INTERFACES §4)"))
    if report.errors:
        return report
    report.listed = len(seen)
    with transaction.atomic():
        leavers = User.objects.filter(is_active=True).exclude(employee_id="").exclude(employee_id__in=list(seen))
        for user in leavers.select_for_update():
            user_deactivate(actor=actor, user=user, reason="not on the HR list of active staff")
            report.deactivated.append(user.username)
        audit_record(
            actor=actor,
            action=AuditAction.ACCOUNTS_SYNC_HR,
            model="accounts.User",
            changes={"sha256": report.sha256, "listed": report.listed, "deactivated": len(report.deactivated)},
        )
    return report
