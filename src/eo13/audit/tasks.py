"""Periodic signed checkpoints of the audit chains (issue 14), on the task worker.

Like the daily reminder run (eo13.obligations.tasks), the task schedules its own next run, so one start-up
(``eo13 bootstrap``) keeps it going; a run started again after its worker died does not fork the schedule.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.tasks import task
from django.utils import timezone

from eo13.audit.checkpoints import checkpoint_make, heads_of
from eo13.audit.models import AuditChainHead, AuditCheckpoint

EVERY = dt.timedelta(minutes=10)


def _unchanged_since_last() -> bool:
    last = AuditCheckpoint.objects.order_by("-seq").first()
    if last is None:
        return False
    now = {h.chain: (h.count, h.last_hash) for h in AuditChainHead.objects.all()}
    return heads_of(json.loads(last.body)) == now


@task
def audit_checkpoint(reschedule: bool = True) -> dict[str, Any]:
    """Sign every chain's head now, unless nothing was written since the last checkpoint."""
    made = None if _unchanged_since_last() else checkpoint_make()
    if reschedule:
        ensure_audit_checkpoints()
    return {"written": made is not None, "entries": made["count"] if made else None}


def ensure_audit_checkpoints() -> bool:
    """Schedule the next checkpoint unless one is already waiting. True when it scheduled one."""
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=audit_checkpoint.module_path, status="READY").exists():
        return False
    audit_checkpoint.using(run_after=timezone.now() + EVERY).enqueue()
    return True
