"""Background work on Django's tasks framework, run by django-tasks-db's database worker (`make run` starts it).

The daily run re-schedules itself for the next morning in New York, so one start-up keeps it going. A run that
fails (an SMTP error, say) is not the end of the chain (issue 11): it schedules a retry within the hour and then
fails, so the worker records the failure with its traceback (the ops page and /metrics show failed tasks). Digests
are sent exactly once (reminders.py), so a retry sends only what the failed run did not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from eo13 import clock

RUN_AT = dt.time(7, 0)  # 7 a.m. in New York, before the working day
RETRY_AFTER = dt.timedelta(hours=1)


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    local = (now or clock.now()).astimezone(clock.NEW_YORK)
    day = local.date() if local.time() < RUN_AT else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, RUN_AT, tzinfo=clock.NEW_YORK)


@task
def daily_obligations(on: str | None = None, reschedule: bool = True) -> dict[str, Any]:
    """Add periods of recurring duties that have begun, then send the day's reminder digests."""
    from eo13.obligations.reminders import reminders_send
    from eo13.obligations.services import obligation_events_refresh

    try:
        made = obligation_events_refresh(actor="reminders")
        sent = reminders_send(on=dt.date.fromisoformat(on) if on else None)
    except Exception:
        if reschedule:
            ensure_daily_reminders(at=clock.now() + RETRY_AFTER)
        raise
    if reschedule:
        ensure_daily_reminders()  # not enqueue(): a run started again after its worker died must not fork the chain
    return {"new_duties": made, **sent}


def ensure_daily_reminders(at: dt.datetime | None = None) -> bool:
    """Schedule the daily run (next morning, or ``at``) unless one is already waiting. True when it scheduled one."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=daily_obligations.module_path, status="READY").exists()
    if waiting:
        return False
    daily_obligations.using(run_after=at or next_run()).enqueue()
    return True
