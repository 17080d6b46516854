"""What every Committee service needs: the actor's name, clean text, the registry, and the link to the
obligations engine (no second deadline engine here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eo13.accounts.actors import ActorOrJob
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agencies_by_code, agency_by_code
from eo13.clock import today
from eo13.errors import ValidationFailed
from eo13.obligations.interface import fulfil as obligation_fulfil
from eo13.obligations.interface import record_event as obligation_event_record
from eo13.obligations.models import Obligation
from eo13.text import clean_free_text

__all__ = ["actor_name", "agencies_by_code", "agency_by_code", "clean", "duty_close", "duty_open"]


def actor_name(actor: ActorOrJob) -> str:
    if not isinstance(actor, str) and actor.is_authenticated:
        return str(actor.get_username())
    return actor if isinstance(actor, str) else "system"


def clean(text: str | None, *, field: str, required: bool = True, limit: int = 4000) -> str:
    """Scrubbed, trimmed text: identifying details of members of the public never reach the database."""
    if len((text or "").strip()) > limit:  # before scrubbing: a huge text costs nothing
        raise ValidationFailed(f"Keep it under {limit} characters.", field=field)
    value = clean_free_text(text, field=field, max_length=limit).text
    if required and not value:
        raise ValidationFailed("This cannot be empty.", field=field)
    return value


def check_due(due: Any, *, after: dt.date | None = None, field: str = "due") -> dt.date:
    if not isinstance(due, dt.date):
        raise ValidationFailed("Give a due date as YYYY-MM-DD.", field=field)
    if after is not None and due < after:
        raise ValidationFailed(f"The due date must not be before {after.isoformat()}.", field=field)
    return due


def duty_open(
    *,
    actor: ActorOrJob,
    event: str,
    agency: Agency | None,
    subject: str,
    due: dt.date,
    title: str,
    on: dt.date | None = None,
) -> Obligation:
    """Make the tracked duty for a Committee record through the obligations engine, with the record's due date,
    so it shows in the agency's workspace, reminders and calendar feed. ``on`` is the event's date (today unless
    the event is one that sets a date ahead, as the Mayor's direction does)."""
    duties = obligation_event_record(
        actor=f"committee:{actor_name(actor)}", event=event, on=on or today(), agency=agency, subject=subject
    )
    duty = duties[0]
    Obligation.objects.filter(pk=duty.pk).update(due=due, title=title[:200])
    duty.refresh_from_db()
    return duty


def duty_close(*, actor: ActorOrJob, duty: Obligation | None, note: str) -> None:
    if duty is not None:
        obligation_fulfil(actor=actor, agency=duty.agency, key=duty.key, subject=duty.subject, note=note[:4000])
