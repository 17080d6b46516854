"""Task worker liveness (issue 14): check-ins, and running again the tasks of a worker that died.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again; if that worker is killed
the task would stay RUNNING for ever (and the daily reminder run, which re-schedules itself, would stop). Every
worker checks in every few seconds; any worker that sees a RUNNING task whose worker has not checked in for
``STALE`` puts it back to READY, so another worker runs it. Tasks that do this must be safe to run again: the
reminder run is (one digest per person per day, claimed in the database before it is sent).
"""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.db import transaction
from django.utils import timezone

from eo13.ops.models import WorkerCheckIn

CHECK_IN_EVERY = 2.0  # seconds
STALE = dt.timedelta(seconds=10)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def check_in(worker_id: str, started_at: dt.datetime) -> None:
    WorkerCheckIn.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": timezone.now(), "started_at": started_at}
    )


def check_out(worker_id: str) -> None:
    WorkerCheckIn.objects.filter(worker_id=worker_id).delete()


def requeue_orphans(now: dt.datetime | None = None) -> int:
    """Put back to READY the RUNNING tasks whose worker stopped checking in. Returns how many."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    alive = set(WorkerCheckIn.objects.filter(seen_at__gte=now - STALE).values_list("worker_id", flat=True))
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - STALE
        )
        for result in running:
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            requeued += 1
    WorkerCheckIn.objects.filter(seen_at__lt=now - 100 * STALE).delete()
    return requeued


def last_check_in() -> dt.datetime | None:
    return WorkerCheckIn.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
