"""The one door to the order's dates outside ``law/`` (issue 11): the catalogue's rules, counted under the
day-counting convention the City chose (settings.EO13_DEADLINE_CONVENTION: ``calendar`` or ``gcl-25a``).

``eo13 due``, the obligations engine and API, and the privacy registers all ask here, so the command line and the
workspace give the same date for the same duty. ``law/`` stays pure: it takes the convention as an argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings

from eo13.law.deadlines import Convention, Event
from eo13.law.obligations import DutyDue, Office, duties_for_event, spec, spec_due


def convention() -> Convention:
    """The convention every date of the order is counted under (README: EO13_DEADLINE_CONVENTION)."""
    return Convention(getattr(settings, "EO13_DEADLINE_CONVENTION", Convention.CALENDAR.value))


def duties_due(
    event: str,
    on: date,
    offices: Sequence[Office],
    *,
    agency: str | None = None,
    periods: int = 1,
    counting: Convention | None = None,
) -> list[DutyDue]:
    """Every duty ``event`` on ``on`` makes due (law.obligations.duties_for_event), under the City's convention
    unless ``counting`` names another (``eo13 due --convention``, the API's ``convention``)."""
    return duties_for_event(event, on, offices, agency=agency, periods=periods, convention=counting or convention())


def duty_due(key: str, event: str, on: date) -> date | None:
    """The date one catalogue duty falls due because ``event`` happened on ``on``, under the City's convention."""
    due = spec_due(spec(key), Event(event), on, convention=convention())
    return due.due if due else None
