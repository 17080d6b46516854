"""Background work on Django's tasks framework, run by django-tasks-db's database worker (`make run` starts it).

The daily run re-schedules itself for the next morning in New York, so one start-up keeps it going. A run that fails
(an SMTP server down, a database restart) schedules a retry of the same day before it re-raises: the failure is
reported (the task is FAILED, counted by /metrics, logged) and reminders do not stop for good (issue 11).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.tasks import task

from eo13 import clock
from eo13.obligations.reminders import reminders_send
from eo13.obligations.services import obligation_events_refresh

RUN_AT = dt.time(7, 0)  # 7 a.m. in New York, before the working day
RETRY_AFTER = dt.timedelta(minutes=20)  # grows with each try: 20, 40, 60 ... minutes
MAX_TRIES = 6  # then the day is given up and the next morning's run takes over (it sends what is still due)

logger = logging.getLogger(__name__)


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    local = (now or clock.now()).astimezone(clock.NEW_YORK)
    day = local.date() if local.time() < RUN_AT else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, RUN_AT, tzinfo=clock.NEW_YORK)


@task
def daily_obligations(on: str | None = None, reschedule: bool = True, attempt: int = 1) -> dict[str, Any]:
    """Add periods of recurring duties that have begun, then send the day's reminder digests.

    Sending is exactly-once per person and day (``reminders_send``), so a retry mails only those the failed try
    did not reach."""

    day = dt.date.fromisoformat(on) if on else clock.today()
    try:
        made = obligation_events_refresh(actor="reminders")
        sent = reminders_send(on=day)
    except Exception:
        if reschedule:
            _retry_or_give_up(day, attempt)
        raise
    if reschedule:
        ensure_daily_reminders()  # not enqueue(): a run started again after its worker died must not fork the chain
    return {"new_duties": made, **sent}


def _retry_or_give_up(day: dt.date, attempt: int) -> None:
    if attempt < MAX_TRIES:
        at = clock.now() + RETRY_AFTER * attempt
        daily_obligations.using(run_after=at).enqueue(on=day.isoformat(), attempt=attempt + 1)
        logger.error("Daily duties run for %s failed (try %d of %d); it runs again at %s.", day, attempt, MAX_TRIES, at)
    else:
        ensure_daily_reminders()
        logger.error("Daily duties run for %s failed %d times; the next morning's run takes over.", day, attempt)


def ensure_daily_reminders() -> bool:
    """Schedule the daily run unless one is already waiting. True when it scheduled one."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=daily_obligations.module_path, status="READY").exists()
    if waiting:
        return False
    daily_obligations.using(run_after=next_run()).enqueue()
    return True
