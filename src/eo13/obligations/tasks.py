"""Background work on Django's tasks framework, run by django-tasks-db's database worker (`make run` starts it).

The daily run re-schedules itself for the next morning in New York, so one start-up keeps it going.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from eo13 import clock

RUN_AT = dt.time(7, 0)  # 7 a.m. in New York, before the working day


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    local = (now or clock.now()).astimezone(clock.NEW_YORK)
    day = local.date() if local.time() < RUN_AT else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, RUN_AT, tzinfo=clock.NEW_YORK)


@task
def daily_obligations(on: str | None = None, reschedule: bool = True) -> dict[str, Any]:
    """Add periods of recurring duties that have begun, then send the day's reminder digests."""
    from eo13.obligations.reminders import reminders_send
    from eo13.obligations.services import obligation_events_refresh

    made = obligation_events_refresh(actor="reminders")
    sent = reminders_send(on=dt.date.fromisoformat(on) if on else None)
    if reschedule:
        ensure_daily_reminders()  # not enqueue(): a run started again after its worker died must not fork the chain
    return {"new_duties": made, **sent}


def ensure_daily_reminders() -> bool:
    """Schedule the daily run unless one is already waiting. True when it scheduled one."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=daily_obligations.module_path, status="READY").exists()
    if waiting:
        return False
    daily_obligations.using(run_after=next_run()).enqueue()
    return True
